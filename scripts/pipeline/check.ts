import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { gatherResult, withoutParseDetail, type CheckedFramework, type CheckResult } from '../check/index.ts'
import { comparedOf, comparedParts, startRules, type CheckOptions, type ComparedParts, type StartedRules, type Suppression } from '../check/runner.ts'
import type { Framework } from '../model/types.ts'
import { buildFramework } from '../parse/build.ts'
import { createContext, type ParseContext } from '../parse/context.ts'
import { todayUtc } from '../shared/today.ts'
import { BoundedParser } from '../parse/bounded.ts'
import { parseLimits } from '../parse/budget.ts'
import { buildFrameworks, parsePlan, readFolders, type CommandSettings, type ParseOptions } from '../parse/index.ts'
import { sourcesOf, type FrameworkFolder, type SourceStamps } from '../parse/read.ts'
import type { TreeMemo } from '../parse/markdown.ts'
import { SourcesChanged } from '../shared/sources-changed.ts'
import { addTime, timed } from '../shared/timing.ts'
import { withHeapGrowth } from '../shared/heap-growth.ts'
import { startOnWorkers, type RulesSettings, type StartedOnWorker } from './framework-workers.ts'
import { rulesKeyOf, staleResults } from './compared.ts'

/**
 * The stages a check runs, in order: read (a framework folder's files), parse and model (the
 * files' Markdown and front-matter, then the model with its places), check (the rules).
 * Wrappers replace a stage from outside: watch mode reads again only the folders an edit
 * touched and keeps parsed trees between runs.
 */
export interface CheckStages {
  /**
   * The folders' files, in the order given (with the symbolic links beside them, reported with
   * them); with `stamps`, files unchanged since they were last read are known by their digest.
   */
  read(dirs: readonly string[], stamps?: SourceStamps): FrameworkFolder[]
  /**
   * Parses and models the folders. `built` (see ParseOptions) checks each framework as soon as
   * it is built and gives what to keep of it; a stage may ignore it (watch mode keeps every
   * framework's parse detail between runs), and the run then checks the frameworks afterwards.
   */
  parse(folders: readonly FrameworkFolder[], built?: ParseOptions['built'], trees?: TreeMemo): Promise<ParseContext[]>
  /** Starts the parser early, once a memo has found something to parse, so it loads while the memo answers the rest. */
  prepare?(): void
  /**
   * Parses, models and runs the own rules of the folders on worker threads (framework-workers.ts),
   * when parsing them would use workers; undefined otherwise (use `parse`). When the workers
   * cannot build them all (the parse budget), the folders are built here, each given to `built`.
   */
  startOnWorkers?(folders: readonly FrameworkFolder[], rules: RulesSettings, built: NonNullable<ParseOptions['built']>): Promise<{ started: StartedOnWorker[] } | { contexts: ParseContext[] } | undefined>
}

/**
 * The plain stages: every folder read from disk (paths shown from `cwd`), every file parsed, on a
 * bounded parser of their own (unless given one) that close() stops.
 */
export function plainStages(options: ParseOptions & CommandSettings = {}): CheckStages & { close(): void } {
  const { cwd, parser: given, ...parseOptions } = options
  const parser = given ?? new BoundedParser()
  // Workers still waiting for the comparing rules when the run ends (it failed part-way).
  const pools: Array<() => void> = []
  return {
    read: (dirs, stamps) => readFolders(dirs, cwd, stamps),
    parse: (folders, built, trees) => buildFrameworks(folders, { ...parseOptions, parser, built, ...(trees ? { trees } : {}) }),
    prepare: () => parser.prepare(parseLimits(0, options.env).memoryMb),
    async startOnWorkers(folders, rules, built) {
      const { count, budget } = parsePlan(folders, options.env)
      // Measured idle, the model built on this thread while the workers parse is faster at 100
      // and 1,000 frameworks (docs/performance.md, "Models built on the parse workers"): the
      // worker path runs only when asked for.
      if (parseOptions.trees || count === 0 || options.env?.THRESHOLDS_MODEL_ON_WORKERS !== '1') return undefined
      const outcome = await startOnWorkers(folders, count, budget, rules, parser, (stop) => pools.push(stop))
      if (Array.isArray(outcome)) return { started: outcome }
      return { contexts: folders.map((folder, index) => built(timed('model', () => buildFramework(folder, { parse: outcome.parse })), index)) }
    },
    close: () => {
      for (const stop of pools) stop()
      if (!given) parser.close()
    },
  }
}

