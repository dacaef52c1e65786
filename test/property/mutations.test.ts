/**
 * Property test: random damage to the shipped sources never crashes, hangs or fools `check`.
 *
 * Each case takes one file of sources/shropshire or sources/solihull, applies one to three random
 * mutations (delete, duplicate or swap lines; replace or insert bytes, NUL, invalid UTF-8 and
 * unusual Unicode among them; truncate at a random byte: see mutate.ts), and checks the whole
 * framework in-process exactly as `thresholds check` does. Then:
 *
 * 1. Nothing throws, and no rule gives up (“could not finish ... please report this”).
 * 2. It ends. The check runs in a worker thread and a case that has not answered after
 *    CASE_LIMIT_MS is stopped and reported as a failure. (Vitest's own timeout cannot stop
 *    synchronous code, so on its own it would only notice a stuck case after it ended, that is,
 *    never.) The limit is a hang guard, not a speed test: a case takes tens of milliseconds, a
 *    second or two on a 2-core machine at load 30.
 * 3. Every diagnostic's position exists in the file it names: 1 <= line <= the file's line count,
 *    1 <= column <= that line's length + 1, and the end is not before the start. Lines and
 *    columns are counted here from the bytes, not taken from the checker.
 * 4. If check reports no error, the model (the JSON `build` would write) validates against
 *    schema/framework.schema.json: the tool never silently accepts a broken model.
 * 5. If check reports no error and the model is not the original's, the edit must have been a
 *    content-legal one. Our reading of “content-legal”, checkable without knowing what the editor
 *    meant: the damaged sources are still a framework an author could have written on purpose,
 *    and the tool read them as the format says. Concretely:
 *    a. Locality: everything read from the other files is unchanged (entitiesOf in check-case.ts
 *       lists what may legitimately follow another file: level order, nesting, which level an
 *       indicator sits under, and, when a level file changed, indicators' default polarity). An
 *       edit in one file never silently rewrites another file's content.
 *    b. Nothing meant as markup reaches the model as words: no string in the model holds an id
 *       block (“{#”), half of an author's comment (“<!--” or “-->”), a control character, a
 *       table row cut off from its table (a line starting with an escaped “\|”), or a line that
 *       is a front-matter setting of the damaged file's kind (“indicatorPolarity: strength”).
 *    Within those bounds, words changing, items disappearing, lines swapping order, a heading
 *    duplicated or an unused pinned id renamed are edits the tool cannot tell from intent, and
 *    are accepted. A changed text with an identical model is always fine.
 *
 * Runs: 1,000 cases by default (THRESHOLDS_MUTATION_RUNS to change it). The seed is fast-check's
 * default, different each run, and printed with the counterexample on failure; replay with
 * THRESHOLDS_MUTATION_SEED=<seed> (and THRESHOLDS_MUTATION_PATH=<path> to skip the shrinking).
 * THRESHOLDS_MUTATION_SHRINK=0 stops at the first failure without shrinking it (quicker when
 * hunting several problems at once).
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allowedProperties, getValidators, type FrontMatterKind } from '../../scripts/model/schemas.ts'
import { repoRoot } from '../helpers.ts'
import type { Diagnostic, FrameworkInfo, Reply, Request } from './check-case.ts'
import { applyMutation, describeMutation, mutation, type Mutation } from './mutate.ts'
import { HANG_MS } from '../limits.ts'

const RUNS = Number(process.env.THRESHOLDS_MUTATION_RUNS ?? 1000)
const SEED = process.env.THRESHOLDS_MUTATION_SEED ? Number(process.env.THRESHOLDS_MUTATION_SEED) : undefined
const REPLAY_PATH = process.env.THRESHOLDS_MUTATION_PATH
const SHRINK = process.env.THRESHOLDS_MUTATION_SHRINK !== '0'
/** Hang guard per case. A case normally takes 20-100 ms. */
const CASE_LIMIT_MS = 2 * 60_000

/** One worker thread that checks cases; replaced when a case has to be stopped. */
class Checker {
  private worker: Worker | undefined
  readonly roots: string[] = []

