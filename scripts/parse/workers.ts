import { availableParallelism } from 'node:os'
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import type { Root } from 'mdast'
import { markdownWorkerFile, startWorkerThread } from './worker-file.ts'
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

/**
 * How far the workers may parse ahead of the trees this thread has taken: the Markdown of the
 * texts taken by a worker but not yet handed over. A tree waiting to be handed over costs about
 * four times its text (copied for the thread, then rebuilt here), and on an idle machine the
 * workers can parse faster than this thread builds models; 2 MB is about 30 frameworks of the
 * bench's corpus, so the workers pause only when this thread is far behind.
 */
export const AHEAD_BYTES = 2_000_000

/** What the workers of one run share: the texts, one after another in UTF-8, and who is on which. */
interface Queue {
  bytes: SharedArrayBuffer
  /** Where each text ends in `bytes`. */
  ends: Float64Array
  /** The next text to take. */
  next: Int32Array
  /** The text each lane is parsing (-1: none; -2 - index: it holds that text, waiting for `open`). */
  current: Int32Array
  /** Texts from this index on wait until this thread has taken more (-1: the run is over). */
  open: Int32Array
  /** The time each lane has spent parsing, in ms, and since when (performance.timeOrigin + now()) it parses the current text (0: it does not). */
  parseMs: Float64Array
  parseSince: Float64Array
}

function shareTexts(texts: readonly string[], count: number): Queue {
  const ends = new Float64Array(new SharedArrayBuffer(8 * texts.length))
  let total = 0
  texts.forEach((text, i) => (ends[i] = total += Buffer.byteLength(text)))
  const bytes = new SharedArrayBuffer(total)
  const view = Buffer.from(bytes)
  texts.forEach((text, i) => view.write(text, i === 0 ? 0 : (ends[i - 1] as number), 'utf8'))
  const current = new Int32Array(new SharedArrayBuffer(4 * count)).fill(-1)
  const lanesOf = () => new Float64Array(new SharedArrayBuffer(8 * count))
  return { bytes, ends, next: new Int32Array(new SharedArrayBuffer(4)), current, open: new Int32Array(new SharedArrayBuffer(4)), parseMs: lanesOf(), parseSince: lanesOf() }
}

/**
 * The first text that may not be parsed yet once the first `handed` texts are handed over: the
 * texts that start less than `aheadBytes` after the last handed text ends, and always the next
 * one, which this thread waits for.
 */
export function openUpTo(ends: ArrayLike<number>, handed: number, aheadBytes: number, openBefore = 0): number {
  const from = handed === 0 ? 0 : (ends[handed - 1] as number)
  // It only grows as texts are handed over: the search goes on from where it was.
  let open = Math.max(openBefore, Math.min(handed + 1, ends.length))
  while (open < ends.length && (ends[open - 1] as number) < from + aheadBytes) open++
  return open
}

interface Reply {
  /** The worker has loaded the parser and starts on the queue. */
  ready?: true
  id?: number
  tree?: Root
  error?: string
  /** The worker holds a text beyond those let in and waits for room. */
  waiting?: true
  done?: true
}

/**
 * The same plain-JavaScript worker the bounded single-file parser uses (markdown-worker.js),
 * taking files from the queue; `held`: a text the lane's last worker took but did not start.
 */
