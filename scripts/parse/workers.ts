import { availableParallelism } from 'node:os'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { Root } from 'mdast'
import { markdownWorkerFile, workerExecArgv } from './worker-file.ts'
import type { ParseBudget } from './budget.ts'

/** Below this much Markdown, starting workers costs more than it saves (measured by npm run bench). */
export const PARALLEL_MIN_BYTES = 1_500_000

/**
 * Parse workers for this much Markdown: none below PARALLEL_MIN_BYTES, else one per core (at most
 * 4). THRESHOLDS_WORKERS in `env` (the command's environment), when a whole number, is the count
 * whatever the size (0: none).
 */
export function workerCount(totalBytes: number, env: Readonly<Record<string, string | undefined>>): number {
  const given = env.THRESHOLDS_WORKERS
  if (given !== undefined && /^\d+$/.test(given)) return Math.min(Number(given), 4)
  if (totalBytes < PARALLEL_MIN_BYTES) return 0
  return Math.max(0, Math.min(availableParallelism(), 4))
}

/** How long starting the workers may take on top of the budget before the run gives up on them. */
export const START_GRACE_MS = 60_000

/** The longest wait setTimeout takes; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** What the workers of one run share: the texts, one after another in UTF-8, and who is on which. */
interface Queue {
  bytes: SharedArrayBuffer
  /** Where each text ends in `bytes`. */
  ends: Float64Array
  /** The next text to take. */
  next: Int32Array
  /** The text each lane is parsing (-1: none). */
  current: Int32Array
}

function shareTexts(texts: readonly string[], count: number): Queue {
  const ends = new Float64Array(new SharedArrayBuffer(8 * texts.length))
  let total = 0
  texts.forEach((text, i) => (ends[i] = total += Buffer.byteLength(text)))
  const bytes = new SharedArrayBuffer(total)
  const view = Buffer.from(bytes)
  texts.forEach((text, i) => view.write(text, i === 0 ? 0 : (ends[i - 1] as number), 'utf8'))
  const current = new Int32Array(new SharedArrayBuffer(4 * count)).fill(-1)
  return { bytes, ends, next: new Int32Array(new SharedArrayBuffer(4)), current }
}

interface Reply {
  /** The worker has loaded the parser and starts on the queue. */
  ready?: true
  id?: number
  tree?: Root
  error?: string
  done?: true
}

/** The same plain-JavaScript worker the bounded single-file parser uses (markdown-worker.js), taking files from the queue. */
function startWorker(queue: Queue, lane: number, memoryMb: number): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(markdownWorkerFile(), {
    workerData: { port: port2, queue: { ...queue, lane } },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    execArgv: workerExecArgv(),
  })
  worker.on('error', () => undefined)
  return { worker, port: port1 }
}

/** Parses texts on `count` worker threads (see parseEachInWorkers); results in input order. */
export async function parseInWorkers(texts: readonly string[], count: number, budget: ParseBudget): Promise<Array<Root | Error>> {
  const results: Array<Root | Error> = new Array(texts.length)
  await parseEachInWorkers(texts, count, budget, (index, result) => (results[index] = result))
  return results
}

/**
 * Parses texts on `count` worker threads within the run's budget, handing each result to `each`
 * in input order as soon as it and every one before it are in, and keeping none. The texts are
 * shared with the workers once, and each worker takes the next text as it finishes the last,
 * without waiting for this thread, which is free to use the trees while the workers go on. The
 * lanes share the budget's time (they run side by side, so the time taken is the wall-clock time
 * since the first worker was ready to parse: starting threads is not parsing) and split its memory. A file still being parsed when the time runs out,
 * or whose worker runs out of memory, gets a ParseLimitError in its place (its worker is replaced
 * and takes the next text); files not parsed by then get a ParseBudgetUsedError. An error thrown
 * by `each` stops the workers and is thrown here.
 */
