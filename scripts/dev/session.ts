import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { CheckedFramework, CheckResult } from '../check/index.ts'
import type { ParseContext } from '../parse/context.ts'
import { BoundedParser } from '../parse/bounded.ts'
import { buildFrameworks, findFrameworkFolders, linksBeside, readFolder } from '../parse/index.ts'
import { TreeMemo } from '../parse/markdown.ts'
import type { FrameworkFolder } from '../parse/read.ts'
import { checkRun, type CheckedEntry, type CheckMemo, type CheckStages, type Recalled } from '../pipeline/check.ts'
import { UsageError } from '../shared/usage-error.ts'
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
  /** Today's date, YYYY-MM-DD, for the date rules (default: THRESHOLDS_TODAY in `env`, else the clock). */
  today?: string
  /** The command's environment (THRESHOLDS_TODAY, THRESHOLDS_WORKERS, the parse budget's settings; none set without it). */
  env?: Readonly<Record<string, string | undefined>>
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
  result: CheckResult<CheckedFramework>
  timings: PipelineTimings
}

/** A framework as the session last checked it: its full parse context and what its check gave. */
interface Entry extends CheckedEntry {
  context: ParseContext
}

/**
 * A session keeps every framework's parse and check between runs of the pipeline
 * (pipeline/check.ts), and wraps two of its stages: reading gives the folder as last read unless
 * an edit touched it, and parsing keeps each file's tree by its text. As the pipeline's memo it
 * answers every framework not read again; the pipeline runs the rules of the others, and again
 * those of any framework whose comparing rules now read something else.
 */
export class DevSession implements CheckMemo {
  readonly options: DevSessionOptions
  private readonly entries = new Map<string, Entry>()
  private readonly trees = new TreeMemo()
  /** The session's parse worker, kept between re-checks so each does not start one. */
  private readonly parser = new BoundedParser()
  private result: CheckResult<CheckedFramework> = { contexts: [], files: [], suppressed: [], errors: 0, warnings: 0 }

  constructor(options: DevSessionOptions) {
    this.options = options
  }

  /** Reads and checks everything; the first result. */
  open(): Promise<RecheckResult> {
    return this.run(this.folders(), new Set(), [])
  }

  /** Lets go of what the session keeps. */
  close(): void {
    this.parser.close()
    this.trees.clear()
    this.entries.clear()
  }

  /** The current result of every framework. */
  current(): CheckResult<CheckedFramework> {
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
  recheck(changed: string | readonly string[]): Promise<RecheckResult> {
    const paths = (typeof changed === 'string' ? [changed] : changed).map((file) => path.resolve(this.options.cwd, file))
    const touched = new Set<string>()
    let rescan = false
    for (const file of paths) {
      const folder = [...this.entries.keys()].find((dir) => file === dir || file.startsWith(`${dir}${path.sep}`))
      if (folder && file !== folder) touched.add(folder)
      else rescan = true
    }
    const folders = (rescan ? this.folders() : [...this.entries.keys()]).filter((folder) => existsSync(folder))
    const now = new Set(folders)
    const removed: string[] = []
    for (const [folder, entry] of [...this.entries])
      if (!now.has(folder)) {
        removed.push(entry.context.framework.id)
        this.entries.delete(folder)
      }
    return this.run(folders, touched, removed)
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

  /** Runs the pipeline over these folders, reading again those touched and those not seen before. */
  private async run(folders: readonly string[], touched: ReadonlySet<string>, removed: string[]): Promise<RecheckResult> {
    const start = performance.now()
    const misses = this.trees.misses
    let parseMs = 0
    const reparsed: string[] = []
    const stages: CheckStages = {
      read: (dirs) => {
        const started = performance.now()
        const besides = linksBeside(dirs, this.options.cwd)
        const folders = dirs.map((dir) => {
          const entry = this.entries.get(dir)
          return entry && !touched.has(dir) ? entry.context.folder : readFolder(dir, besides.get(dir), this.options.cwd)
        })
        parseMs += performance.now() - started
        return folders
      },
      parse: async (read) => {
        const started = performance.now()
        const contexts = await buildFrameworks(read, { trees: this.trees, env: this.options.env, parser: this.parser })
        reparsed.push(...read.map((folder) => folder.dir))
        parseMs += performance.now() - started
        return contexts
      },
    }
    const run = await checkRun(folders, { stages, memo: this, today: this.options.today, env: this.options.env })
    this.result = run
    this.trees.keepOnly(new Set([...this.entries.values()].flatMap((entry) => entry.context.folder.files.map((file) => file.source.text))))
    const total = performance.now() - start
    const ids = (contexts: Iterable<CheckedFramework>) => [...contexts].map((context) => context.framework.id).sort(compareStrings)
    return {
      reparsed: ids(reparsed.flatMap((dir) => this.entries.get(dir)?.context ?? [])),
      rechecked: ids(run.parsed),
      removed: removed.sort(compareStrings),
      filesParsed: this.trees.misses - misses,
      result: run,
      timings: { parse: parseMs, check: total - parseMs, total },
    }
  }

  /** The framework as last checked, when its folder was not read again. */
  recall(folder: FrameworkFolder): Recalled | undefined {
    const entry = this.entries.get(folder.dir)
    if (!entry || entry.context.folder !== folder) return undefined
    return {
      checked: entry.context,
      compared: entry.compared,
      rulesKey: entry.rulesKey,
      suppressed: entry.suppressed,
      // Its files still hold the messages of its last check.
      restore: () => undefined,
      reopen: () => {
        for (const [vfile, messages] of entry.parseMessages) vfile.messages = [...messages]
        return entry.context
      },
    }
  }

  remember(context: ParseContext, entry: CheckedEntry): void {
    this.entries.set(context.folder.dir, { ...entry, context })
  }
}

/** Opens a session: every framework read and checked once. */
export async function createDevSession(options: DevSessionOptions): Promise<{ session: DevSession; first: RecheckResult }> {
  const session = new DevSession(options)
  return { session, first: await session.open() }
}
