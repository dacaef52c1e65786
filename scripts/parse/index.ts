import { existsSync, statSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { compareStrings } from '../shared/text.ts'
import type { Root } from 'mdast'
import type { SourceFile } from '../shared/source-file.ts'
import { addTime, asideMs, timed } from '../shared/timing.ts'
import { buildFramework, filesToParse, type BuildOptions } from './build.ts'
import { nestingTooDeep, type TreeMemo } from './markdown.ts'
import { BoundedParser } from './bounded.ts'
import { ParseBudget } from './budget.ts'
import { parseEachInWorkers, parseInWorkers, workerCount } from './workers.ts'
import type { ParseContext } from './context.ts'
import { displayPath, readFrameworkFolder, type FrameworkFile, type FrameworkFolder, type SourceStamps } from './read.ts'
import { linksBesideFrameworks } from './symbolic-links.ts'

import { UsageError } from '../shared/usage-error.ts'
import { getValidators } from '../model/schemas.ts'

/**
 * Turns command-line paths into framework folders: a framework folder itself, a folder of
 * frameworks (such as `sources/`), or any file inside a framework. Relative paths are read from
 * `cwd`, the folder the command runs in, which the caller passes in.
 */
export function findFrameworkFolders(paths: readonly string[], cwd: string): string[] {
  try {
    return findFolders(paths, cwd)
  } catch (error) {
    // A folder that cannot be listed is the user's to fix, like one that does not exist.
    const { code, path: where } = error as NodeJS.ErrnoException
    if (code === 'EACCES' || code === 'EPERM' || code === 'ELOOP' || code === 'ENOTDIR') {
      const shown = where ? path.relative(cwd, where) || where : 'A folder'
      const reason = code === 'ELOOP' ? 'it is a symbolic link that points back at itself' : code === 'ENOTDIR' ? 'part of the path is not a folder' : 'permission denied'
      throw new UsageError(`“${shown}” cannot be read: ${reason}, expected a framework folder such as sources/shropshire`)
    }
    throw error
  }
}

function findFolders(paths: readonly string[], cwd: string): string[] {
  const folders = new Set<string>()
  for (const given of paths.length ? paths : ['sources']) {
    const absolute = path.resolve(cwd, given)
    if (!existsSync(absolute)) throw new UsageError(`“${given}” does not exist, expected a framework folder such as sources/shropshire`)
    const stats = statSync(absolute)
    if (stats.isDirectory() && existsSync(path.join(absolute, 'framework.md'))) {
      folders.add(absolute)
      continue
    }
    if (stats.isDirectory()) {
      const children = readdirSync(absolute, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => path.join(absolute, entry.name))
        .sort(compareStrings)
      // A folder of folders is a sources root; one without framework.md is a broken framework.
      // One framework.md among them tells (the first found ends the search: one look, not 100).
      if (children.some((child) => existsSync(path.join(child, 'framework.md')))) for (const child of children) folders.add(child)
      else if (!children.some((child) => ['levels', 'domains', 'sections'].includes(path.basename(child))) && children.length)
        for (const child of children) folders.add(child)
      else folders.add(absolute)
      continue
    }
    let dir = path.dirname(absolute)
    while (!existsSync(path.join(dir, 'framework.md')) && ['levels', 'domains', 'sections'].includes(path.basename(dir))) dir = path.dirname(dir)
    folders.add(dir)
  }
  return [...folders].sort(compareStrings)
}

/**
 * What a run takes from the command that starts it, handed in rather than read from the process:
 * the CLI passes its own, tests and the bench theirs.
 */
export interface CommandSettings {
  /** The command's working directory: paths in messages are shown relative to it (absolute without it). */
  cwd?: string
  /** The command's environment, for THRESHOLDS_WORKERS and the parse budget's settings (none set without it). */
  env?: Readonly<Record<string, string | undefined>>
}

/** Reads and parses each framework folder, within one parse budget; problems are filed on the source files. */
export function loadFrameworks(folders: readonly string[], options: BuildOptions & CommandSettings = {}): ParseContext[] {
  const { cwd, env, ...buildOptions } = options
  const read = readFolders(folders, cwd)
  const budget = buildOptions.budget ?? ParseBudget.forBytes(markdownBytes(read), env)
  // One worker for every framework of the call, unless the caller's.
  const own = buildOptions.parse || buildOptions.parser ? undefined : new BoundedParser()
  const parser = buildOptions.parser ?? own
  try {
    return read.map((files) => timed('model', () => buildFramework(files, { ...buildOptions, budget, parser })))
  } finally {
    own?.close()
  }
}

/** The Markdown a run parses, in bytes: the parse budget grows with it. */
function markdownBytes(read: readonly FrameworkFolder[]): number {
  let total = 0
  for (const folder of read) for (const file of folder.files) if (file.readable && file.kind !== 'rules') total += Buffer.byteLength(file.source.text)
  return total
}

/**
 * The same as loadFrameworks, with the Markdown parsed on worker threads when there is enough of
 * it to pay for them (many frameworks on a machine with several cores); the model is still
 * built on this thread, file by file in the same order, so results are identical.
 */
export async function loadFrameworksInParallel(folders: readonly string[], settings: CommandSettings & Pick<ParseOptions, 'parser'> = {}): Promise<ParseContext[]> {
  return buildFrameworks(readFolders(folders, settings.cwd), settings)
}

/**
 * Reads framework folders, with the symbolic links beside them (see readFolder); paths shown from
 * `cwd` (CommandSettings); files unchanged since `stamps` saw them are not read (read.ts: SourceStamps).
 */
export function readFolders(folders: readonly string[], cwd?: string, stamps?: SourceStamps): FrameworkFolder[] {
  const besides = linksBeside(folders, cwd)
  return folders.map((folder) => readFolder(folder, besides.get(folder), cwd, stamps))
}

/** The symbolic links beside these framework folders, by the folder they are reported with. */
export function linksBeside(folders: readonly string[], cwd?: string): Map<string, SourceFile[]> {
  return timed('read', () => linksBesideFrameworks(folders, (absolute) => displayPath(absolute, cwd)))
}

/** Reads one framework folder; `besides`: links beside it to report with it (linksBeside). */
export function readFolder(folder: string, besides?: readonly SourceFile[], cwd?: string, stamps?: SourceStamps): FrameworkFolder {
  return timed('read', () => readFrameworkFolder(folder, path.dirname(folder), besides, cwd, stamps))
}

/** How buildFrameworks parses; by default every file, on worker threads when that pays (see above). */
export interface ParseOptions extends Pick<CommandSettings, 'env'> {
  /** Trees kept from earlier runs (watch mode): files with a text seen before are not parsed again. */
  trees?: TreeMemo
  /** The run's bounded parser (default: one for this call, stopped at its end). */
  parser?: BoundedParser
  /**
   * Called with each framework as soon as its model is built, in folder order (`index` in the
   * folders given); what it returns is kept and returned instead. A check runs the framework's
   * rules here and keeps only what the rules that compare frameworks need, so a large run does
   * not hold every framework's trees at once.
   */
  built?: (context: ParseContext, index: number) => ParseContext
}

/**
 * How buildFrameworks would parse folders already read (without a memo): on how many workers (0:
 * this thread), within which budget.
 */
export function parsePlan(read: readonly FrameworkFolder[], env: Readonly<Record<string, string | undefined>> = {}): { count: number; budget: ParseBudget } {
  let bytes = 0
  for (const folder of read) for (const file of filesToParse(folder)) if (!nestingTooDeep(file.source.text)) bytes += file.source.text.length
  return { count: workerCount(bytes, env), budget: ParseBudget.forBytes(markdownBytes(read), env) }
}

/**
 * Builds the model of folders already read, parsing on worker threads when that pays (see above).
 * On workers (and without a memo) each framework's model is built as soon as its files are
 * parsed, while the workers parse the next frameworks; either way the models are built in folder
 * order from the same trees, so results are identical.
 */
export async function buildFrameworks(read: readonly FrameworkFolder[], options: ParseOptions = {}): Promise<ParseContext[]> {
  const { trees, env = {}, built = (context) => context } = options
  // In the order the model reads them (framework.md first), and not those refused before parsing.
  const perFolder = read.map((folder) => filesToParse(folder).filter((file) => !nestingTooDeep(file.source.text)))
  const files = perFolder.flat()
  // With a memo, each text not seen before is parsed once, however many files hold it.
  const texts = trees ? [...new Set(files.map((file) => file.source.text))].filter((text) => !trees.has(text)) : files.map((file) => file.source.text)
  const budget = ParseBudget.forBytes(markdownBytes(read), env)
  const count = workerCount(texts.reduce((sum, text) => sum + text.length, 0), env)
  // The run's bounded parser, started early in case it was needed (pipeline/check.ts), is not: its thread is let go before the workers start.
  if (count > 0) options.parser?.close()
  if (!trees && count > 0) return buildWhileParsing(read, perFolder, count, budget, built)
  const start = performance.now()
  // Parsed before the model is built, waiting without blocking, so a signal stops the run at once.
  // While the worker parses, the schema validators (read, then compiled on first use) load for the model.
  const parsed = texts.length === 0 ? [] : count === 0 ? await boundedParseAll(texts, budget, options.parser, getValidators) : await parseInWorkers(texts, count, budget)
  addTime('parse', performance.now() - start)
  const failed = new Map<string, Error>()
  for (const [i, text] of texts.entries()) {
    const tree = parsed[i]
    if (tree instanceof Error) failed.set(text, tree)
    else if (trees && tree) trees.keep(text, tree)
  }
  const ready = trees ? undefined : new Map(files.map((file, i) => [file.source, parsed[i]]))
  return read.map((folder, index) => built(timed('model', () => buildFramework(folder, { parse: takeFrom(ready, trees, failed) })), index))
}

/** The parse function for buildFramework: the tree parsed for this file (a copy of the memo's), once. */
function takeFrom(ready: Map<SourceFile, Root | Error | undefined> | undefined, trees?: TreeMemo, failed?: ReadonlyMap<string, Error>): (source: SourceFile) => Root {
  return (source) => {
    const tree = trees ? (trees.take(source.text) ?? failed?.get(source.text)) : ready?.get(source)
    ready?.delete(source)
    if (tree instanceof Error) throw tree
    if (!tree) throw new Error('the Markdown parser did not answer')
    return tree
  }
}

/**
 * Parses each folder's files (in the order buildFramework reads them) on workers, building
 * each folder's model on this thread as soon as its last file is parsed. The time this thread
 * waits for the parser is the parse stage's; building, the model's.
 */
async function buildWhileParsing(read: readonly FrameworkFolder[], perFolder: readonly FrameworkFile[][], count: number, budget: ParseBudget, built: NonNullable<ParseOptions['built']>): Promise<ParseContext[]> {
  const files = perFolder.flat()
  const ready = new Map<SourceFile, Root | Error | undefined>()
  const parse = takeFrom(ready)
  // The index in `files` after each folder's last file.
  const ends: number[] = []
  for (const own of perFolder) ends.push((ends.at(-1) ?? 0) + own.length)
  const contexts: ParseContext[] = []
  // Time this thread spends building (and in `built`) rather than waiting for the parser.
  let ownMs = 0
  const buildUpTo = (parsedCount: number) => {
    while (contexts.length < read.length && (ends[contexts.length] as number) <= parsedCount) {
      const started = performance.now()
      const index = contexts.length
      contexts.push(built(timed('model', () => buildFramework(read[index] as FrameworkFolder, { parse })), index))
      ownMs += performance.now() - started
    }
  }
  const start = performance.now()
  // Work done between the parser's answers for a later stage (a build's early fields) is not waiting.
  const aside = asideMs()
  buildUpTo(0)
  await parseEachInWorkers(
    files.map((file) => file.source.text),
    count,
    budget,
    (index, result) => {
      ready.set((files[index] as FrameworkFile).source, result)
      buildUpTo(index + 1)
    },
  )
  addTime('parse', performance.now() - start - ownMs - (asideMs() - aside))
  buildUpTo(files.length)
  return contexts
}

/** Parses on the given bounded parser, or on one of its own stopped at the end. */
async function boundedParseAll(texts: readonly string[], budget: ParseBudget, given: BoundedParser | undefined, meanwhile: () => void): Promise<Array<Root | Error>> {
  const parser = given ?? new BoundedParser()
  try {
    return await parser.parseAll(texts, budget, meanwhile)
  } finally {
    if (!given) parser.close()
  }
}
