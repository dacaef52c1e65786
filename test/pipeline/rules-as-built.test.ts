/**
 * A check runs each framework's own rules as soon as the framework is built, and keeps only what
 * the rules that compare frameworks read of it until every framework is built. The messages and
 * suppressions are exactly those of running every rule over every framework at once, in the same
 * order: the expected lists below are what the check reported before it ran rules as it built.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFrameworks, type CheckResult } from '../../scripts/check/index.ts'
import { forComparing } from '../../scripts/check/runner.ts'
import type { ParseContext } from '../../scripts/parse/context.ts'
import { findFrameworkFolders, loadFrameworks } from '../../scripts/parse/index.ts'
import { checkRun, plainStages } from '../../scripts/pipeline/check.ts'
import { storeMessage } from '../../scripts/shared/diagnostics.ts'
import { fixtures, onTestDay, parser, repoRoot, TEST_TODAY, thresholds, UNHURRIED_PARSE } from '../helpers.ts'

/**
 * Four frameworks in one run: the shipped two (suppressions inline and by settings, one of the
 * comparing rule among them), one citing an older edition than they do (a comparing rule's
 * message), and one suppressing that message inline, with a suppression comment nothing uses.
 */
function fourFrameworks(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-as-built-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  for (const id of ['shropshire', 'solihull']) cpSync(path.join(repoRoot, 'sources', id), path.join(root, 'sources', id), { recursive: true })
  const minimal = (id: string, change: (text: string) => string) => {
    cpSync(path.join(fixtures, 'minimal'), path.join(root, 'sources', id), { recursive: true })
    const file = path.join(root, 'sources', id, 'framework.md')
    const text = readFileSync(file, 'utf8').replace('id: minimal', `id: ${id}`)
    const changed = change(text)
    expect(changed).not.toBe(text)
    writeFileSync(file, changed)
  }
  minimal('older', (text) => text.replace('    edition: 2026\n', '    edition: 2018\n'))
  minimal('oldest', (text) => text.replace('    edition: 2026\n', '    # thresholds-ignore-next-line guidance-edition-current: kept at the edition the source cites until the partnership updates it\n    edition: 2010\n'))
  const level = path.join(root, 'sources/oldest/levels/01-early-help.md')
  writeFileSync(level, readFileSync(level, 'utf8').replace('## What to do', '<!-- thresholds-ignore-next-line heading-increment: this heading follows the title directly -->\n## What to do'))
  return root
}

const expectedDiagnostics = [
  'sources/older/framework.md:10:14 warning guidance-edition-current “Working Together to Safeguard Children” is cited in its 2018 edition, but “shropshire” cites the 2026 edition, expected the framework to be checked against the newer edition',
  'sources/oldest/levels/01-early-help.md:9:1 warning unused-suppression This suppression of “heading-increment” matches no message on line 10, expected it to be removed',
]

