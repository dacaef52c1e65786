import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckCache, MODEL } from '../../scripts/cache/check.ts'
import { BuildCache } from '../../scripts/cache/generate.ts'
import { openCache, readEntry, writeEntry, type ContentCache } from '../../scripts/cache/store.ts'
import type { Generator } from '../../scripts/generate/index.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { findFrameworkFolders } from '../../scripts/parse/index.ts'
import { buildRun } from '../../scripts/pipeline/build.ts'
import { checkRun, type CheckRun } from '../../scripts/pipeline/check.ts'
import { digests, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

function thresholds(args: string[], cwd: string, today = '2026-06-30') {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: today, CACHE_DIR: '' }, timeout: HANG_MS })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A project as an author has one: a package.json, the shipped frameworks in sources/. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-cache-'))
  writeFileSync(path.join(root, 'package.json'), '{ "name": "partnership-frameworks", "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  return root
}

const cacheDir = (root: string) => path.join(root, 'node_modules/.cache/thresholds')
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8')
  expect(text).toMatch(from)
  writeFileSync(file, text.replace(from, to))
}

/** The check as a tool sees it, and the exit code: with the cache and without must agree exactly. */
function bothWays(root: string, today?: string) {
  const cached = thresholds(['check', '--format', 'json'], root, today)
  const fresh = thresholds(['check', '--format', 'json', '--no-cache'], root, today)
  expect(cached.stderr).toBe(fresh.stderr)
  return { cached, fresh }
}

