/**
 * The numbers and outputs the README and the guides state about a run come from a run: each is
 * compared here with what the CLI, the built package or the registry gives today, so a change
 * that moves one fails until the document says so.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { changeKinds } from '../../scripts/diff/registry.ts'
import { edit, fixtures, onTestDay, repoRoot, thresholds } from '../helpers.ts'

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')

/** The lines of the first fenced block after `marker` in `text`, without the block's indent. */
function blockAfter(text: string, marker: string): string[] {
  const start = text.indexOf(marker)
  expect(start, marker).toBeGreaterThan(-1)
  const match = /^( *)```\w*\n([\s\S]*?)^\1```$/m.exec(text.slice(start))
  const indent = match?.[1] ?? ''
  return (match?.[2] ?? '').trimEnd().split('\n').map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
}

type Framework = { id: string; levels: unknown[]; domains: unknown[]; indicators: { polarity: string }[] }
const built = (id: string) => JSON.parse(readFileSync(path.join(repoRoot, `generated/${id}/framework.json`), 'utf8')) as Framework

describe('README', () => {
  it('gives the summary line a check of the shipped frameworks ends with, and what was suppressed', () => {
    const text = thresholds(['check', '--no-cache'], repoRoot, { env: onTestDay })
    expect(text.status).toBe(0)
    expect(blockAfter(readme, '<!-- shipped-check')).toEqual([text.stderr.trimEnd().split('\n').at(-1)])
    expect(text.stderr).toBe('✔ 0 errors, 0 warnings, 43 suppressed in 2 frameworks\n')

    const json = JSON.parse(thresholds(['check', '--no-cache', '--format', 'json'], repoRoot, { env: onTestDay }).stdout) as { suppressed: { ruleId: string; kind: string }[] }
    const pending = json.suppressed.filter((entry) => entry.ruleId === 'link-pending' && entry.kind === 'config').length
    const inline = json.suppressed.filter((entry) => entry.kind === 'inline').length
    expect([pending, inline, json.suppressed.length]).toEqual([35, 8, 43])
    expect(readme).toContain(`${pending} are web addresses still marked \`pending:\``)
    expect(readme).toContain(`and ${inline} are single occurrences accepted by a\n   comment in the source`)
  })

  it('shows the report a real build prints for a level without contacts, a mistyped link and a pending address, as do authoring.md and cli.md', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-readme-'))
    mkdirSync(path.join(root, 'sources'))
    cpSync(path.join(fixtures, 'minimal'), path.join(root, 'sources/minimal'), { recursive: true })
    edit(path.join(root, 'sources/minimal/levels/01-early-help.md'), '(#front-door)', '(#front-dor)')
    edit(path.join(root, 'sources/minimal/links.md'), '{#regional-procedures}\n', '{#regional-procedures}\n- [Local offer](pending:) {#local-offer}\n')
    const result = thresholds(['build'], root, { env: onTestDay })
    expect(result.status).toBe(1)
    expect(blockAfter(readme, '**Break something.**').join('\n')).toBe(`$ thresholds build\n${result.stderr.trimEnd()}`)
    // The same problems in the guides: the first of them in authoring.md, as a GitHub annotation in cli.md.
    const guide = readFileSync(path.join(repoRoot, 'docs/authoring.md'), 'utf8')
    expect(result.stderr).toContain(`${blockAfter(guide, '## Read an error').join('\n')}\n`)
    const github = thresholds(['check', '--format', 'github'], root, { env: onTestDay })
    const annotation = blockAfter(readFileSync(path.join(repoRoot, 'docs/cli.md'), 'utf8'), 'The same problem as a `github` annotation')
    expect(annotation).toHaveLength(1)
    expect(github.stdout.split('\n')).toContain(annotation[0])
  })

  it('counts the levels, domains and indicators of each shipped framework as the built package does', () => {
    const rows = readme.split('\n').filter((line) => line.startsWith('| [`sources/'))
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      const [, levels = '', domains = '', indicators = ''] = /^\| \[`sources\/([a-z-]+)`\].*\| (\d[^|]*) \| (\d+) \| (\d[^|]*) \|$/.exec(row)?.slice(1) ?? []
      const framework = built(/sources\/([a-z-]+)/.exec(row)?.[1] ?? '')
      const strengths = framework.indicators.filter((indicator) => indicator.polarity === 'strength').length
      expect(Number.parseInt(levels, 10), row).toBe(framework.levels.length)
      expect(Number(domains), row).toBe(framework.domains.length)
      const numbers = [...indicators.matchAll(/\d+/g)].map(Number)
      expect(numbers, row).toEqual(numbers.length === 1 ? [framework.indicators.length] : [framework.indicators.length, strengths, framework.indicators.length - strengths])
    }
  })
})

describe('docs/', () => {
  it('diff.md counts the change kinds of the registry', () => {
    expect(readFileSync(path.join(repoRoot, 'docs/diff.md'), 'utf8')).toContain(`There are ${changeKinds.length} kinds,`)
  })

  it('content-notes counts the pending addresses of each shipped framework', () => {
    const pending = (id: string) => readFileSync(path.join(repoRoot, `sources/${id}/links.md`), 'utf8').split('](pending:)').length - 1
    const shropshire = pending('shropshire')
    const solihull = pending('solihull')
    expect(readFileSync(path.join(repoRoot, 'docs/content-notes/README.md'), 'utf8')).toContain(
      `(${shropshire + solihull} entries: ${shropshire} in Shropshire, ${solihull} in\n  Solihull)`,
    )
  })

  it('app-developers.md gives the version of the built package', () => {
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'generated/package.json'), 'utf8')) as { version: string }).version
    expect(readFileSync(path.join(repoRoot, 'docs/app-developers.md'), 'utf8')).toContain(`(\`${version}\` for the two shipped \`1.0\` frameworks)`)
  })
})