  async start(): Promise<FrameworkInfo[]> {
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url))
    const reply = await this.send({ type: 'init', sources: path.join(repoRoot, 'sources') }, HANG_MS)
    if (reply.type !== 'ready') throw new Error('the checker did not start')
    this.roots.push(reply.root)
    return reply.frameworks
  }

  /** Answers one case, or undefined when it has not finished in time (the worker is then replaced). */
  async check(framework: string, file: string, bytes: Uint8Array): Promise<Extract<Reply, { type: 'result' }> | undefined> {
    try {
      const reply = await this.send({ type: 'case', framework, file, bytes }, CASE_LIMIT_MS)
      return reply.type === 'result' ? reply : undefined
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error
      await this.stop()
      await this.start()
      return undefined
    }
  }

  async stop(): Promise<void> {
    await this.worker?.terminate()
    this.worker = undefined
  }

  private send(request: Request, limit: number): Promise<Reply> {
    const worker = this.worker
    if (!worker) return Promise.reject(new Error('the checker is not running'))
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup()
        reject(new TimeoutError())
      }, limit)
      const onMessage = (reply: Reply) => {
        cleanup()
        resolve(reply)
      }
      const onError = (error: Error) => {
        cleanup()
        reject(error)
      }
      const cleanup = () => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
      }
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.postMessage(request)
    })
  }
}

class TimeoutError extends Error {}

const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '')

function kindOf(relative: string): FrontMatterKind {
  if (relative.startsWith('levels/')) return 'level'
  if (relative.startsWith('domains/')) return 'domain'
  if (relative.startsWith('sections/')) return 'section'
  return relative.replace(/\.md$/, '') as FrontMatterKind
}

/** Where two texts first differ, with some context, for failure messages. */
function change(before: string, after: string): string {
  let start = 0
  while (start < before.length && before[start] === after[start]) start++
  const from = Math.max(0, start - 40)
  return `\n  before: ${JSON.stringify(before.slice(from, start + 60))}\n  after:  ${JSON.stringify(after.slice(from, start + 60))}`
}

function positionProblem(diagnostic: Diagnostic, text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/)
  const check = (point: { line: number; column: number }, which: string): string | undefined => {
    const { line, column } = point
    if (!Number.isInteger(line) || line < 1 || line > lines.length) return `${which} line ${line} is outside 1..${lines.length}`
    const length = (lines[line - 1] as string).length
    if (!Number.isInteger(column) || column < 1 || column > length + 1) return `${which} column ${column} is outside 1..${length + 1} on line ${line}`
    return undefined
  }
  const start = check(diagnostic.start, 'start')
  if (start) return start
  if (!diagnostic.end) return undefined
  const end = check(diagnostic.end, 'end')
  if (end) return end
  const { start: s, end: e } = diagnostic
  if (e.line < s.line || (e.line === s.line && e.column < s.column)) return `the end ${e.line}:${e.column} is before the start ${s.line}:${s.column}`
  return undefined
}

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, out)
  return out
}

