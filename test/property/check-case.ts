/**
 * The checking half of test/property/mutations.test.ts, run in a worker thread so that the test
 * can stop a case that never ends (a synchronous loop cannot be interrupted in its own thread).
 *
 * The worker keeps a copy of the shipped sources in a temporary folder. For each case it writes
 * the mutated bytes over one file, reads and checks the whole framework exactly as `thresholds
 * check` does (loadFrameworks + checkFrameworks), puts the original file back, and answers with
 * what the test needs to judge the run.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parentPort } from 'node:worker_threads'
import type { Root } from 'mdast'
import { checkFrameworks } from '../../scripts/check/index.ts'
import { frameworkJson } from '../../scripts/generate/json.ts'
import type { ParseContext } from '../../scripts/parse/context.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { BoundedParser } from '../../scripts/parse/bounded.ts'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { parseMarkdown } from '../../scripts/parse/markdown.ts'
import type { SourceFile } from '../../scripts/shared/source-file.ts'

export interface Entity {
  /** The file it was read from, relative to the framework folder. */
  file: string
  /** Its JSON without the parts that other files decide (see entitiesOf). */
  json: string
  /** The same without what a level file may also decide: an indicator's default polarity. */
  withoutPolarity: string
}

export interface Diagnostic {
  /** File relative to the framework folder (`framework.md` for a folder-wide message). */
  file: string
  ruleId: string
  fatal: boolean | null | undefined
  reason: string
  start: { line: number; column: number }
  end?: { line: number; column: number }
}

export interface FrameworkInfo {
  id: string
  /** Every file the reader reads, relative to the framework folder. */
  files: string[]
  /** The files' bytes as shipped. */
  bytes: Record<string, Uint8Array>
  json: string
  entities: Record<string, Entity>
}

export type Request = { type: 'init'; sources: string } | { type: 'case'; framework: string; file: string; bytes: Uint8Array }

export type Reply =
  | { type: 'ready'; root: string; frameworks: FrameworkInfo[] }
  | { type: 'result'; threw?: string; errors: number; diagnostics: Diagnostic[]; json: string; entities: Record<string, Entity> }

/**
 * Every model thing with an id (and the matrix), keyed by kind and id, with the file it came from.
 * Left out, because the format lets one file decide them for things written in another:
 * `order` (every level's rank orders all levels) and `children` (nesting follows `parent` in the
 * child's file); the framework's `contactsTitle` and `linksTitle` count as contacts.md's and links.md's. An indicator's `polarity` is also kept apart (`withoutPolarity`), because a
 * level's `indicatorPolarity` sets the default for the indicators under it. An indicator's `level`
 * is kept as the file that defines the level, so a level's id can change in its own file without
 * that counting as a change to every indicator under it.
 */
export function entitiesOf(context: ParseContext): Record<string, Entity> {
  const levelFile = new Map(context.flatLevels.map(({ level, file }) => [level.id, file.source.relative]))
  const out: Record<string, Entity> = {}
  for (const entry of context.ids) {
    const key = `${entry.kind}:${entry.id}`
    if (Object.hasOwn(out, key)) continue
    const { children, order, levels, domains, indicators, contacts, links, sections, matrix, polarity, contactsTitle, linksTitle, ...rest } = entry.node as Record<string, unknown>
    // The framework's page titles are written in contacts.md and links.md, not framework.md.
    if (entry.kind === 'framework')
      for (const [file, title] of [['contacts.md', contactsTitle], ['links.md', linksTitle]] as const) {
        const json = JSON.stringify(title ?? null)
        out[`title of ${file}`] = { file, json, withoutPolarity: json }
      }
    if (entry.kind === 'indicator' && typeof rest.level === 'string') rest.level = `level in ${levelFile.get(rest.level) ?? '?'}`
    const withoutPolarity = JSON.stringify(rest)
    out[key] = { file: entry.place.file.relative, json: polarity === undefined ? withoutPolarity : JSON.stringify({ ...rest, polarity }), withoutPolarity }
  }
  if (context.framework.matrix) {
    // Column headers name levels by id or by title: a level's id can change in its own file and a
    // header still find it by title, so levels are written as the file that defines them here too.
    const matrix = context.framework.matrix
    const asFile = (id: string) => `level in ${levelFile.get(id) ?? '?'}`
    const json = JSON.stringify({ ...matrix, columns: matrix.columns.map(asFile), cells: matrix.cells.map((cell) => ({ ...cell, level: asFile(cell.level) })) })
    out.matrix = { file: 'matrix.md', json, withoutPolarity: json }
  }
  return out
}

