import path from 'node:path'
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads'
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { startRules, type ComparedParts, type Suppression } from '../check/runner.ts'
import type { Framework } from '../model/types.ts'
import type { BoundedParser } from '../parse/bounded.ts'
import type { ParseBudget } from '../parse/budget.ts'
import { buildFramework } from '../parse/build.ts'
import { markdownProcessor } from '../parse/markdown.ts'
import { sourcesOf, type FrameworkFolder } from '../parse/read.ts'
import { startWorkerThread } from '../parse/worker-file.ts'
import { longestParsingMs } from '../parse/workers.ts'
import { compiledIsFresh } from '../shared/compiled.js'
import { restoreMessage } from '../shared/diagnostics.ts'
import { toolRoot } from '../shared/paths.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { addTime } from '../shared/timing.ts'
import { PARSED, PARSING, type BuiltReply, type FileShape, type FinishedReply, type FolderShape, type FrameworkQueue, type FrameworkWorkerData, type WorkerReply } from './framework-work.ts'

/** A framework built, and its own rules run, on a worker; the comparing rules wait for `finish`. */
export interface StartedOnWorker {
  folder: FrameworkFolder
  framework: Framework
  /** What the comparing rules read of it (comparedOf). */
  compared: string
  /** Its files' messages from reading and parsing, before the rules ran. */
  parseMessages: Map<VFile, VFileMessage[]>
  /** Runs the comparing rules (on the workers, for every framework of the call at once): its suppressions. */
  finish(compared: readonly ComparedParts[]): Promise<Suppression[]>
}

/**
 * Frameworks that could not be built on the workers (a file stopped by the parse budget, a worker
 * out of memory): `parse` gives buildFramework on this thread each file's tree or error exactly as
 * parsing on workers gives them (workers.ts).
 */
export interface BuildHere {
  parse(source: SourceFile): Root
}

export interface RulesSettings {
  today: string
  only?: readonly string[]
}

/** How long starting the workers may take on top of the budget before the run gives up on them. */
const START_GRACE_MS = 60_000
/** The longest wait setTimeout takes; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Decided once per process, as for the parse worker (parse/worker-file.ts). */
let chosen: string | undefined

/** The compiled worker while dist/ is up to date, else the sources through tsx (which costs about 0.7 s of CPU to start). */
function frameworkWorkerFile(): string {
  chosen ??= !import.meta.url.endsWith('.ts') || compiledIsFresh(toolRoot) ? 'dist/framework-worker.js' : 'scripts/pipeline/framework-worker-sources.js'
  return path.join(toolRoot, chosen)
}

/** Parses on this thread as the workers do: an error of the parser's own is the same Error. */
function parseHere(source: SourceFile): Root {
  try {
    return markdownProcessor().parse(source.text)
  } catch (error) {
    throw error instanceof Error ? error : new Error(String(error))
  }
}

/** Workers of one call, kept until the comparing rules have run (or stop() ends them). */
interface Lane {
  worker: Worker
  port: MessagePort
  done: boolean
  /** Its thread has ended: its `exit` has fired and will not fire again for a later listener. */
  exited: boolean
  /** Takes this call's listeners off the worker and its port (see `detach`). */
  detach: Array<() => void>
}

/** Notes that a lane's thread has ended; made here, so the listener holds the lane and nothing else of its call. */
function markExited(lane: Lane): () => void {
  return () => (lane.exited = true)
}

/** A worker's error is its exit without an answer (handled there); at module level, so it holds nothing of a call. */
function ignoreError(): void {}

/**
 * Takes a call's listeners off its workers and ports once they have nothing more to say: a worker's
 * thread ends, and its port closes, only on a later turn of the event loop, which a build's
 * generation may not give for a long while; until then their listeners would keep every folder,
 * text and model of the call alive.
 */
function detach(running: readonly Lane[]): void {
  for (const lane of running) for (const off of lane.detach.splice(0)) off()
}

/**
 * Builds each folder's model and runs its own rules on `count` worker threads, each taking the
 * next framework as it finishes the last, so the model work is shared by the cores and no syntax
 * tree is copied between threads. Within the run's parse budget, as parsing on workers is
 * (workers.ts): the budget counts the time the workers spend parsing. When a file outlasts it, or a
 * worker stops (out of memory), every worker is stopped and the call gives BuildHere instead: the
 * frameworks are then built on this thread from what the workers parsed (see `here`).
 * `register` is given a way to stop the workers early (a run that fails before `finish`).
 */