/** 5b: markup that reached the model as words, or undefined. */
function leakedMarkup(model: unknown, kind: FrontMatterKind): string | undefined {
  const keys = allowedProperties(getValidators().frontMatter[kind].schema)
  const setting = new RegExp(`^(?:${keys.join('|')})[ \\t]*:(?:[ \\t]|$)`, 'm')
  const patterns: Array<[RegExp, string]> = [
    [/\{#/, 'an id block “{#”'],
    [/<!--|-->/, 'half of a comment'],
    [/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/, 'a control character'],
    [/^\\\|.*\|/m, 'a table row outside its table'],
    [setting, `a ${kind} setting`],
  ]
  for (const text of stringsIn(model))
    for (const [pattern, what] of patterns) if (pattern.test(text)) return `${what} in ${JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text)}`
  return undefined
}

function localityProblem(before: FrameworkInfo['entities'], after: FrameworkInfo['entities'], mutated: string): string | undefined {
  // Only a level file can change the default polarity of indicators written elsewhere.
  const field = mutated.startsWith('levels/') ? 'withoutPolarity' : 'json'
  for (const [key, entity] of Object.entries(before)) {
    if (entity.file === mutated) continue
    const now = after[key]
    if (!now) return `${key} from ${entity.file} is gone`
    if (now[field] !== entity[field]) return `${key} from ${entity.file} changed:\n  before: ${entity[field].slice(0, 300)}\n  after:  ${now[field].slice(0, 300)}`
  }
  for (const [key, entity] of Object.entries(after)) if (entity.file !== mutated && !Object.hasOwn(before, key)) return `${key} appeared in ${entity.file}`
  return undefined
}

describe('mutated shipped sources', () => {
  const checker = new Checker()
  let frameworks: FrameworkInfo[] = []

  beforeAll(async () => {
    frameworks = await checker.start()
  })

  afterAll(async () => {
    await checker.stop()
    for (const root of checker.roots) rmSync(root, { recursive: true, force: true })
  })

  it('the original models pass the markup checks, so the checks below are not vacuous or wrong', async () => {
    expect(frameworks.map((f) => f.id)).toEqual(['shropshire', 'solihull'])
    for (const framework of frameworks) {
      for (const file of framework.files) expect(leakedMarkup(JSON.parse(framework.json), kindOf(file)), `${framework.id}/${file}`).toBeUndefined()
      const unchanged = await checker.check(framework.id, 'framework.md', framework.bytes['framework.md'] as Uint8Array)
      expect(unchanged?.errors).toBe(0)
      expect(unchanged?.json).toBe(framework.json)
    }
  })

  it(`check never throws, always ends, positions every diagnostic and never accepts a broken model (${RUNS} cases)`, async () => {
    const started = performance.now()
    const property = fc.asyncProperty(
      fc.constantFrom(0, 1),
      fc.nat(),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      async (which: number, fileIndex: number, mutations: Mutation[]) => {
        const framework = frameworks[which] as FrameworkInfo
        const file = framework.files[fileIndex % framework.files.length] as string
        const original = framework.bytes[file] as Uint8Array
        let bytes: Buffer = Buffer.from(original)
        for (const m of mutations) bytes = applyMutation(bytes, m)
        const before = decode(original)
        const after = decode(bytes)
        const what = `${framework.id}/${file}: ${mutations.map(describeMutation).join('; ')}${change(before, after)}`

        const result = await checker.check(framework.id, file, new Uint8Array(bytes))
        expect(result, `check did not finish within ${CASE_LIMIT_MS / 1000} s on ${what}`).toBeDefined()
        if (!result) return
        expect(result.threw, `check threw on ${what}`).toBeUndefined()
        const crashed = result.diagnostics.find((d) => /could not finish .*please report this/.test(d.reason))
        expect(crashed, `a rule crashed on ${what}`).toBeUndefined()

        for (const diagnostic of result.diagnostics) {
          const bytesOf = diagnostic.file === file ? bytes : framework.bytes[diagnostic.file]
          const problem = positionProblem(diagnostic, bytesOf ? decode(bytesOf) : '')
          expect(problem, `${diagnostic.file}:${diagnostic.start.line}:${diagnostic.start.column} “${diagnostic.reason}” [${diagnostic.ruleId}]: ${problem} after ${what}`).toBeUndefined()
        }

        if (Buffer.compare(bytes, Buffer.from(original)) === 0) {
          expect(result.errors, `an edit that changed no byte caused errors: ${what}`).toBe(0)
          expect(result.json === framework.json, `an edit that changed no byte changed the model: ${what}`).toBe(true)
          return
        }
        if (result.errors > 0 || result.json === framework.json) return

        const model = JSON.parse(result.json) as unknown
        const validate = getValidators().framework
        expect(validate(model), `no error reported, but the model breaks the schema (${JSON.stringify(validate.errors?.slice(0, 3))}) after ${what}`).toBe(true)
        expect(localityProblem(framework.entities, result.entities, file), `no error reported, but another file's content changed after ${what}`).toBeUndefined()
        expect(leakedMarkup(model, kindOf(file)), `no error reported, but markup reached the model as words after ${what}`).toBeUndefined()
      },
    )
    await fc.assert(property, { numRuns: RUNS, endOnFailure: !SHRINK, ...(SEED === undefined ? {} : { seed: SEED }), ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}) })
    const seconds = (performance.now() - started) / 1000
    console.info(`${RUNS} mutation cases in ${seconds.toFixed(1)} s (${((seconds * 1000) / RUNS).toFixed(0)} ms each)`)
  })
})