/** What checking one framework gave, as a memo keeps it. */
export interface CheckedEntry {
  /** What the comparing rules read from this framework (comparedOf). */
  compared: string
  /** The rules' inputs from outside the framework when it was checked (see compared.ts). */
  rulesKey: string
  suppressed: Suppression[]
  /** Its files' messages from reading and parsing, before the rules ran. */
  parseMessages: ReadonlyMap<VFile, readonly VFileMessage[]>
}

/** A framework a memo answers for instead of parsing and checking it again. */
export interface Recalled {
  checked: CheckedFramework
  compared: string
  rulesKey: string
  suppressed: Suppression[]
  /** Puts the stored messages back on the framework's files. */
  restore(): void
  /**
   * The parse context again, its files holding only their parse messages, when the memo kept it
   * (watch mode): its rules then run again without parsing. Without it the framework is parsed again.
   */
  reopen?(): ParseContext
}

/** Results of earlier runs (the content cache, watch mode's memory), consulted per framework. */
export interface CheckMemo {
  /** An earlier result for a folder as read now, or undefined to parse and check it. */
  recall(folder: FrameworkFolder): Recalled | undefined
  /** A framework parsed and checked in this run. */
  remember(context: ParseContext, entry: CheckedEntry): void
  /** Stamps of these folders' files from earlier runs (the content cache), kept by `saveStamps`. */
  stamps?(dirs: readonly string[]): SourceStamps | undefined
  saveStamps?(): void
  /**
   * Trees kept from earlier runs for these folders' files (the content cache, for a small
   * parse), or undefined; `save` keeps those parsed in this run.
   */
  treesFor?(folders: readonly FrameworkFolder[]): (TreeMemo & { save(): void }) | undefined
}

export interface CheckRunOptions extends Omit<CheckOptions, 'all' | 'linkStatus'>, CommandSettings {
  /** The stages to run; by default plainStages with this run's `cwd` and `env`. */
  stages?: CheckStages
  memo?: CheckMemo
  /** Probes what the parser found before the rules run (`--online`); its results go to the link rules. */
  probe?: (contexts: readonly ParseContext[]) => Promise<Pick<CheckOptions, 'linkStatus'>>
  /**
   * Called with each framework parsed in this run as soon as its model is built and its own rules
   * have started, for work that can start before the check ends (a build renders its fields
   * meanwhile: generate/early-fields.ts). The model is not changed after this. `frameworks`: how
   * many frameworks the run checks.
   */
  modelBuilt?: (framework: Framework, frameworks: number) => void
}

/** A check's result, and which frameworks were parsed in it (the others came from the memo). */
export interface CheckRun extends CheckResult<CheckedFramework> {
  parsed: ReadonlySet<CheckedFramework>
}

/**
 * The check, as every command, watch mode and the bench run it: read every folder, answer what
 * the memo can, parse and model the rest, run the rules of the frameworks parsed (every framework
 * in view, for the rules that compare frameworks), and check again any answered framework whose
 * comparing rules would now read something else. Parse detail (trees, places) is let go once the
 * rules have run; the result is the same with or without a memo.
 */
