import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digests, filesUnder, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

function build(root: string, env: Record<string, string> = {}, extra: string[] = []) {
  return spawnSync(process.execPath, [bin, 'build', ...extra], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: HANG_MS })
}

/** A copy of the shipped sources, each file passed through `transform`, written in `order`. */
function sourcesCopy(transform: (text: string) => string = (t) => t, order: 'forward' | 'reverse' = 'forward'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-determinism-'))
  const files = filesUnder(path.join(repoRoot, 'sources'))
  for (const file of order === 'forward' ? files : [...files].reverse()) {
    const target = path.join(root, 'sources', file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, transform(readFileSync(path.join(repoRoot, 'sources', file), 'utf8')))
  }
  return root
}

describe('generated/ is byte-identical', () => {
  const baselineRoot = sourcesCopy()
  const baseline = () => {
    const result = build(baselineRoot)
    expect(result.status, result.stderr).toBe(0)
    return digests(path.join(baselineRoot, 'generated'))
  }
  let expected: Record<string, string> | undefined
  const reference = () => (expected ??= baseline())

  it('matches the committed generated/ (the shipped sources, unchanged)', () => {
    // generated/site belongs to `thresholds site` and is not committed. The changelogs' history
    // comes from git, which this copy has not (test/generate/changelog-history.test.ts covers them).
    const fromSources = ([file]: [string, string]) => !file.startsWith('site/') && !file.endsWith('CHANGELOG.md')
    const committed = Object.fromEntries(Object.entries(digests(path.join(repoRoot, 'generated'))).filter(fromSources))
    // The package version counts on from the release generated/package.json records, so the copy
    // starts from the committed output, as `npm run build` in the repository does.
    const root = sourcesCopy()
    cpSync(path.join(repoRoot, 'generated'), path.join(root, 'generated'), { recursive: true, filter: (from) => path.relative(path.join(repoRoot, 'generated'), from).split(path.sep)[0] !== 'site' })
    const result = build(root)
    expect(result.status, result.stderr).toBe(0)
    expect(Object.fromEntries(Object.entries(digests(path.join(root, 'generated'))).filter(fromSources))).toEqual(committed)
  })

  it('across runs, with another time zone and locale', () => {
    const root = sourcesCopy()
    const result = build(root, { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' })
    expect(result.status, result.stderr).toBe(0)
    expect(digests(path.join(root, 'generated'))).toEqual(reference())
  })

  it('with CRLF line endings in every source file', () => {
    const root = sourcesCopy((text) => text.replace(/\r?\n/g, '\r\n'))
    const result = build(root)
    expect(result.status, result.stderr).toBe(0)
    expect(digests(path.join(root, 'generated'))).toEqual(reference())
  })

  it('whatever order the files were created in', () => {
    const root = sourcesCopy(undefined, 'reverse')
    const result = build(root)
    expect(result.status, result.stderr).toBe(0)
    expect(digests(path.join(root, 'generated'))).toEqual(reference())
  })

  it('is reported by build --check when a generated file is edited by hand', () => {
    const root = sourcesCopy()
    expect(build(root).status).toBe(0)
    const typed = path.join(root, 'generated/solihull/index.d.ts')
    writeFileSync(typed, readFileSync(typed, 'utf8').replace("'early-help'", "'early-help' | 'made-up'"))
    const check = build(root, {}, ['--check'])
    expect(check.status).toBe(1)
    expect(check.stderr).toContain('differs: generated/solihull/index.d.ts')
  })
})