export async function startOnWorkers(
  read: readonly FrameworkFolder[],
  count: number,
  budget: ParseBudget,
  rules: RulesSettings,
  parser: BoundedParser,
  register: (stop: () => void) => void,
  /** Told of each worker as it starts: how tests stop one between the build and `finish`. */
  watch?: (lane: number, worker: Worker) => void,
): Promise<StartedOnWorker[] | BuildHere> {
  const texts: string[] = []
  const textIndex = new Map<SourceFile, number>()
  const shapeOf = (source: SourceFile, hasText: boolean): FileShape => {
    const index = hasText ? texts.push(source.text) - 1 : -1
    textIndex.set(source, index)
    return { path: source.path, relative: source.relative, text: index }
  }
  const folders: FolderShape[] = read.map((folder) => ({
    id: folder.id,
    dir: folder.dir,
    folderFile: shapeOf(folder.folderFile, false),
    files: folder.files.map((file) => ({ ...shapeOf(file.source, file.readable), kind: file.kind, readable: file.readable, ...(file.digest ? { digest: file.digest } : {}) })),
    unread: folder.unread.map((source) => shapeOf(source, false)),
  }))
  const lanes = Math.max(1, Math.min(count, read.length))
  const queue = shareTexts(texts, lanes)
  const here = (blamed: ReadonlySet<number>, timedOut: boolean): BuildHere => ({
    parse(source) {
      const index = textIndex.get(source) ?? -1
      const status = index < 0 ? PARSED : Atomics.load(queue.status, index)
      if (blamed.has(index)) throw budget.limitError()
      if (status === PARSED) return parseHere(source)
      if (timedOut) throw budget.usedError()
      return parser.parse(source, budget)
    },
  })
  if (budget.isUsedUp()) return here(new Set(), true)

  const memoryMb = Math.max(16, Math.floor(budget.limits.memoryMb / lanes))
  const results: Array<BuiltReply | undefined> = new Array(read.length)
  const running: Lane[] = []
  const started = performance.now()
  const parsingMs = () => longestParsingMs(queue, lanes)
  const stopAll = () => {
    for (const lane of running) {
      lane.port.close()
      void lane.worker.terminate()
    }
  }
  register(stopAll)
  const outcome = await new Promise<'built' | 'timed out' | 'died'>((resolve) => {
    let settled = false
    let timer: NodeJS.Timeout | undefined
    let answered = 0
    const settle = (how: 'built' | 'timed out' | 'died') => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(how)
    }
    // The clock counts parsing only (each lane's own, as the lanes parse side by side): it is
    // checked when the time left would run out if every lane parsed all the while.
    const check = () => {
      const left = budget.remainingMs() - parsingMs()
      if (left <= 0) settle('timed out')
      else timer = setTimeout(check, Math.min(Math.max(left, 1), MAX_TIMER_MS))
    }
    // Until a worker is ready, a guard of the whole budget plus START_GRACE_MS bounds a start that never ends.
    timer = setTimeout(() => settle('timed out'), Math.min(budget.remainingMs() + START_GRACE_MS, MAX_TIMER_MS))
    let ready = false
    const finished = () => answered === read.length && running.every((lane) => lane.done)
    for (let lane = 0; lane < lanes; lane++) {
      const { port1, port2 } = new MessageChannel()
      const data: FrameworkWorkerData = { port: port2, queue, lane, folders, rules }
      let worker: Worker
      try {
        // Not this process's preloads (tsx): the bundle needs none, and the sources register their own.
        worker = startWorkerThread(frameworkWorkerFile(), {
          workerData: data,
          transferList: [port2],
          // The young generation the main thread has by default: a worker limited to a small old
          // generation gets a small one too, and collects far more often building models.
          resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 48 },
        })
      } catch {
        // No thread to start (too many threads): the files are read on this thread, as without workers.
        settle('died')
        break
      }
      const own: Lane = { worker, port: port1, done: false, exited: false, detach: [] }
      running.push(own)
      watch?.(lane, worker)
      worker.on('error', ignoreError)
      // Kept (not detached): `finish` may start listening only after the thread has ended.
      worker.once('exit', markExited(own))
      const take = (reply: WorkerReply) => {
        if ('ready' in reply && !ready) {
          ready = true
          clearTimeout(timer)
          check()
        } else if ('built' in reply) {
          results[reply.built.index] = reply.built
          answered++
        } else if ('done' in reply) own.done = true
        if (finished()) settle('built')
      }
      // A worker that ends before its work is done ran out of memory, or failed to start.
      const exited = () => {
        if (!own.done) settle('died')
      }
      port1.on('message', take)
      worker.once('exit', exited)
      own.detach.push(() => {
        port1.off('message', take)
        worker.off('exit', exited)
      })
    }
  })
  // Settled: what the workers say from now on is for `finish` (builtOnWorkers) or no one.
  detach(running)
  addTime('parse', performance.now() - started)
  if (outcome !== 'built') {
    stopAll()
    if (outcome === 'timed out') budget.useUp()
    else budget.spend(parsingMs())
    // Timed out: the files being parsed are stopped, the rest were not reached. A worker that
    // died (out of memory: it holds its frameworks besides the file it parses) blames no file: the
    // files not parsed yet are parsed on the run's bounded parser, as without workers.
    const blamed = new Set<number>()
    if (outcome === 'timed out') for (const [index] of texts.entries()) if (Atomics.load(queue.status, index) === PARSING) blamed.add(index)
    return here(blamed, outcome === 'timed out')
  }
  budget.spend(parsingMs())
  // The workers wait for the comparing rules; they do not keep the process alive meanwhile.
  for (const lane of running) {
    lane.worker.unref()
    lane.port.unref()
  }
  return builtOnWorkers(read, results as BuiltReply[], running, rules, stopAll)
}

