/**
 * What a build keeps of the sources while it generates: the texts of files without messages are
 * let go once the check is reported (scripts/pipeline/build.ts), those with messages stay for
 * their quotes, and the comparing rule still points at its line (its framework keeps only its own
 * place and framework.md's front-matter once its own rules have run: check/runner.ts, forComparing).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findFrameworkFolders } from '../../scripts/parse/index.ts'
import { sourcesOf } from '../../scripts/parse/read.ts'
import { buildRun } from '../../scripts/pipeline/build.ts'
import { checkRun } from '../../scripts/pipeline/check.ts'
import { filesUnder, fixtures, frameworkWith, TEST_TODAY, thresholds, UNHURRIED_PARSE } from '../helpers.ts'

const overlays = path.join(fixtures, 'rules/guidance-edition-current')

/** Two frameworks, the first citing an older edition of guidance than the second: one warning, in minimal/framework.md. */
function twoFrameworks(): string {
  const { root } = frameworkWith(path.join(overlays, 'invalid'))
  frameworkWith(path.join(overlays, 'others/neighbour'), 'neighbour', root)
  return root
}

describe('a build', () => {
  it('lets go of the texts of files without messages before generating, and keeps those with messages', async () => {
    const root = twoFrameworks()
    const result = await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, today: TEST_TODAY, env: { THRESHOLDS_WORKERS: '0' , ...UNHURRIED_PARSE } })
    expect([result.errors, result.warnings]).toEqual([0, 1])
    const [warning] = result.files.flatMap((file) => file.messages)
    expect(`${warning?.file}:${warning?.line}:${warning?.column} ${warning?.ruleId}`).toBe('sources/minimal/framework.md:10:14 guidance-edition-current')
    await buildRun(path.join(root, 'generated'), result.contexts)
    const sources = result.contexts.flatMap((context) => sourcesOf(context.folder))
    const kept = sources.filter((source) => source.vfile.messages.length > 0)
    expect(kept.map((source) => source.path)).toEqual(['sources/minimal/framework.md'])
    expect(kept[0]?.text).toBe(readFileSync(path.join(root, 'sources/minimal/framework.md'), 'utf8'))
    const released = sources.filter((source) => source.vfile.messages.length === 0)
    expect(released.length).toBeGreaterThan(10)
    for (const source of released) {
      expect(() => source.text, source.path).toThrow(`the text of ${source.path} was let go once it was checked`)
      expect(() => source.vfile.value, source.path).toThrow('was let go once it was checked')
      expect(() => source.toPoint(0), source.path).toThrow('was let go once it was checked')
    }
  })

  it('writes the same files through the CLI, quoting the warned line, on this thread and on parse workers', () => {
    const made = ['0', '2'].map((workers) => {
      const root = twoFrameworks()
      const run = thresholds(['build'], root, { env: { THRESHOLDS_TODAY: TEST_TODAY, THRESHOLDS_WORKERS: workers } })
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout + run.stderr).toContain('sources/minimal/framework.md:10:14 warning “Working Together to Safeguard Children” is cited in its 2018 edition')
      expect(run.stdout + run.stderr).toContain('> 10 |     edition: 2018\n     |              ^^^^\n')
      expect(run.stdout + run.stderr).toContain('Wrote 31 files in generated/.')
      return Object.fromEntries(filesUnder(path.join(root, 'generated')).map((file) => [file, readFileSync(path.join(root, 'generated', file), 'utf8')]))
    })
    expect(Object.keys(made[0] ?? {}).length).toBeGreaterThan(5)
    expect(made[1]).toEqual(made[0])
  })
})