function startWorker(queue: Queue, lane: number, memoryMb: number, held?: number): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel()
  const worker = startWorkerThread(markdownWorkerFile(), {
    workerData: { port: port2, queue: { ...queue, lane, ...(held === undefined ? {} : { held }) } },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
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
 * The longest time one lane has spent parsing, the text it parses now included: the lanes run
 * side by side, so this is the time the run's budget counts (waiting and starting are not parsing).
 */
export function longestParsingMs(clocks: { parseMs: Float64Array; parseSince: Float64Array }, lanes: number): number {
  let most = 0
  const now = performance.timeOrigin + performance.now()
  for (let lane = 0; lane < lanes; lane++) {
    const since = clocks.parseSince[lane] as number
    most = Math.max(most, (clocks.parseMs[lane] as number) + (since ? now - since : 0))
  }
  return most
}

/** What a parse on workers measured of itself. */
export interface WorkersParsed {
  /** The most Markdown, in bytes, the workers had taken beyond the texts handed over (seen at each text handed over). */
  mostAheadBytes: number
}

/**
 * Parses texts on `count` worker threads within the run's budget, handing each result to `each`
 * in input order as soon as it and every one before it are in, and keeping none. The texts are
 * shared with the workers once, and each worker takes the next text as it finishes the last,
 * without waiting for this thread, which is free to use the trees while the workers go on, up to
 * `aheadBytes` of Markdown beyond the texts handed over (see AHEAD_BYTES): further on, the
 * workers wait for this thread. The lanes share the budget's time (they run side by side, so the
 * time taken is the longest time one lane spent parsing: starting threads, and waiting for this
 * thread, is not parsing) and split its memory. A file still being parsed when the time runs out,
 * or whose worker runs out of memory, gets a ParseLimitError in its place (its worker is replaced
 * and takes the next text); files not parsed by then get a ParseBudgetUsedError. An error thrown
 * by `each` stops the workers and is thrown here.
 */
export async function parseEachInWorkers(
  texts: readonly string[],
  count: number,
  budget: ParseBudget,
  each: (index: number, result: Root | Error) => void,
  aheadBytes = AHEAD_BYTES,
  /** Told of each worker as it starts, with the counters the lanes share: how tests see the window and stop a lane. */
  watch?: (lane: number, worker: Worker, shared: Pick<Queue, 'next' | 'current' | 'open'>) => void,
): Promise<WorkersParsed> {
  let mostAheadBytes = 0
  if (texts.length === 0) return { mostAheadBytes }
  if (budget.isUsedUp()) {
    texts.forEach((_, index) => each(index, budget.usedError()))
    return { mostAheadBytes }
  }
  // undefined: not in yet; null: handed to `each`.
  const results: Array<Root | Error | null | undefined> = new Array(texts.length)
  const lanes = Math.max(1, Math.min(count, texts.length))
  const memoryMb = Math.max(16, Math.floor(budget.limits.memoryMb / lanes))
  const queue = shareTexts(texts, lanes)
  const started = performance.now()
  /** Whether a worker was ready to parse: until then the start is guarded, not the parse. */
  let clockStarted = false
  let answered = 0
  let prefix = 0
  let opened = openUpTo(queue.ends, 0, aheadBytes)
  Atomics.store(queue.open, 0, opened)
  const parsingMs = () => longestParsingMs(queue, lanes)
  let failure: { error: unknown } | undefined
  const running = new Set<{ worker: Worker; port: MessagePort; lane: number }>()
  /** Lanes whose last worker has ended with no fresh one to follow it. */
  const ended = new Array<boolean>(lanes).fill(false)
  // What each worker started in this run was given to call back: taken back when the run ends (see below).
  const detach: Array<() => void> = []
  await new Promise<void>((resolve) => {
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      // Workers waiting for more room end instead.
      Atomics.store(queue.open, 0, -1)
      Atomics.notify(queue.open, 0)
      resolve()
    }
    const record = (index: number, result: Root | Error) => {
      if (results[index] !== undefined || failure) return
      results[index] = result
      answered++
      const taken = Math.min(Atomics.load(queue.next, 0), texts.length)
      if (taken > prefix) mostAheadBytes = Math.max(mostAheadBytes, (queue.ends[taken - 1] as number) - (prefix === 0 ? 0 : (queue.ends[prefix - 1] as number)))
      try {
        for (let next = results[prefix]; prefix < texts.length && next; next = results[++prefix]) {
          results[prefix] = null
          each(prefix, next)
          // Room for the workers as the trees are taken, not only once the whole run is handed over.
          const room = openUpTo(queue.ends, prefix + 1, aheadBytes, opened)
          if (room > opened) {
            opened = room
            Atomics.store(queue.open, 0, room)
            Atomics.notify(queue.open, 0)
          }
        }
      } catch (error) {
        failure = { error }
        finish()
      }
      if (answered === texts.length) finish()
    }
    const take = (reply: Reply, lane: number) => {
      if (reply.ready) startClock()
      if (reply.id !== undefined) record(reply.id, reply.tree ?? new Error(reply.error ?? 'the Markdown parser did not answer'))
      if (reply.done) ended[lane] = true
    }
    const open = (lane: number, held?: number) => {
      const parser = { ...startWorker(queue, lane, memoryMb, held), lane }
      ended[lane] = false
      running.add(parser)
      watch?.(lane, parser.worker, queue)
      const told = (reply: Reply) => {
        take(reply, lane)
        if (reply.waiting || reply.done) endIfStuck()
      }
      parser.port.on('message', told)
      // Out of memory ends the worker without a reply: what it sent before is taken first, then
      // the file it was on is the one that did not fit, and a fresh worker takes the next.
      const exited = () => {
        running.delete(parser)
        if (finished) return
        drain(parser)
        parser.port.close()
        if (finished) return
        const on = Atomics.load(queue.current, lane)
        Atomics.store(queue.current, lane, -1)
        // The time it spent on the file it did not finish counts; it parses no more.
        const since = queue.parseSince[lane] as number
        if (since) queue.parseMs[lane] = (queue.parseMs[lane] as number) + performance.timeOrigin + performance.now() - since
        queue.parseSince[lane] = 0
        // A text it held without starting it (waiting for room) goes to the fresh worker.
        const held = on <= -2 ? -2 - on : undefined
        if (on >= 0) record(on, budget.limitError())
        if (finished) return
        if (on >= 0 || held !== undefined) {
          try {
            open(lane, held)
          } catch (error) {
            // No fresh worker (too many threads or files open): the files left cannot be parsed.
            stopAll(() => (error instanceof Error ? error : new Error(String(error))))
          }
        }
        else {
          ended[lane] = true
          endIfStuck()
        }
      }
      parser.worker.once('exit', exited)
      detach.push(() => {
        parser.port.off('message', told)
        parser.worker.off('exit', exited)
      })
    }
    const drain = (parser: { port: MessagePort; lane: number }) => {
      for (let message = receiveMessageOnPort(parser.port); message; message = receiveMessageOnPort(parser.port)) take(message.message as Reply, parser.lane)
    }
    // Every lane has ended or waits for room beyond the texts let in, every reply sent is taken,
    // and still a text let in has no result: no worker will ever parse it, and as waiting is not
    // parsing, the budget would never end the wait. Only a bug loses a text so; the run fails
    // plainly instead of waiting for ever. Checked as a lane ends or starts to wait: the last
    // lane to do so sees it.
    const endIfStuck = () => {
      for (;;) {
        for (const parser of running) drain(parser)
        if (finished) return
        for (let lane = 0; lane < lanes; lane++) {
          const on = Atomics.load(queue.current, lane)
          // `opened` changes only on this thread: a lane holding a text at or beyond it waits on.
          if (!ended[lane] && (on > -2 || -2 - on < opened)) return
        }
        // A lane sends its last reply before it starts to wait: taken now, unless it had not yet
        // sent it when the replies were taken above (then look again, as it may let texts in).
        const before = answered
        for (const parser of running) drain(parser)
        if (finished) return
        if (answered === before) break
      }
      const missing = texts.length - answered
      failure = { error: new Error(`the Markdown parse workers stopped with ${missing} ${missing === 1 ? 'file' : 'files'} not parsed, which no worker will take (an internal error: please report it)`) }
      finish()
    }
    /** Every file not answered yet gets `error` (or a ParseLimitError if a worker is on it). */
    const stopAll = (error: () => Error) => {
      for (const parser of running) drain(parser)
      const on = new Set(Array.from(queue.current).filter((index) => index >= 0))
      for (const [index] of texts.entries()) if (results[index] === undefined) record(index, on.has(index) ? budget.limitError() : error())
      finish()
    }
    // The time left runs out: the files being parsed are stopped, the rest were not reached. It
    // counts each lane's parsing only (starting threads, or waiting for this thread to take the
    // trees, is not parsing), checked when the time left would run out if a lane parsed all the
    // while. Until a worker is ready, a guard of the whole budget plus START_GRACE_MS bounds a
    // start that never ends.
    const out = () => stopAll(() => budget.usedError())
    const check = () => {
      const left = budget.remainingMs() - parsingMs()
      if (left <= 0) out()
      else timer = setTimeout(check, Math.min(Math.max(left, 1), MAX_TIMER_MS))
    }
    let timer = setTimeout(out, Math.min(budget.remainingMs() + START_GRACE_MS, MAX_TIMER_MS))
    const startClock = () => {
      if (clockStarted) return
      clockStarted = true
      clearTimeout(timer)
      timer = setTimeout(check, Math.min(budget.remainingMs(), MAX_TIMER_MS))
    }
    try {
      for (let lane = 0; lane < lanes; lane++) open(lane)
    } catch (error) {
      // A worker that cannot start (too many threads): the run fails now, its timer and any
      // workers already started stopped, instead of lingering until the timer fires.
      failure = { error }
      finish()
    }
  })
  for (const parser of running) {
    parser.port.close()
    void parser.worker.terminate()
  }
  // A worker's thread ends, and its port closes, only on a later turn of the event loop, which a
  // build's generation may not give for a long while; until then their listeners would keep
  // `each` and everything it reaches (every text of the run, every model built from it) alive.
  for (const off of detach) off()
  budget.spend(clockStarted ? parsingMs() : performance.now() - started)
  if (failure) throw failure.error
  return { mostAheadBytes }
}