function diagnosticsOf(context: ParseContext, result: ReturnType<typeof checkFrameworks>): Diagnostic[] {
  const relativeOf = new Map<string, string>([[context.folder.folderFile.vfile.path, 'framework.md']])
  for (const file of context.folder.files) relativeOf.set(file.source.vfile.path, file.source.relative)
  const out: Diagnostic[] = []
  for (const file of result.files)
    for (const message of file.messages) {
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'start' in place ? place.end : undefined
      out.push({
        file: relativeOf.get(file.path) ?? file.path,
        ruleId: message.ruleId ?? '',
        fatal: message.fatal,
        reason: message.reason,
        start: { line: start?.line ?? Number.NaN, column: start?.column ?? Number.NaN },
        ...(end ? { end: { line: end.line, column: end.column } } : {}),
      })
    }
  return out
}

let root: string | undefined
/** Trees of the shipped files by their text: a case re-parses only the file it changed. */
const trees = new Map<string, Root>()

/**
 * The loader's own parser (in its worker, within its limits) for the damaged file; unchanged files
 * are answered from the trees parsed at the start. Parsing is a pure function of the text and the
 * model is built from a fresh copy each time, so this changes nothing but the time a case takes
 * (most of it would go on re-parsing 50 files).
 */
function parse(file: SourceFile): Root {
  const tree = trees.get(file.text)
  return tree ? structuredClone(tree) : parser.parse(file, ParseBudget.forBytes(Buffer.byteLength(file.text)))
}

/** One parse worker for the whole property run. */
const parser = new BoundedParser()

function init(sources: string): FrameworkInfo[] {
  root = mkdtempSync(path.join(tmpdir(), 'thresholds-mutations-'))
  cpSync(sources, path.join(root, 'sources'), { recursive: true })
  const frameworks: FrameworkInfo[] = []
  for (const id of ['shropshire', 'solihull']) {
    const dir = path.join(root, 'sources', id)
    const [context] = loadFrameworks([dir])
    if (!context) throw new Error(`${id} did not load`)
    const files = context.folder.files.filter((file) => file.readable).map((file) => file.source)
    for (const source of files) trees.set(source.text, parseMarkdown(source))
    frameworks.push({
      id,
      files: files.map((source) => source.relative),
      bytes: Object.fromEntries(files.map((source) => [source.relative, new Uint8Array(readFileSync(path.join(dir, source.relative)))])),
      json: frameworkJson(context.framework),
      entities: entitiesOf(context),
    })
  }
  return frameworks
}

function runCase(framework: string, relative: string, bytes: Uint8Array): Reply {
  if (!root) throw new Error('not initialised')
  const dir = path.join(root, 'sources', framework)
  const target = path.join(dir, relative)
  const original = readFileSync(target)
  writeFileSync(target, bytes)
  try {
    const contexts = loadFrameworks([dir], { parse })
    const result = checkFrameworks(contexts)
    const context = contexts[0] as ParseContext
    return { type: 'result', errors: result.errors, diagnostics: diagnosticsOf(context, result), json: frameworkJson(context.framework), entities: entitiesOf(context) }
  } catch (error) {
    return { type: 'result', threw: error instanceof Error ? (error.stack ?? error.message) : String(error), errors: 0, diagnostics: [], json: '', entities: {} }
  } finally {
    writeFileSync(target, original)
  }
}

parentPort?.on('message', (request: Request) => {
  if (request.type === 'init') {
    const frameworks = init(request.sources)
    parentPort?.postMessage({ type: 'ready', root: root as string, frameworks } satisfies Reply)
  } else parentPort?.postMessage(runCase(request.framework, request.file, request.bytes))
})