/** Puts each framework's messages on this thread's files and gives each its `finish`. */
function builtOnWorkers(read: readonly FrameworkFolder[], results: readonly BuiltReply[], running: readonly Lane[], rules: RulesSettings, stopAll: () => void): StartedOnWorker[] {
  const before = read.map((folder) => sourcesOf(folder).map((source) => source.vfile.messages.length))
  let finishing: Promise<Map<number, FinishedReply> | undefined> | undefined
  const finishAll = (compared: readonly ComparedParts[]) =>
    (finishing ??= new Promise<Map<number, FinishedReply> | undefined>((resolve) => {
      const replies = new Map<number, FinishedReply>()
      let waiting = running.length
      for (const lane of running) {
        let replied = false
        lane.worker.ref()
        lane.port.ref()
        // A worker that ends before it answers ran out of memory (or failed).
        const exited = () => {
          if (!replied) resolve(undefined)
        }
        const take = (reply: WorkerReply) => {
          if ('failed' in reply) return resolve(undefined)
          if (!('finished' in reply)) return
          replied = true
          for (const each of reply.finished) replies.set(each.index, each)
          if (--waiting === 0) resolve(replies)
        }
        // Its thread may have ended already, between the build and now: its `exit` has fired and will not again.
        if (lane.exited) return resolve(undefined)
        lane.worker.once('exit', exited)
        lane.port.on('message', take)
        lane.detach.push(() => {
          lane.worker.off('exit', exited)
          lane.port.off('message', take)
        })
        lane.port.postMessage({ compared })
      }
    }).then((replies) => {
      stopAll()
      detach(running)
      return replies
    }))
  return read.map((folder, index) => {
    const result = results[index] as BuiltReply
    const sources = sourcesOf(folder)
    const parseMessages = new Map<VFile, VFileMessage[]>()
    sources.forEach((source, i) => {
      for (const message of result.messages[i] ?? []) restoreMessage(source.vfile, message)
      parseMessages.set(source.vfile, source.vfile.messages.slice(0, (before[index]?.[i] ?? 0) + (result.parseCounts[i] ?? 0)))
    })
    return {
      folder,
      framework: result.framework,
      compared: result.compared,
      parseMessages,
      async finish(compared) {
        const replies = await finishAll(compared)
        const reply = replies?.get(index)
        if (!reply) return finishHere(folder, before[index] ?? [], rules, compared)
        sources.forEach((source, i) => {
          for (const message of reply.messages[i] ?? []) restoreMessage(source.vfile, message)
        })
        return reply.suppressed
      },
    }
  })
}

/**
 * A worker stopped before the comparing rules ran: the framework's messages from the workers are
 * taken back and it is built and checked again on this thread (its files parsed before, so they parse again).
 */
function finishHere(folder: FrameworkFolder, before: readonly number[], rules: RulesSettings, compared: readonly ComparedParts[]): Suppression[] {
  sourcesOf(folder).forEach((source, i) => source.vfile.messages.splice(before[i] ?? 0))
  return startRules(buildFramework(folder, { parse: parseHere }), rules).finish(compared)
}

/** The texts, one after another in UTF-8, with the state the workers and this thread share. */
function shareTexts(texts: readonly string[], lanes: number): FrameworkQueue {
  const ends = new Float64Array(new SharedArrayBuffer(8 * Math.max(1, texts.length)))
  let total = 0
  texts.forEach((text, i) => (ends[i] = total += Buffer.byteLength(text)))
  const bytes = new SharedArrayBuffer(Math.max(1, total))
  const view = Buffer.from(bytes)
  texts.forEach((text, i) => view.write(text, i === 0 ? 0 : (ends[i - 1] as number), 'utf8'))
  return {
    bytes,
    ends,
    status: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, texts.length))),
    next: new Int32Array(new SharedArrayBuffer(4)),
    parseMs: new Float64Array(new SharedArrayBuffer(8 * lanes)),
    parseSince: new Float64Array(new SharedArrayBuffer(8 * lanes)),
  }
}
