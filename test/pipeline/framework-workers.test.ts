/**
 * Frameworks built, and their own rules run, on worker threads (scripts/pipeline/framework-workers.ts)
 * give exactly what building and checking them on this thread gives: every message field in
 * order, every suppression, the models. When a worker cannot do its part (the parse budget runs
 * out, a worker runs out of memory) the frameworks are built on this thread as the parse workers'
 * trees would have built them. No result depends on the machine's speed: the budgets here are
 * either far too large to use up or far too small for a file that takes the parser over a minute.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import type { CheckResult } from '../../scripts/check/index.ts'
import type { ParseContext } from '../../scripts/parse/context.ts'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { buildFramework } from '../../scripts/parse/build.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import { findFrameworkFolders, readFolders } from '../../scripts/parse/index.ts'
import { sourcesOf } from '../../scripts/parse/read.ts'
import { checkRun } from '../../scripts/pipeline/check.ts'
import { startOnWorkers } from '../../scripts/pipeline/framework-workers.ts'
import { storeMessage } from '../../scripts/shared/diagnostics.ts'
import { fixtures, frameworkWith, parser, repoRoot, TEST_TODAY, UNHURRIED_PARSE } from '../helpers.ts'

/**
 * Every rule's fixtures (valid and invalid), the shape fixtures and the shipped frameworks in one
 * run: messages of every kind, suppressions inline and by settings, and the comparing rule's
 * messages between frameworks.
 */
function variedSources(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-framework-workers-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  const sources = path.join(root, 'sources')
  for (const rule of readdirSync(path.join(fixtures, 'rules')))
    for (const kind of readdirSync(path.join(fixtures, 'rules', rule)))
      if (!kind.includes('.')) cpSync(path.join(fixtures, 'rules', rule, kind), path.join(sources, `${rule}-${kind}`), { recursive: true })
  for (const shape of ['every-shape', 'minimal', 'strengths-and-needs']) cpSync(path.join(fixtures, shape), path.join(sources, shape), { recursive: true })
  for (const id of ['shropshire', 'solihull']) cpSync(path.join(repoRoot, 'sources', id), path.join(sources, id), { recursive: true })
  return root
}

/** Every message field the content cache keeps, by file, the suppressions and each model, for comparing two runs exactly. */
function everything(result: CheckResult<{ folder: ParseContext['folder']; framework: ParseContext['framework'] }>) {
  return {
    files: result.files.map((file) => [file.path, file.messages.map(storeMessage)]),
    suppressed: result.suppressed,
    errors: result.errors,
    warnings: result.warnings,
    models: result.contexts.map((context) => JSON.stringify(context.framework)),
  }
}

// 16,000 headings underlined with “-” take the parser over a minute.
const SLOW = 'a\n-\n'.repeat(16_000)