export async function checkRun(dirs: readonly string[], options: CheckRunOptions = {}): Promise<CheckRun> {
  const { cwd, env, stages: given, memo, probe, modelBuilt, ...checkOptions } = options
  // Stages made here are this run's: their parser is stopped when it ends.
  const own = given ? undefined : plainStages({ cwd, env })
  const stages = given ?? (own as CheckStages)
  const settings = { ...checkOptions, today: checkOptions.today ?? todayUtc(env) }
  try {
    try {
      // A large run's heap grows by less between collections (shared/heap-growth.ts).
      return await withHeapGrowth(dirs.length, () => checkWith(dirs, stages, memo, memo?.stamps?.(dirs), probe, settings, modelBuilt))
    } catch (error) {
      // A file known by its stamp changed before its text was read: nothing of this run is kept,
      // and every file is read again, so no report mixes two versions of a file.
      if (!(error instanceof SourcesChanged)) throw error
      return await checkWith(dirs, stages, memo, undefined, probe, settings, modelBuilt)
    }
  } finally {
    own?.close()
  }
}

async function checkWith(dirs: readonly string[], stages: CheckStages, memo: CheckMemo | undefined, stamps: SourceStamps | undefined, probe: CheckRunOptions['probe'], checkOptions: Omit<CheckOptions, 'all' | 'linkStatus'> & { today: string }, modelBuilt?: CheckRunOptions['modelBuilt']): Promise<CheckRun> {
  const { today } = checkOptions
  // The parser starts loading as soon as a parse may be needed, so that it is ready when the
  // first file is: at once without a memo or stamps, else at the first file read because its
  // stamp did not answer (it changed), or the first folder the memo cannot answer. A run with
  // nothing to parse never starts it (that costs about 0.1 s).
  let prepared = false
  const prepare = () => {
    if (prepared) return
    prepared = true
    stages.prepare?.()
  }
  if (!memo || !stamps) prepare()
  const folders = stamps ? stages.read(dirs, startingOnRead(stamps, prepare)) : stages.read(dirs)
  const recalled = folders.map((folder) => {
    const entry = memo?.recall(folder)
    if (memo && !entry) prepare()
    return entry
  })

  const fresh = new Map<number, ParseContext>()
  // Each framework parsed in this run, its own rules run (see startRules; on a worker, see
  // framework-workers.ts), and its files' messages from reading and parsing, taken before those rules ran.
  const started = new Map<number, Pick<StartedRules, 'context'> & { finish(compared: readonly ComparedParts[]): Suppression[] | Promise<Suppression[]> }>()
  // What the comparing rules read of the frameworks built on workers (comparedOf), as they sent it.
  const comparedOnWorkers = new Map<number, string>()
  const parseMessages = new Map<number, Map<VFile, VFileMessage[]>>()
  const start = (index: number, context: ParseContext, online: Pick<CheckOptions, 'linkStatus'>) => {
    parseMessages.set(index, messagesOf(context))
    const rules = timed('rules', () => startRules(context, { ...checkOptions, ...online, today }))
    started.set(index, rules)
    modelBuilt?.(context.framework, folders.length)
    return rules.context
  }
  // Without --online each framework is checked as soon as it is built, and only what the
  // comparing rules read of it is kept: a large run never holds every framework's trees. The
  // link probe reads every framework's links first, so with it the rules wait for the probe.
  // The link probe and watch mode's stages keep the main-thread path.
  const parse = async (indexes: readonly number[]) => {
    if (indexes.length === 0) return
    const built = probe ? undefined : (context: ParseContext, i: number) => start(indexes[i] as number, context, {})
    const chosen = indexes.map((index) => folders[index] as FrameworkFolder)
    const trees = memo?.treesFor ? timed('cache', () => memo.treesFor?.(chosen)) : undefined
    const onWorkers = built && !trees && stages.startOnWorkers ? await stages.startOnWorkers(chosen, { today, ...(checkOptions.only ? { only: checkOptions.only } : {}) }, built) : undefined
    if (onWorkers && 'started' in onWorkers) {
      onWorkers.started.forEach((each, i) => {
        const index = indexes[i] as number
        const context = builtElsewhere(each.folder, each.framework)
        parseMessages.set(index, each.parseMessages)
        started.set(index, { context, finish: each.finish })
        comparedOnWorkers.set(index, each.compared)
        fresh.set(index, context)
      })
      return
    }
    const contexts = onWorkers ? onWorkers.contexts : await stages.parse(chosen, built, trees)
    if (trees) timed('cache', () => trees.save())
    contexts.forEach((context, i) => fresh.set(indexes[i] as number, context))
  }
  await parse(folders.flatMap((_, index) => (recalled[index] ? [] : [index])))

  const compared = folders.map((_, index) => recalled[index]?.compared ?? comparedOnWorkers.get(index) ?? comparedOf((fresh.get(index) as ParseContext).framework))
  const rulesKey = rulesKeyOf(today, checkOptions.only, compared)
  const stale = staleResults(recalled, rulesKey)
  const reparse: number[] = []
  for (const index of stale) {
    const reopened = recalled[index]?.reopen?.()
    if (reopened) fresh.set(index, reopened)
    else reparse.push(index)
  }
  await parse(reparse)

  const contexts: CheckedFramework[] = folders.map((_, index) => fresh.get(index) ?? (recalled[index] as Recalled).checked)
  const online = probe ? await probe([...fresh.values()]) : {}
  // Frameworks whose stage did not check them as they were built (watch mode, --online) keep
  // their whole parse context here.
  for (const [index, context] of fresh) if (!started.has(index)) start(index, context, online)
  // What comparing rules read of every framework, from the text stored or just made: no cached model is read.
  const comparedAll = compared.map(comparedParts)
  // What each framework suppressed, in folder order: checked now, or as remembered.
  const finishing = timed('rules', () =>
    contexts.map((_, index) => {
      const rules = started.get(index)
      if (rules) return rules.finish(comparedAll)
      const entry = recalled[index] as Recalled
      entry.restore()
      return entry.suppressed
    }),
  )
  // Frameworks built on workers finish there: their comparing rules' time is this thread's wait.
  const waitStart = performance.now()
  const suppressed: Suppression[][] = await Promise.all(finishing)
  addTime('rules', performance.now() - waitStart)
  if (memo)
    timed('cache', () => {
      for (const [index, context] of fresh)
        memo.remember(context, { compared: compared[index] as string, rulesKey, suppressed: suppressed[index] ?? [], parseMessages: parseMessages.get(index) ?? new Map() })
      if (stamps) memo.saveStamps?.()
    })
  // Parse detail is not needed after the rules: let it go before anything is generated.
  const checked = contexts.map((context, index) => (fresh.has(index) ? withoutParseDetail(context) : context))
  const parsed = new Set(checked.filter((_, index) => fresh.has(index)))
  return { ...gatherResult(checked, suppressed.flat()), parsed }
}