export async function parseEachInWorkers(texts: readonly string[], count: number, budget: ParseBudget, each: (index: number, result: Root | Error) => void): Promise<void> {
  if (texts.length === 0) return
  if (budget.isUsedUp()) {
    texts.forEach((_, index) => each(index, budget.usedError()))
    return
  }
  // undefined: not in yet; null: handed to `each`.
  const results: Array<Root | Error | null | undefined> = new Array(texts.length)
  const lanes = Math.max(1, Math.min(count, texts.length))
  const memoryMb = Math.max(16, Math.floor(budget.limits.memoryMb / lanes))
  const queue = shareTexts(texts, lanes)
  const started = performance.now()
  /** When the first worker was ready to parse: the budget is spent from then. */
  let clockStarted: number | undefined
  let answered = 0
  let prefix = 0
  let failure: { error: unknown } | undefined
  const running = new Set<{ worker: Worker; port: MessagePort }>()
  await new Promise<void>((resolve) => {
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      resolve()
    }
    const record = (index: number, result: Root | Error) => {
      if (results[index] !== undefined || failure) return
      results[index] = result
      answered++
      try {
        for (let next = results[prefix]; prefix < texts.length && next; next = results[++prefix]) {
          results[prefix] = null
          each(prefix, next)
        }
      } catch (error) {
        failure = { error }
        finish()
      }
      if (answered === texts.length) finish()
    }
    const take = (reply: Reply) => {
      if (reply.ready) startClock()
      if (reply.id !== undefined) record(reply.id, reply.tree ?? new Error(reply.error ?? 'the Markdown parser did not answer'))
    }
    const open = (lane: number) => {
      const parser = startWorker(queue, lane, memoryMb)
      running.add(parser)
      parser.port.on('message', take)
      // Out of memory ends the worker without a reply: what it sent before is taken first, then
      // the file it was on is the one that did not fit, and a fresh worker takes the next.
      parser.worker.once('exit', () => {
        running.delete(parser)
        if (finished) return
        drain(parser)
        parser.port.close()
        if (finished) return
        const on = Atomics.load(queue.current, lane)
        Atomics.store(queue.current, lane, -1)
        if (on >= 0) {
          record(on, budget.limitError())
          if (finished) return
          try {
            open(lane)
          } catch (error) {
            // No fresh worker (too many threads or files open): the files left cannot be parsed.
            stopAll(() => (error instanceof Error ? error : new Error(String(error))))
          }
        }
        // Every worker gone and a reply missing: nothing more will come.
        else if (running.size === 0) stopAll(() => new Error('the Markdown parser did not answer'))
      })
    }
    const drain = (parser: { port: MessagePort }) => {
      for (let message = receiveMessageOnPort(parser.port); message; message = receiveMessageOnPort(parser.port)) take(message.message as Reply)
    }
    /** Every file not answered yet gets `error` (or a ParseLimitError if a worker is on it). */
    const stopAll = (error: () => Error) => {
      for (const parser of running) drain(parser)
      const on = new Set(Array.from(queue.current).filter((index) => index >= 0))
      for (const [index] of texts.entries()) if (results[index] === undefined) record(index, on.has(index) ? budget.limitError() : error())
      finish()
    }
    // The time left runs out: the files being parsed are stopped, the rest were not reached. It
    // counts from the first worker ready to parse; starting threads is not parsing. Until then a
    // guard of the whole budget plus START_GRACE_MS bounds a start that never ends.
    const out = () => stopAll(() => budget.usedError())
    let timer = setTimeout(out, Math.min(budget.remainingMs() + START_GRACE_MS, MAX_TIMER_MS))
    const startClock = () => {
      if (clockStarted !== undefined) return
      clockStarted = performance.now()
      clearTimeout(timer)
      timer = setTimeout(out, Math.min(budget.remainingMs(), MAX_TIMER_MS))
    }
    for (let lane = 0; lane < lanes; lane++) open(lane)
  })
  for (const parser of running) {
    parser.port.close()
    void parser.worker.terminate()
  }
  budget.spend(performance.now() - (clockStarted ?? started))
  if (failure) throw failure.error
}