describe('frameworks built on worker threads', () => {
  it('give every message, suppression and model that building them on this thread gives, on one and two workers', async () => {
    const root = variedSources()
    const dirs = findFrameworkFolders([path.join(root, 'sources')], root)
    expect(dirs.length).toBeGreaterThan(60)
    const run = (workers: string) => checkRun(dirs, { cwd: root, today: TEST_TODAY, env: { THRESHOLDS_MODEL_ON_WORKERS: '1', THRESHOLDS_WORKERS: workers , ...UNHURRIED_PARSE } })
    const here = everything(await run('0'))
    expect(here.errors).toBeGreaterThan(50)
    expect(here.warnings).toBeGreaterThan(20)
    expect(here.suppressed.length).toBeGreaterThan(40)
    expect(here.suppressed.some((s) => s.ruleId === 'guidance-edition-current')).toBe(true)
    expect(everything(await run('2'))).toEqual(here)
    expect(everything(await run('1'))).toEqual(here)
  })

  it('are built there, not on this thread, and each file’s messages come back in order', async () => {
    const root = variedSources()
    const dirs = findFrameworkFolders([path.join(root, 'sources')], root)
    const read = readFolders(dirs, root)
    const stopped: Array<() => void> = []
    const started = await startOnWorkers(read, 2, new ParseBudget({ seconds: 1e6, memoryMb: 1024 }), { today: TEST_TODAY }, parser, (stop) => stopped.push(stop))
    if (!Array.isArray(started)) throw new Error('the workers did not build the frameworks')
    expect(stopped).toHaveLength(1)
    const again = readFolders(dirs, root).map((folder) => buildFramework(folder, { parse: (source) => markdownProcessor().parse(source.text) }))
    expect(started.map((each) => JSON.stringify(each.framework))).toEqual(again.map((context) => JSON.stringify(context.framework)))
    // Reading and parsing messages are there before the rules finish; each file's are those of a build here.
    let parseMessages = 0
    for (const [index, each] of started.entries()) {
      const expected = sourcesOf((again[index] as ParseContext).folder).map((source) => source.vfile.messages.map(storeMessage))
      parseMessages += expected.flat().length
      expect(sourcesOf(each.folder).map((source) => each.parseMessages.get(source.vfile)?.map(storeMessage))).toEqual(expected)
    }
    expect(parseMessages).toBeGreaterThan(20)
    const suppressed = await Promise.all(started.map((each) => each.finish([])))
    expect(suppressed.flat().length).toBeGreaterThan(10)
  })

  it('leave the framework to this thread when the budget runs out: the slow file is stopped, the rest of its framework not read', async () => {
    // A framework is one worker's work: its files are parsed in order, framework.md first.
    const { root, dir } = frameworkWith()
    const framework = path.join(dir, 'framework.md')
    writeFileSync(framework, `${readFileSync(framework, 'utf8')}\n${SLOW}`)
    const result = await checkRun([dir], { cwd: root, today: TEST_TODAY, env: { THRESHOLDS_MODEL_ON_WORKERS: '1', THRESHOLDS_WORKERS: '2', THRESHOLDS_PARSE_SECONDS: '1' } })
    const failed = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'parse-failed').map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
    const notRead = (file: string) =>
      `sources/minimal/${file}:1:1 The file was not read: the run's parse budget (1 s) was used up before its turn, expected every file to be read within it: fix the file reported as too slow to read, or raise THRESHOLDS_PARSE_SECONDS`
    expect(failed).toEqual([
      notRead('contacts.md'),
      notRead('domains/01-health.md'),
      "sources/minimal/framework.md:1:1 The file cannot be read as Markdown within the run's limits (parsing may take 1 s for all files of the run and 1024 MB): it is too large, or holds a pattern the parser reads slowly, such as thousands of headings underlined with “---”; split it into smaller files",
      notRead('levels/01-early-help.md'),
      notRead('levels/02-child-protection.md'),
      notRead('links.md'),
    ])
    expect(result.contexts[0]?.framework.levels).toEqual([])
  })

  it('leave the frameworks to this thread, with the same results, when a worker runs out of memory', async () => {
    const root = variedSources()
    const dirs = findFrameworkFolders([path.join(root, 'sources')], root).filter((dir) => /(minimal|shropshire|solihull)$/.test(dir))
    const run = (workers: string) => checkRun(dirs, { cwd: root, today: TEST_TODAY, env: { THRESHOLDS_MODEL_ON_WORKERS: '1', THRESHOLDS_WORKERS: workers, THRESHOLDS_PARSE_MEMORY_MB: '16' , ...UNHURRIED_PARSE } })
    expect(everything(await run('2'))).toEqual(everything(await run('0')))
  })

  it('finish on this thread, with the same results, when a worker’s thread ended between the build and the comparing rules', async () => {
    const root = variedSources()
    const dirs = findFrameworkFolders([path.join(root, 'sources')], root).filter((dir) => /(minimal|solihull|-invalid)$/.test(dir))
    const results = async (stopOne: boolean) => {
      const workers: Worker[] = []
      const started = await startOnWorkers(readFolders(dirs, root), 2, new ParseBudget({ seconds: 1e6, memoryMb: 1024 }), { today: TEST_TODAY }, parser, () => undefined, (_, worker) => workers.push(worker))
      if (!Array.isArray(started)) throw new Error('the workers did not build the frameworks')
      expect(workers).toHaveLength(2)
      // Its `exit` has fired (terminate settles then) before `finish` listens for it.
      if (stopOne) expect(await workers[0]?.terminate()).toBe(1)
      const suppressed = await Promise.all(started.map((each) => each.finish([])))
      return { suppressed, messages: started.map((each) => sourcesOf(each.folder).map((source) => source.vfile.messages.map(storeMessage))) }
    }
    const whole = await results(false)
    expect(whole.suppressed.flat().length).toBeGreaterThan(0)
    expect(whole.messages.flat(2).length).toBeGreaterThan(10)
    expect(await results(true)).toEqual(whole)
  })
})