/** The same stamps, calling `prepare` when a file has to be read because its stamp did not answer. */
function startingOnRead(stamps: SourceStamps, prepare: () => void): SourceStamps {
  return {
    known: (real, stamp) => stamps.known(real, stamp),
    read: (real, stamp, text, stats, readAt) => {
      prepare()
      return stamps.read(real, stamp, text, stats, readAt)
    },
    late: (real, shown, digest) => stamps.late(real, shown, digest),
  }
}

/**
 * A framework built on a worker, as the rest of the run sees it: its folder and model. Its parse
 * detail stayed on the worker; reading any of it throws, so nothing can read an empty part unawares.
 */
function builtElsewhere(folder: FrameworkFolder, framework: Framework): ParseContext {
  const kept: Record<string, unknown> = { folder, framework }
  for (const key of Object.keys(createContext(folder)))
    if (!(key in kept)) Object.defineProperty(kept, key, { get: () => { throw new Error(`the parse detail “${key}” of a framework built on a worker stays there; after the rules only its folder and model are read`) }, enumerable: true })
  return kept as unknown as ParseContext
}

function messagesOf(context: ParseContext): Map<VFile, VFileMessage[]> {
  return new Map(sourcesOf(context.folder).map((source) => [source.vfile, [...source.vfile.messages]]))
}
