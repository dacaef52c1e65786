import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { gatherResult, type CheckResult } from '../check/index.ts'
import { rules } from '../check/registry.ts'
import { comparedOf, runRules, todayUtc, type Suppression } from '../check/runner.ts'
import type { ParseContext } from '../parse/context.ts'
import { findFrameworkFolders, loadFrameworksInParallel, UsageError } from '../parse/index.ts'
import { treeCacheMisses, useTreeCache } from '../parse/markdown.ts'
import { sourcesOf } from '../parse/read.ts'
import { compareStrings } from '../shared/text.ts'

/**
 * Watch mode's memory: every framework parsed once, then only what an edit affects read again.
 *
 * - An edit re-reads the framework folder holding the file. Markdown trees are kept by text, so
 *   only the edited file is parsed again; links between the framework's files are resolved anew.
 * - That framework's rules run again. The other frameworks keep their results, unless a rule that
 *   compares frameworks (`compares` in its definition) reads something the edit changed: then
 *   their rules run again too.
 */
export interface DevSessionOptions {
  /** What was asked for, as for `thresholds check`: framework folders, a sources folder, or files inside a framework. */
  paths: readonly string[]
  cwd: string
  /** Today's date, YYYY-MM-DD, for the date rules (default: the clock). */
  today?: string
}

export interface PipelineTimings {
  /** Reading and parsing the affected frameworks, in milliseconds. */
  parse: number
  /** Running the rules and gathering the messages. */
  check: number
  /** parse + check: the re-check's pipeline time. */
  total: number
}

export interface RecheckResult {
  /** Ids of the frameworks read again (added ones included), sorted. */
  reparsed: string[]
  /** Ids of the frameworks whose rules ran again, sorted. */
  rechecked: string[]
  /** Ids of frameworks that are no longer there. */
  removed: string[]
  /** Markdown files parsed again; the others' trees came from the session's cache. */
  filesParsed: number
  /** The whole session's result: every framework's messages, fresh. */
  result: CheckResult
  timings: PipelineTimings
}

interface Entry {
  context: ParseContext
  /** Messages from reading and parsing, per file, kept apart from the rules' messages. */
  parseMessages: Map<VFile, VFileMessage[]>
  suppressed: Suppression[]
  /** What each comparing rule reads from this framework, as JSON. */
  compared: string
}

const comparing = rules.filter((rule) => rule.compares)

function vfilesOf(context: ParseContext): VFile[] {
  return sourcesOf(context.folder).map((source) => source.vfile)
}

export class DevSession {
  readonly options: DevSessionOptions
  private readonly entries = new Map<string, Entry>()
  private readonly trees = new Map<string, Root>()
  private result: CheckResult = { contexts: [], files: [], suppressed: [], errors: 0, warnings: 0 }

  constructor(options: DevSessionOptions) {
    this.options = options
  }

  /** Reads and checks everything; the first result. */
  async open(): Promise<RecheckResult> {
    useTreeCache(this.trees)
    const start = performance.now()
    const misses = treeCacheMisses()
    await this.parse(this.folders())
    const parsed = performance.now()
    this.runRulesFor([...this.entries.keys()])
    return this.finish([...this.entries.keys()], [...this.entries.keys()], [], start, parsed, treeCacheMisses() - misses)
  }

  /** Stops sharing the parser's tree cache. */
  close(): void {
    useTreeCache(undefined)
    this.trees.clear()
  }

  /** The current result of every framework. */
  current(): CheckResult {
    return this.result
  }

  /** Framework folders being watched, absolute. */
  frameworkFolders(): string[] {
    return [...this.entries.keys()]
  }