const linkPending = (file: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${file}:${from + i}:3 link-pending config`)

/** In folder order, and within a framework in rule order (the comparing rule in its place among the others). */
const expectedSuppressed = [
  'sources/oldest/framework.md:11:14 guidance-edition-current inline',
  'sources/shropshire/levels/02-getting-extra-help.md:25:3 bullet-complete inline',
  'sources/shropshire/sections/11-send.md:20:3 bullet-complete inline',
  'sources/shropshire/sections/13-youth-justice.md:16:3 bullet-complete inline',
  'sources/shropshire/levels/01-getting-everyday-advice-and-support.md:4:8 level-has-contacts inline',
  'sources/shropshire/levels/02-getting-extra-help.md:4:8 level-has-contacts inline',
  ...linkPending('sources/shropshire/links.md', 15, 38),
  'sources/solihull/domains/03-identity-and-self-esteem.md:4:8 domain-covers-levels inline',
  'sources/solihull/framework.md:12:14 guidance-edition-current inline',
  'sources/solihull/levels/04-statutory-services.md:4:8 highest-level-has-emergency-route inline',
  ...linkPending('sources/solihull/links.md', 9, 19),
]

interface JsonReport {
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; ruleId: string; message: string }>
  suppressed: Array<{ file: string; line: number; column: number; ruleId: string; kind: string }>
}

/** Every message field the content cache keeps, by file, and the suppressions, for comparing two runs exactly. */
function everything(result: CheckResult<{ folder: ParseContext['folder']; framework: ParseContext['framework'] }>) {
  return { files: result.files.map((file) => [file.path, file.messages.map(storeMessage)]), suppressed: result.suppressed, errors: result.errors, warnings: result.warnings }
}

describe('rules run as each framework is built', () => {
  it('report, through the CLI, what running every rule at once reported, on the main thread and on a parse worker', () => {
    const root = fourFrameworks()
    const reports = ['0', '1'].map((workers) => {
      const run = thresholds(['check', '--no-cache', '--format', 'json'], root, { env: { ...onTestDay, THRESHOLDS_WORKERS: workers } })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      return run.stdout
    })
    expect(reports[1]).toBe(reports[0])
    const report = JSON.parse(reports[0] as string) as JsonReport
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual(expectedDiagnostics)
    expect(report.suppressed.map((s) => `${s.file}:${s.line}:${s.column} ${s.ruleId} ${s.kind}`)).toEqual(expectedSuppressed)
  })

  it('give every message field and every suppression of the rules run over all frameworks once they are all built', async () => {
    const root = fourFrameworks()
    const dirs = findFrameworkFolders([path.join(root, 'sources')], root)
    const asBuilt = await checkRun(dirs, { cwd: root, today: TEST_TODAY, env: { THRESHOLDS_WORKERS: '0' , ...UNHURRIED_PARSE } })
    const atOnce = checkFrameworks(loadFrameworks(dirs, { cwd: root, parser }), { today: TEST_TODAY })
    expect(everything(asBuilt)).toEqual(everything(atOnce))
    expect(asBuilt.warnings).toBe(2)
    expect(asBuilt.suppressed.map((s) => `${s.file}:${s.line}:${s.column} ${s.ruleId} ${s.kind}`)).toEqual(expectedSuppressed)
  })

  it('keep of each framework, once its own rules have run, only what the comparing rules read', async () => {
    const root = fourFrameworks()
    const dirs = findFrameworkFolders([path.join(root, 'sources')], root)
    const inner = plainStages({ cwd: root, env: { THRESHOLDS_WORKERS: '0' , ...UNHURRIED_PARSE } })
    const kept: ParseContext[] = []
    try {
      await checkRun(dirs, {
        cwd: root,
        today: TEST_TODAY,
        stages: {
          ...inner,
          parse: (folders, built) =>
            inner.parse(folders, (context, index) => {
              if (!built) throw new Error('the check did not ask to see each framework as it is built')
              const keep = built(context, index)
              kept.push(keep)
              return keep
            }),
        },
      })
    } finally {
      inner.close()
    }
    expect(kept.map((context) => context.framework.id)).toEqual(['older', 'oldest', 'shropshire', 'solihull'])
    for (const context of kept) {
      expect(() => context.trees).toThrow(`the parse detail “trees” is let go once a framework's own rules have run; a rule that compares frameworks reads only folder, framework, places, frontMatters`)
      expect(() => context.linkUses).toThrow('the parse detail “linkUses” is let go')
      expect(context.places.get(context.framework)?.file.path).toBe(`sources/${context.framework.id}/framework.md`)
    }
  })

  it('hand a comparing rule the framework, its files, its own place and framework.md’s front-matter, and nothing else', () => {
    const [full] = loadFrameworks([path.join(fixtures, 'minimal')], { parser })
    if (!full) throw new Error('the minimal fixture did not load')
    const reduced = forComparing(full)
    expect(reduced.folder).toBe(full.folder)
    expect(reduced.framework).toBe(full.framework)
    const frameworkFile = full.folder.files.find((file) => file.kind === 'framework')?.source
    if (!frameworkFile) throw new Error('the minimal fixture has no framework.md')
    expect(reduced.places.get(full.framework)).toBe(full.places.get(full.framework))
    expect(reduced.places.get(full.framework)?.file.relative).toBe('framework.md')
    expect(reduced.frontMatters.get(frameworkFile)).toBe(full.frontMatters.get(frameworkFile))
    expect(reduced.frontMatters.has(frameworkFile)).toBe(true)
    // Places of anything else, and other files' front-matter, are let go.
    const level = full.framework.levels[0]
    if (!level || !full.places.has(level)) throw new Error('the minimal fixture has no placed level')
    expect(() => reduced.places.get(level)).toThrow(`the place of anything but the framework itself is let go once a framework's own rules have run`)
    const otherFile = [...full.frontMatters.keys()].find((file) => file !== frameworkFile)
    if (!otherFile) throw new Error('the minimal fixture has no other file with front-matter')
    expect(() => reduced.frontMatters.get(otherFile)).toThrow(`the front-matter of any file but framework.md is let go once a framework's own rules have run`)
    expect(() => reduced.frontMatters.has(otherFile)).toThrow('is let go')
    // Walking them would miss what was let go: it fails instead.
    expect(() => [...reduced.places.keys()]).toThrow(TypeError)
    expect(() => reduced.frontMatters.forEach(() => undefined)).toThrow(TypeError)
    expect(Object.keys(reduced)).toEqual(Object.keys(full))
    for (const key of Object.keys(full).filter((key) => !['folder', 'framework', 'places', 'frontMatters'].includes(key)))
      expect(() => reduced[key as keyof ParseContext], key).toThrow(`the parse detail “${key}” is let go`)
  })
})
