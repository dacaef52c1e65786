import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { buildFrameworks, findFrameworkFolders, loadFrameworks, loadFrameworksInParallel, readFolders } from '../../scripts/parse/index.ts'
import { parseMarkdown, TreeMemo } from '../../scripts/parse/markdown.ts'
import { UsageError } from '../../scripts/shared/usage-error.ts'
import { parser, UNHURRIED_PARSE } from '../helpers.ts'
import { MINIMAL, problemsOf } from './in-memory.ts'

/*
 * scripts/parse/index.ts: which folders a command's paths name, and reading and building them,
 * on this thread or with the Markdown parsed on worker threads, to the same result.
 */

const root = mkdtempSync(path.join(tmpdir(), 'thresholds-index-'))

/** Writes a framework of `files` (MINIMAL by default) at `dir` under the test's folder. */
function writeFramework(dir: string, files: Readonly<Record<string, string>> = MINIMAL): string {
  const absolute = path.join(root, dir)
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(absolute, relative)), { recursive: true })
    writeFileSync(path.join(absolute, relative), text)
  }
  return absolute
}

const folder = (dir: string) => path.join(root, dir)
const shropshire = writeFramework('sources/shropshire')
const solihull = writeFramework('sources/solihull')
mkdirSync(folder('sources/.hidden'), { recursive: true })
writeFramework('broken/levels', { '01-a.md': 'x' })
writeFramework('plain/one', { 'notes.md': 'x' })
writeFramework('plain/two', { 'notes.md': 'x' })
mkdirSync(folder('empty'), { recursive: true })
const withNotes = writeFramework('notes-beside/minimal', { 'framework.md': MINIMAL['framework.md'] as string, 'notes/plan.txt': 'x' })
writeFramework('broken-domains', { 'domains/01-a.md': 'x', 'notes/plan.txt': 'x' })
writeFramework('broken-sections/sections', { '01-a.md': 'x' })
writeFileSync(folder('loose.md'), 'x')

function usageError(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  return 'no error'
}

describe('the folders a command’s paths name', () => {
  it('is a framework folder itself, or each framework under a folder of them, sorted, without hidden folders or repeats', () => {
    expect(findFrameworkFolders(['sources/solihull'], root)).toEqual([solihull])
    expect(findFrameworkFolders(['sources'], root)).toEqual([shropshire, solihull])
    expect(findFrameworkFolders(['sources/solihull', 'sources', path.join(root, 'sources/shropshire')], root)).toEqual([shropshire, solihull])
  })

  it('is `sources` in the working folder when no path is given', () => {
    expect(findFrameworkFolders([], root)).toEqual([shropshire, solihull])
  })

  it('is the framework holding a file named, also from inside levels/, domains/ or sections/', () => {
    expect(findFrameworkFolders(['sources/solihull/levels/01-early-help.md', 'sources/shropshire/contacts.md'], root)).toEqual([shropshire, solihull])
    expect(findFrameworkFolders(['sources/shropshire/domains/01-health.md'], root)).toEqual([shropshire])
  })

  it('is a folder without framework.md when it holds levels/, domains/ or sections/ (a broken framework, reported as such), or nothing', () => {
    expect(findFrameworkFolders(['broken'], root)).toEqual([folder('broken')])
    expect(findFrameworkFolders(['broken/levels/01-a.md'], root)).toEqual([folder('broken')])
    expect(findFrameworkFolders(['empty'], root)).toEqual([folder('empty')])
    expect(findFrameworkFolders(['loose.md'], root)).toEqual([root])
  })

  it('is a framework folder that holds only a folder of its own (notes/), not that folder', () => {
    expect(findFrameworkFolders(['notes-beside/minimal'], root)).toStrictEqual([withNotes])
  })

  it('is a broken framework holding domains/ (beside notes/) or sections/, also from a file inside them', () => {
    expect(findFrameworkFolders(['broken-domains', 'broken-sections'], root)).toStrictEqual([folder('broken-domains'), folder('broken-sections')])
    expect(findFrameworkFolders(['broken-domains/domains/01-a.md', 'broken-sections/sections/01-a.md'], root)).toStrictEqual([folder('broken-domains'), folder('broken-sections')])
  })

  it('is each folder under a folder of folders none of which is a framework', () => {
    expect(findFrameworkFolders(['plain'], root)).toEqual([folder('plain/one'), folder('plain/two')])
  })

  it('that do not exist are a usage error naming the path as given', () => {
    expect(usageError(() => findFrameworkFolders(['sources/nowhere'], root))).toBe('“sources/nowhere” does not exist, expected a framework folder such as sources/shropshire')
    expect(usageError(() => findFrameworkFolders([], folder('empty')))).toBe('“sources” does not exist, expected a framework folder such as sources/shropshire')
  })
})

