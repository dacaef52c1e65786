/**
 * Syntax trees kept in the content cache for a small parse (scripts/cache/trees.ts): a check
 * after an edit parses only the files whose text changed, takes the others' trees from the
 * cache, and reports exactly what a check without the cache reports.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckCache } from '../../scripts/cache/check.ts'
import { exactInJson, TREES } from '../../scripts/cache/trees.ts'
import { openCache, type ContentCache } from '../../scripts/cache/store.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import { findFrameworkFolders } from '../../scripts/parse/index.ts'
import { checkRun, type CheckRun } from '../../scripts/pipeline/check.ts'
import { bin, repoRoot, TEST_TODAY } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/** A project with the shipped frameworks, its own cache and cache key. */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-trees-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  const env = { THRESHOLDS_CACHE_KEY: path.join(root, 'config/cache-key'), CACHE_DIR: '' }
  const cache = openCache(root, env, process.getuid?.()) as ContentCache
  return { root, env, cache, health: path.join(root, 'sources/solihull/domains/01-health.md') }
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8')
  expect(text).toMatch(from)
  writeFileSync(file, text.replace(from, to))
}

/** Every message with its place, and each framework's whole model: a tree that is not the parser's would show in one of them. */
function report(run: CheckRun): string[] {
  const messages = run.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
  return [...messages, ...run.contexts.map((context) => JSON.stringify(context.framework)), `errors ${run.errors}, warnings ${run.warnings}`]
}

/** A check through the cache, and how many files' trees it took from the cache and how many texts it parsed. */
async function cached(root: string, cache: ContentCache) {
  const memo = new CheckCache(cache, {}, 0)
  const run = await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, memo, today: TEST_TODAY })
  return { report: report(run), trees: memo.lastTrees && { restored: memo.lastTrees.restored, parsed: memo.lastTrees.misses } }
}

async function uncached(root: string) {
  return report(await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, today: TEST_TODAY }))
}

const treeEntries = (cache: ContentCache) => (existsSync(path.join(cache.dir, TREES)) ? readdirSync(path.join(cache.dir, TREES), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')) : [])

/** Markdown files of solihull (every file of its folder: it has no rules.yaml). */
const SOLIHULL_FILES = 20

describe('syntax trees in the content cache', () => {
  it('parses only the files whose text changed, taking the others from the cache, with the report of a check without it', async () => {
    const { root, cache, health } = project()
    // Both frameworks (115 kB) are a small parse: every file's tree is stored.
    const first = await cached(root, cache)
    expect(first.trees).toEqual({ restored: 0, parsed: 51 })
    expect(treeEntries(cache)).toHaveLength(51)
    expect(first.report).toEqual(await uncached(root))
    edit(health, 'Physically well', 'Physically WELL and thriving')
    const edited = await cached(root, cache)
    expect(edited.trees).toEqual({ restored: SOLIHULL_FILES - 1, parsed: 1 })
    expect(edited.report).toEqual(await uncached(root))
    expect(edited.report.join('\n')).toContain('Physically WELL and thriving')
    // An edit that makes an error, in another file.
    edit(path.join(root, 'sources/solihull/contacts.md'), /^- Phone: (\d{4} \d{3} \d{3})\d/m, '- Phone: $1')
    const broken = await cached(root, cache)
    expect(broken.trees).toEqual({ restored: SOLIHULL_FILES - 1, parsed: 1 })
    expect(broken.report).toEqual(await uncached(root))
    expect(broken.report.at(-1)).not.toBe(edited.report.at(-1))
    // One entry per file, overwritten: the cache does not grow with edits.
    expect(treeEntries(cache)).toHaveLength(51)
  })

  it('uses a stored tree only for the very text it was parsed from', async () => {
    const { root, cache, health } = project()
    const before = await cached(root, cache)
    const original = readFileSync(health, 'utf8')
    edit(health, 'Physically well', 'Physically WELL')
    const changed = await cached(root, cache)
    expect(changed.report).not.toEqual(before.report)
    // Back to the first text: the stored tree is the edited text's, so the file is parsed again.
    writeFileSync(health, original)
    const back = await cached(root, cache)
    expect(back.trees).toEqual({ restored: SOLIHULL_FILES - 1, parsed: 1 })
    expect(back.report).toEqual(before.report)
    expect(back.report).toEqual(await uncached(root))
  })

  it('stores no tree for a parse larger than the main thread takes on', async () => {
    const { root, cache } = project()
    // 300 kB of sound Markdown in one section: solihull alone is then more than a small parse.
    writeFileSync(path.join(root, 'sources/solihull/sections/99-long.md'), `# Long\n\n${'A sentence of plain words that goes on.\n\n'.repeat(7500)}`)
    const first = await cached(root, cache)
    expect(first.trees).toBeUndefined()
    edit(path.join(root, 'sources/solihull/domains/01-health.md'), 'Physically well', 'Physically WELL')
    const edited = await cached(root, cache)
    expect(edited.trees).toBeUndefined()
    expect(treeEntries(cache)).toEqual([])
    expect(edited.report).toEqual(await uncached(root))
  })

  it('stores only trees JSON holds exactly', () => {
    expect(exactInJson(markdownProcessor().parse('---\nid: x\n---\n# A *b* [c](https://d.example "e")\n\n| f | g |\n| :- | -: |\n| 1 | 2 |\n\n- [ ] h\n'))).toBe(true)
    expect(exactInJson({ type: 'root', children: [{ type: 'text', value: 'a', data: undefined }] })).toBe(false)
    expect(exactInJson({ type: 'root', children: [], position: { start: { line: Number.NaN } } })).toBe(false)
    expect(exactInJson({ type: 'root', children: [], when: new Date(0) })).toBe(false)
    expect(exactInJson({ type: 'root', children: [], seen: new Map() })).toBe(false)
    expect(exactInJson({ type: 'root', children: [null, true, 'x', 1.5, [[]]] })).toBe(true)
  })

  it('gives the real CLI the same report with the trees of an earlier run as without the cache', () => {
    const { root, health } = project()
    const env = { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: TEST_TODAY, CACHE_DIR: '', THRESHOLDS_CACHE_KEY: path.join(root, 'config/cache-key') }
    const check = (...args: string[]) => spawnSync(process.execPath, [bin, 'check', '--format', 'json', ...args], { cwd: root, encoding: 'utf8', env, timeout: HANG_MS })
    expect(check().status).toBe(0)
    const cacheDir = path.join(root, 'node_modules/.cache/thresholds/v1', TREES)
    expect(readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'))).toHaveLength(51)
    edit(health, 'Physically well', 'Physically WELL and thriving')
    edit(path.join(root, 'sources/solihull/contacts.md'), /^- Phone: (\d{4} \d{3} \d{3})\d/m, '- Phone: $1')
    const warm = check()
    const fresh = check('--no-cache')
    expect(warm.stderr).toBe(fresh.stderr)
    expect(warm.stdout).toBe(fresh.stdout)
    expect(warm.status).toBe(fresh.status)
    expect(warm.stdout).toContain('sources/solihull/contacts.md')
  })
})