describe('content cache', () => {
  it('answers unchanged frameworks without parsing them, and parses only what changed', async () => {
    const root = project()
    const cache = openCache(root, process.env, process.getuid?.()) as ContentCache
    expect(cache.dir).toBe(path.join(cacheDir(root), 'v1'))
    const folders = findFrameworkFolders(['sources'], root)
    const checkWithCache = (dirs: readonly string[]) => checkRun(dirs, { memo: new CheckCache(cache), today: '2026-06-30' })
    const parsedNow = (result: CheckRun) => result.contexts.filter((context) => result.parsed.has(context)).map((context) => context.folder.id)
    expect(parsedNow(await checkWithCache(folders))).toEqual(['shropshire', 'solihull'])
    expect(parsedNow(await checkWithCache(findFrameworkFolders(['sources'], root)))).toEqual([])
    edit(path.join(root, 'sources/solihull/domains/01-health.md'), 'Physically well', 'Physically well and thriving')
    const edited = await checkWithCache(findFrameworkFolders(['sources'], root))
    expect(parsedNow(edited)).toEqual(['solihull'])
    expect(edited.contexts.map((context) => context.framework.id)).toEqual(['shropshire', 'solihull'])
    expect(edited.suppressed).toHaveLength(43)
  })


  it('gives byte-identical builds with and without it, cold and warm', () => {
    const root = project()
    expect(thresholds(['build', '--no-cache', '--out', 'without'], root).status).toBe(0)
    expect(existsSync(cacheDir(root))).toBe(false)
    expect(thresholds(['build', '--out', 'cold'], root).status).toBe(0)
    expect(existsSync(cacheDir(root))).toBe(true)
    expect(thresholds(['build', '--out', 'warm'], root).status).toBe(0)
    const without = digests(path.join(root, 'without'))
    expect(Object.keys(without).length).toBeGreaterThan(10)
    expect(digests(path.join(root, 'cold'))).toEqual(without)
    expect(digests(path.join(root, 'warm'))).toEqual(without)
    // And the same as the build committed from the same sources (the changelogs' history comes from git, which this copy has not;
    // the package's version is counted from the release its folder held: 1.0.0 in a new folder, generated/ goes on from its own).
    const fromSources = ([file]: [string, string]) => !file.startsWith('site/') && !file.endsWith('CHANGELOG.md') && file !== 'package.json' && file !== 'README.md'
    expect(Object.fromEntries(Object.entries(without).filter(fromSources))).toEqual(Object.fromEntries(Object.entries(digests(path.join(repoRoot, 'generated'))).filter(fromSources)))
  })

  it('trusts an unchanged output folder without reading it, and notices any file touched since', () => {
    const root = project()
    expect(thresholds(['build'], root).status).toBe(0)
    const built = digests(path.join(root, 'generated'))
    expect(thresholds(['build'], root).stderr).toBe('generated/ is already up to date.\n')
    // A new text of the same size.
    const json = path.join(root, 'generated/solihull/framework.json')
    writeFileSync(json, readFileSync(json, 'utf8').replace('Solihull', 'Xolihull'))
    expect(thresholds(['build'], root).stderr).toBe('Wrote 1 file in generated/.\n')
    expect(digests(path.join(root, 'generated'))).toEqual(built)
    // A file removed, a file added.
    rmSync(path.join(root, 'generated/index.d.ts'))
    writeFileSync(path.join(root, 'generated/stray.js'), '\n')
    expect(thresholds(['build', '--check'], root).status).toBe(1)
    expect(thresholds(['build'], root).stderr).toBe('Wrote 1 file, removed 1 in generated/.\n')
    expect(digests(path.join(root, 'generated'))).toEqual(built)
    expect(thresholds(['build', '--check'], root).stderr).toBe('generated/ is up to date with the sources.\n')
  })

  it('builds an unchanged project again from the stamps alone: no generated file is read from the cache', async () => {
    const root = project()
    const cache = openCache(root, process.env, process.getuid?.()) as ContentCache
    const out = path.join(root, 'generated')
    const reads: string[] = []
    const made: string[] = []
    const build = async () => {
      const check = new CheckCache(cache)
      const result = await checkRun(findFrameworkFolders(['sources'], root), { memo: check, today: '2026-06-30' })
      const memo = new BuildCache(check)
      // Counts what the cache is asked for, and what had to be generated because it did not hold it.
      const counted = (generator: Generator, into: string[]): Generator => ({
        frameworkFiles: (context) => (into.push(context.folder.id), generator.frameworkFiles(context)),
        packageFiles: () => (into.push('package'), generator.packageFiles()),
      })
      const spied = { generator: (inner: Generator, contexts: Parameters<BuildCache['generator']>[1], outDir: string) => counted(memo.generator(counted(inner, made), contexts, outDir), reads), stamps: memo.stamps.bind(memo), rememberStamps: memo.rememberStamps.bind(memo), frameworkStamps: memo.frameworkStamps.bind(memo) }
      return buildRun(out, result.contexts, { memo: spied })
    }
    expect((await build()).changed.length).toBeGreaterThan(10)
    reads.length = 0
    made.length = 0
    expect(await build()).toEqual({ changed: [], removed: [] })
    expect(reads).toEqual([])
    // Touched since: the package's files are read from the cache and compared; each framework's
    // files are still as the last build left them (their own stamps), so they are kept unread.
    writeFileSync(path.join(out, 'README.md'), 'edited\n')
    expect(await build()).toEqual({ changed: ['README.md'], removed: [] })
    expect(reads).toEqual(['package'])
    expect(made).toEqual([])
    // An edit of an indicator's words: only that framework's files are made; the package files
    // read nothing it changed (packageFields), so they come from the cache, as does the other framework.
    edit(path.join(root, 'sources/solihull/domains/01-health.md'), 'Physically well', 'Physically well and thriving')
    made.length = 0
    expect(await build()).toEqual({ changed: expect.arrayContaining(['solihull/framework.json', 'solihull/index.js']), removed: [] })
    expect(made).toEqual(['solihull'])
    expect(thresholds(['build', '--no-cache', '--out', 'fresh'], root).status).toBe(0)
    expect(digests(out)).toEqual(digests(path.join(root, 'fresh')))
  })

  it('follows edits: a changed framework is checked and generated again, the other is not affected', () => {
    const root = project()
    thresholds(['build', '--out', 'before'], root)
    const health = path.join(root, 'sources/solihull/domains/01-health.md')
    edit(health, 'Physically well', 'Physically well and thriving')
    expect(thresholds(['build', '--out', 'cached'], root).status).toBe(0)
    expect(thresholds(['build', '--no-cache', '--out', 'fresh'], root).status).toBe(0)
    const fresh = digests(path.join(root, 'fresh'))
    expect(digests(path.join(root, 'cached'))).toEqual(fresh)
    expect(fresh['solihull/framework.json']).not.toBe(digests(path.join(root, 'before'))['solihull/framework.json'])
    expect(readFileSync(path.join(root, 'cached/solihull/framework.json'), 'utf8')).toContain('Physically well and thriving')
  })

  it('reports errors, warnings and suppressions from the cache exactly as a fresh check does', () => {
    const root = project()
    const contacts = path.join(root, 'sources/shropshire/contacts.md')
    edit(contacts, '- Phone: 0345 678 9021', '- Phone: 0345 678 902')
    // framework.md's messages too: the folder's own file shares its path.
    edit(path.join(root, 'sources/shropshire/framework.md'), /^---\n/, '---\nregionn: West Midlands\n')
    const first = bothWays(root)
    expect(first.fresh.status).toBe(1)
    const second = bothWays(root)
    expect(second.cached.stdout).toBe(first.fresh.stdout)
    expect(second.cached.status).toBe(1)
    const report = JSON.parse(second.cached.stdout) as { summary: { errors: number; suppressed: number } }
    expect(report.summary.errors).toBeGreaterThan(0)
    expect(report.summary.suppressed).toBe(43)
    // The text report (with its code frames) too.
    const text = thresholds(['check'], root)
    expect(text.stderr).toBe(thresholds(['check', '--no-cache'], root).stderr)
    expect(text.stderr).toContain('contacts.md')
    expect(text.stderr).toContain('Unknown setting “regionn”')
  })

  it('compares a cached framework by what the comparing rules read of it, stored with its result, without reading its model', async () => {
    const root = project()
    const cache = openCache(root, process.env, process.getuid?.()) as ContentCache
    const run = (memo?: CheckCache) => checkRun(findFrameworkFolders(['sources'], root), { memo, today: '2026-06-30' })
    const first = new CheckCache(cache)
    const filled = await run(first)
    const key = first.keyOf(filled.contexts.find((context) => context.folder.id === 'shropshire') as CheckRun['contexts'][number]) as string
    // Shropshire's stored model made to cite a later edition than its sources do (signed with the
    // user's key, as only Thresholds can): a rule that read the model would quote 2099.
    const model = readEntry(cache, MODEL, key, (value): value is Framework => typeof value === 'object') as Framework
    writeEntry(cache, MODEL, key, { ...model, guidance: [{ ...model.guidance[0], edition: 2099 }] })
    edit(path.join(root, 'sources/solihull/domains/01-health.md'), 'Physically well', 'Physically well and thriving')
    const warm = await run(new CheckCache(cache))
    expect(warm.contexts.filter((context) => warm.parsed.has(context)).map((context) => context.folder.id)).toEqual(['solihull'])
    const quoted = (result: CheckRun) => result.suppressed.filter((entry) => entry.ruleId === 'guidance-edition-current').map((entry) => entry.message)
    expect(quoted(warm)).toEqual(['“Working Together to Safeguard Children” is cited in its 2018 edition, but “shropshire” cites the 2026 edition, expected the framework to be checked against the newer edition'])
    expect(quoted(warm)).toEqual(quoted(await run()))
  })

  it('checks a framework again when a framework it compares with changes, or the date moves on', () => {
    const root = project()
    const solihull = path.join(root, 'sources/solihull/framework.md')
    const shropshire = path.join(root, 'sources/shropshire/framework.md')
    edit(shropshire, /^---\n/, '---\npublished: 2026-01-15\nreviewDue: 2027-01-15\n')
    const shropshireRules = (stdout: string) =>
      (JSON.parse(stdout) as { diagnostics: Array<{ file: string; ruleId: string }> }).diagnostics.filter((d) => d.file.includes('shropshire')).map((d) => d.ruleId)
    const before = bothWays(root)
    expect(shropshireRules(before.cached.stdout)).toEqual([])
    // Solihull now cites a newer edition than Shropshire: Shropshire's citation is out of date,
    // though none of its files changed since its result was stored.
    edit(solihull, /edition:\s*2018/, 'edition: 2030')
    const after = bothWays(root)
    expect(after.cached.stdout).toBe(after.fresh.stdout)
    expect(shropshireRules(after.cached.stdout)).toContain('guidance-edition-current')
    // The same files, checked on a later day: the review date has passed.
    const later = bothWays(root, '2031-01-01')
    expect(later.cached.stdout).toBe(later.fresh.stdout)
    expect(shropshireRules(later.cached.stdout)).toContain('review-date-passed')
  })

  it('treats a damaged or deleted entry as a miss, never as a result', () => {
    const root = project()
    thresholds(['build', '--out', 'first'], root)
    const entries = readdirSync(cacheDir(root), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'))
    expect(entries.length).toBeGreaterThan(4)
    for (const [index, name] of entries.entries()) writeFileSync(path.join(cacheDir(root), name), index % 2 ? '{ "messages": 7 }' : '\u0000not json')
    const damaged = thresholds(['build', '--out', 'second'], root)
    expect(damaged.stderr).toMatch(/^Wrote \d+ files in second\/\.\n$/)
    expect(damaged.status).toBe(0)
    expect(digests(path.join(root, 'second'))).toEqual(digests(path.join(root, 'first')))
    const { cached, fresh } = bothWays(root)
    expect(cached.stdout).toBe(fresh.stdout)
  })

  it('keeps about one entry per framework, not one per edit', () => {
    const root = project()
    const health = path.join(root, 'sources/solihull/domains/01-health.md')
    for (const word of ['one', 'two', 'three', 'four']) {
      edit(health, /Physically well[^\n]*/, `Physically well ${word}`)
      expect(thresholds(['build', '--out', 'out'], root).status).toBe(0)
    }
    const checks = readdirSync(path.join(cacheDir(root), 'v1/check'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'))
    expect(checks).toHaveLength(2)
  })

  it('is not used without a project folder to keep it in', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-nocache-'))
    cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
    expect(thresholds(['check'], root).status).toBe(0)
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false)
  })
})