describe('loading frameworks', () => {
  it('reads and builds each folder in order, paths shown from the working folder', () => {
    const contexts = loadFrameworks([shropshire, solihull], { cwd: root, parse: parseMarkdown })
    expect(contexts.map((context) => [context.folder.id, context.framework.indicators.length])).toEqual([
      ['shropshire', 2],
      ['solihull', 2],
    ])
    expect(contexts[0]?.folder.files.map((file) => file.source.path)).toContain('sources/shropshire/framework.md')
    expect(problemsOf(contexts[0]!)).toContain('framework.md:2:5 The framework id “minimal” differs from its folder name “shropshire”, expected the two to match [frontmatter-schema]')
  })

  it('shows absolute paths without a working folder', () => {
    const [context] = loadFrameworks([shropshire], { parse: parseMarkdown })
    expect(context?.folder.files.map((file) => file.source.path)).toContain(path.join(shropshire, 'framework.md'))
  })

  it('takes the parse budget’s settings from the command’s environment', () => {
    const [context] = loadFrameworks([shropshire], { parser, env: { THRESHOLDS_PARSE_SECONDS: '0' } })
    expect(problemsOf(context!)).toContain(
      'framework.md:1:1 The file was not read: the run\'s parse budget (0 s) was used up before its turn, expected every file to be read within it: fix the file reported as too slow to read, or raise THRESHOLDS_PARSE_SECONDS [parse-failed]',
    )
    expect(usageError(() => loadFrameworks([shropshire], { parse: parseMarkdown, env: { THRESHOLDS_PARSE_SECONDS: 'soon' } }))).toBe(
      'THRESHOLDS_PARSE_SECONDS expects a number of seconds (at least 0), got “soon”',
    )
  })

  it('shares the caller’s budget between frameworks', () => {
    const budget = new ParseBudget({ seconds: 0, memoryMb: 64 })
    const contexts = loadFrameworks([shropshire, solihull], { parser, budget })
    expect(contexts.map((context) => context.framework.levels.length)).toEqual([0, 0])
  })

  it('on its own parser, stopped at the end, builds the same model', () => {
    const [own] = loadFrameworks([shropshire])
    const [here] = loadFrameworks([shropshire], { parse: parseMarkdown })
    expect(JSON.stringify(own?.framework)).toBe(JSON.stringify(here?.framework))
  })
})

describe('building frameworks already read', () => {
  const expected = () => loadFrameworks([shropshire, solihull], { cwd: root, parse: parseMarkdown }).map((context) => JSON.stringify(context.framework))

  it('on this thread, on worker threads, and from a memo of trees give the same models', async () => {
    const want = expected()
    const onThread = await buildFrameworks(readFolders([shropshire, solihull], root), { parser })
    expect(onThread.map((context) => JSON.stringify(context.framework))).toEqual(want)
    const onWorkers = await buildFrameworks(readFolders([shropshire, solihull], root), { env: { THRESHOLDS_WORKERS: '2' , ...UNHURRIED_PARSE } })
    expect(onWorkers.map((context) => JSON.stringify(context.framework))).toEqual(want)
    const inParallel = await loadFrameworksInParallel([shropshire, solihull], { cwd: root, parser })
    expect(inParallel.map((context) => JSON.stringify(context.framework))).toEqual(want)
  })

  it('with a memo parses each text once, however many files hold it, and not again on the next run', async () => {
    const trees = new TreeMemo()
    const first = await buildFrameworks(readFolders([shropshire, solihull], root), { trees, parser })
    // The two frameworks hold the same six texts.
    expect(trees.misses).toBe(6)
    const second = await buildFrameworks(readFolders([shropshire, solihull], root), { trees, parser })
    expect(trees.misses).toBe(6)
    expect(second.map((context) => JSON.stringify(context.framework))).toEqual(first.map((context) => JSON.stringify(context.framework)))
    expect(first.map((context) => JSON.stringify(context.framework))).toEqual(expected())
  })

  it('files a file the parser refused on it, with the memo and without', async () => {
    const slow = writeFramework('slow/minimal')
    for (const trees of [new TreeMemo(), undefined]) {
      const [context] = await buildFrameworks(readFolders([slow], root), { trees, parser, env: { THRESHOLDS_PARSE_SECONDS: '0' } })
      expect(problemsOf(context!).filter((line) => line.includes('[parse-failed]'))).toHaveLength(6)
      expect(context?.framework.levels).toEqual([])
    }
  })

  it('does not parse a file nested too deeply, and reports it at its line', async () => {
    const deep = writeFramework('deep/minimal', { ...MINIMAL, 'sections/01-a.md': `# A\n\n${'> '.repeat(101)}x\n` })
    for (const env of [{}, { THRESHOLDS_WORKERS: '1' }]) {
      const [context] = await buildFrameworks(readFolders([deep], root), { parser, env })
      expect(problemsOf(context!)).toEqual(['sections/01-a.md:3:1 Lists or quotes are nested too deeply here, expected at most 100 levels [parse-failed]'])
    }
  })
})