  /**
   * Re-checks after files changed (paths absolute or relative to cwd): each framework holding one
   * is read again and checked, with the frameworks that compare against it. A path outside every
   * framework (a new framework folder, a deleted one) makes the session look for frameworks again.
   */
  async recheck(changed: string | readonly string[]): Promise<RecheckResult> {
    const start = performance.now()
    const misses = treeCacheMisses()
    const paths = (typeof changed === 'string' ? [changed] : changed).map((file) => path.resolve(this.options.cwd, file))
    const touched = new Set<string>()
    let rescan = false
    for (const file of paths) {
      const folder = [...this.entries.keys()].find((dir) => file === dir || file.startsWith(`${dir}${path.sep}`))
      if (folder && file !== folder) touched.add(folder)
      else rescan = true
    }
    const removed: string[] = []
    if (rescan) {
      const now = new Set(this.folders())
      for (const folder of [...this.entries.keys()])
        if (!now.has(folder)) {
          removed.push(this.entries.get(folder)?.context.framework.id ?? path.basename(folder))
          this.entries.delete(folder)
        }
      for (const folder of now) if (!this.entries.has(folder)) touched.add(folder)
    }
    for (const folder of touched)
      if (!existsSync(folder) && this.entries.has(folder)) {
        removed.push(this.entries.get(folder)?.context.framework.id ?? path.basename(folder))
        this.entries.delete(folder)
      }

    const before = new Map([...touched].map((folder) => [folder, this.entries.get(folder)?.compared]))
    const reparsed = [...touched].filter((folder) => existsSync(folder))
    await this.parse(reparsed)
    const parsed = performance.now()

    // Other frameworks run again only when what they compare against has changed.
    const comparedChanged = removed.length > 0 || reparsed.some((folder) => before.get(folder) !== this.entries.get(folder)?.compared)
    const rerun = comparedChanged && comparing.length ? [...this.entries.keys()] : reparsed
    this.runRulesFor(rerun)
    this.pruneTrees()
    return this.finish(reparsed, rerun, removed, start, parsed, treeCacheMisses() - misses)
  }

  private folders(): string[] {
    try {
      return findFrameworkFolders(this.options.paths, this.options.cwd).filter((folder) => existsSync(folder) && statSync(folder).isDirectory())
    } catch (error) {
      // The folder asked for was deleted while watching: nothing to check until it is back.
      if (error instanceof UsageError) return []
      throw error
    }
  }

  /** Waits for the parse without blocking, so Ctrl-C or SIGTERM stops watch mode even during a slow re-check. */
  private async parse(folders: readonly string[]): Promise<void> {
    const contexts = await loadFrameworksInParallel(folders)
    contexts.forEach((context, i) => {
      const parseMessages = new Map(vfilesOf(context).map((vfile) => [vfile, [...vfile.messages]]))
      this.entries.set(folders[i] as string, { context, parseMessages, suppressed: [], compared: comparedOf(context.framework) })
    })
  }

  /** Runs every rule for these frameworks, starting from their parse messages, with every framework in view. */
  private runRulesFor(folders: readonly string[]): void {
    const all = this.contexts()
    const today = this.options.today ?? todayUtc()
    for (const folder of folders) {
      const entry = this.entries.get(folder)
      if (!entry) continue
      for (const [vfile, messages] of entry.parseMessages) vfile.messages = [...messages]
      entry.suppressed = runRules([entry.context], { all, today })
    }
  }

  private contexts(): ParseContext[] {
    return [...this.entries.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, entry]) => entry.context)
  }

  /** Keeps only the trees of files as they are now. */
  private pruneTrees(): void {
    const texts = new Set(this.contexts().flatMap((context) => context.folder.files.map((file) => file.source.text)))
    for (const text of this.trees.keys()) if (!texts.has(text)) this.trees.delete(text)
  }

  private finish(reparsed: readonly string[], rechecked: readonly string[], removed: string[], start: number, parsed: number, filesParsed: number): RecheckResult {
    const contexts = this.contexts()
    const suppressed = [...this.entries.entries()].sort(([a], [b]) => compareStrings(a, b)).flatMap(([, entry]) => entry.suppressed)
    this.result = gatherResult(contexts, suppressed)
    const end = performance.now()
    const ids = (folders: readonly string[]) => folders.flatMap((folder) => this.entries.get(folder)?.context.framework.id ?? []).sort(compareStrings)
    return {
      reparsed: ids(reparsed),
      rechecked: ids(rechecked),
      removed: removed.sort(compareStrings),
      filesParsed,
      result: this.result,
      timings: { parse: parsed - start, check: end - parsed, total: end - start },
    }
  }
}

/** Opens a session: every framework read and checked once. */
export async function createDevSession(options: DevSessionOptions): Promise<{ session: DevSession; first: RecheckResult }> {
  const session = new DevSession(options)
  return { session, first: await session.open() }
}
