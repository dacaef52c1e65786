import { createContext, Script, type Context } from 'node:vm'
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import type { Root } from 'mdast'
import { markdownWorkerFile, startWorkerThread } from './worker-file.ts'
import type { SourceFile } from '../shared/source-file.ts'
import type { ParseBudget } from './budget.ts'
import { markdownProcessor, parseMarkdown } from './markdown.ts'
import { START_GRACE_MS } from './workers.ts'

/*
 * The Markdown parser's time grows with the square of some inputs: 64 kB of lines underlined
 * with “-” take over a minute, and 2 MB of short bullet points need several GB. The shipped files
 * take milliseconds and a few MB each. Parsing is therefore bounded by the run's budget
 * (budget.ts): time for all files together, memory for the worker.
 */

/**
 * parseAll parses on this thread first when its texts come to at most this much: a check with one
 * framework edited parses about 60 kB. A cold parse here takes about two thirds of the worker's
 * time for the same texts (no thread to wait for, no tree copied back), measured in
 * docs/performance.md ("Warm check: a small parse on the main thread").
 */
export const IN_THREAD_MAX_BYTES = 256_000

/**
 * How long parsing on this thread may take before it is stopped and the rest left to the worker,
 * with its limits: several times what 256 kB of sound Markdown takes on a busy machine, and short
 * enough that a text the parser is slow on cannot hold much memory meanwhile (64 kB of lines of
 * “-”, the worst found, about 200 MB after a second).
 */
export const IN_THREAD_MS = 1000

interface Parser {
  worker: Worker
  port: MessagePort
  signal: Int32Array
  /** Set to 1 by the worker once it has loaded the parser (markdown-worker.js). */
  ready: Int32Array
  memoryMb: number
}

/**
 * The bounded parser: a worker thread the run that owns it parses in, one file at a time (see
 * above). The pipeline makes one per run (watch mode one per session) and passes it to the stages
 * that parse; close() stops its worker.
 */
export class BoundedParser {
  private parser: Parser | undefined
  /** No worker threads here: parse in this thread, without the limits. */
  private unavailable = false
  /** Numbers each request, so that a reply is only ever taken for the file it is about. */
  private requests = 0
  /** Where parseInThread runs, made on first use. */
  private stoppable: Stoppable | undefined

  /**
   * `workerFile`: another worker file (tests: one slow to start). `inThreadMaxBytes`: how much
   * Markdown parseAll parses on this thread first (IN_THREAD_MAX_BYTES; 0: all on the worker).
   */
  constructor(
    private readonly workerFile?: string,
    private readonly inThreadMaxBytes = IN_THREAD_MAX_BYTES,
  ) {}

  /**
   * Starts the worker now, so that it loads the parser while this thread goes on reading files;
   * the first parse then does not wait for it. `memoryMb`: the run's limit (parseLimits).
   * `workerFile`: another worker file (tests: one slow to start).
   */
  prepare(memoryMb: number): void {
    this.parser ??= this.start(memoryMb)
  }

  /** Stops the worker; a later parse starts a fresh one. */
  close(): void {
    void this.parser?.worker.terminate()
    this.parser?.port.close()
    this.parser = undefined
  }

  /**
   * Parses a file's Markdown in the worker and waits for it, at most the time left in the run's
   * budget; the worker may use at most the budget's memory. When the time runs out (or the worker
   * runs out of memory, which leaves it silent) the worker is stopped, the budget is used up and
   * ParseLimitError thrown; once the budget is used up, ParseBudgetUsedError is thrown without
   * parsing. The next file gets a fresh worker. The budget counts from when the worker has
   * loaded the parser: starting a thread is not parsing (see loaded). Synchronous, like the rest
   * of the loader: this thread sleeps in Atomics.wait until the worker answers.
   */
  parse(file: SourceFile, budget: ParseBudget): Root {
    if (budget.isUsedUp()) throw budget.usedError()
    const parser = this.ready(budget)
    if (!parser) return parseMarkdown(file)
    const { port, signal, ready } = parser
    if (Atomics.wait(ready, 0, 0, startLimitMs(budget)) === 'timed-out') this.giveUp(budget)
    const id = ++this.requests
    Atomics.store(signal, 0, 0)
    const started = performance.now()
    port.postMessage({ id, text: file.text })
    const answered = Atomics.wait(signal, 0, 0, budget.remainingMs()) !== 'timed-out'
    if (!answered) {
      budget.spend(performance.now() - started)
      this.giveUp(budget)
    }
    const reply = takeReply(port, signal, id, budget.remainingMs() - (performance.now() - started))
    budget.spend(performance.now() - started)
    // Its late reply must not reach the next file: stop this worker; the next file gets a fresh one.
    if (!reply) this.giveUp(budget)
    if (!reply.tree) throw new Error(reply.error ?? 'the Markdown parser did not answer')
    return reply.tree
  }

  /**
   * The same as parse for several files in turn, waiting without blocking this thread: a signal
   * (Ctrl-C, SIGTERM) is handled while a slow file is parsed, instead of once the budget runs out.
   * Results are in input order; a file over the budget gets a ParseLimitError, files after it a
   * ParseBudgetUsedError. A small run's texts are parsed on this thread first (parseInThread).
   * `meanwhile` runs once, on this thread, while the worker parses the first file sent to it (or
   * at the end, when none was): what the caller will need next can load then instead of after the last file.
   */
  async parseAll(texts: readonly string[], budget: ParseBudget, meanwhile?: () => void): Promise<Array<Root | Error>> {
    const results: Array<Root | Error> = this.parseInThread(texts, budget)
    let waiting = meanwhile
    for (const text of texts.slice(results.length)) {
      if (budget.isUsedUp()) {
        results.push(budget.usedError())
        continue
      }
      const current = this.ready(budget)
      if (!current) {
        results.push(markdownProcessor().parse(text))
        continue
      }
      if (!(await loaded(current, budget))) {
        this.close()
        budget.useUp()
        results.push(budget.limitError())
        continue
      }
      const started = performance.now()
      const id = ++this.requests
      const reply = await new Promise<Reply | 'limit'>((resolve) => {
        const done = (value: Reply | 'limit') => {
          // A late reply about an earlier file is passed over.
          if (value !== 'limit' && value.id !== id) return
          clearTimeout(timer)
          current.port.off('message', done)
          // Listening kept the port alive; it must not keep the process alive once the run is over.
          current.port.unref()
          resolve(value)
        }
        const timer = setTimeout(() => done('limit'), budget.remainingMs())
        current.port.on('message', done)
        Atomics.store(current.signal, 0, 0)
        current.port.postMessage({ id, text })
        runQuietly(waiting)
        waiting = undefined
      })
      budget.spend(performance.now() - started)
      if (reply === 'limit') {
        this.close()
        budget.useUp()
        results.push(budget.limitError())
      } else results.push(reply.tree ?? new Error(reply.error ?? 'the Markdown parser did not answer'))
    }
    // Everything parsed on this thread: nothing was waited for.
    runQuietly(waiting)
    return results
  }

  /**
   * Parses small runs' texts on this thread, in order, stopped after IN_THREAD_MS (or the time
   * left in the budget): the trees of the texts parsed, spent from the budget. A text this thread
   * cannot parse (stopped, or any error) is left, with those after it, to the worker, which then
   * decides about it within the run's limits.
   */
  private parseInThread(texts: readonly string[], budget: ParseBudget): Root[] {
    const trees: Root[] = []
    const ms = Math.min(IN_THREAD_MS, Math.floor(budget.remainingMs()))
    if (ms < 1 || texts.length === 0 || texts.reduce((sum, text) => sum + text.length, 0) > this.inThreadMaxBytes) return trees
    const started = performance.now()
    const processor = markdownProcessor()
    try {
      this.stoppable ??= new Stoppable()
      this.stoppable.run(() => {
        for (const text of texts) trees.push(processor.parse(text))
      }, ms)
    } catch {
      // Stopped at the time limit, or the parser failed: the worker takes it from this text on.
    }
    budget.spend(performance.now() - started)
    return trees
  }

  /** Stops the worker the time ran out on (or that never started) and uses the budget up: the next file gets a fresh worker. */
  private giveUp(budget: ParseBudget): never {
    this.close()
    budget.useUp()
    throw budget.limitError()
  }

  /** The worker for this budget's memory limit, started (again) if needed; undefined without worker threads. */
  private ready(budget: ParseBudget): Parser | undefined {
    if (this.parser && this.parser.memoryMb !== budget.limits.memoryMb) this.close()
    this.parser ??= this.start(budget.limits.memoryMb)
    return this.parser
  }

  private start(memoryMb: number): Parser | undefined {
    if (this.unavailable) return undefined
    try {
      const signal = new Int32Array(new SharedArrayBuffer(4))
      const ready = new Int32Array(new SharedArrayBuffer(4))
      const { port1, port2 } = new MessageChannel()
      const worker = startWorkerThread(this.workerFile ?? markdownWorkerFile(), {
        workerData: { port: port2, signal, ready },
        transferList: [port2],
        resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      })
      // Neither may keep the process alive once the run is over.
      worker.unref()
      port1.unref()
      // A worker that runs out of memory reports it here; the wait has already given up on it.
      worker.on('error', () => undefined)
      return { worker, port: port1, signal, ready, memoryMb }
    } catch {
      this.unavailable = true
      return undefined
    }
  }
}

/** Runs the caller's work, if any; a failure is the caller's to meet where it needs what failed to load, and report there. */
function runQuietly(work: (() => void) | undefined): void {
  try {
    work?.()
  } catch {
    // Met again, and reported, where it is needed.
  }
}

/**
 * Runs work on this thread in a context of its own, made once: the only way to stop synchronous
 * code after a time (it then throws).
 */
class Stoppable {
  private readonly sandbox: { work?: () => void } = {}
  private readonly context: Context = createContext(this.sandbox)
  private readonly script = new Script('work()')

  run(work: () => void, ms: number): void {
    this.sandbox.work = work
    try {
      this.script.runInContext(this.context, { timeout: ms })
    } finally {
      this.sandbox.work = undefined
    }
  }
}

/**
 * How long a worker may take to load the parser before it is given up on: the time left in the
 * budget and a grace on top (as for the parse workers, workers.ts), since starting a thread is
 * not parsing but a start that never ends must not hold the run.
 */
function startLimitMs(budget: ParseBudget): number {
  return budget.remainingMs() + START_GRACE_MS
}

/**
 * Waits, without blocking this thread, until the worker has loaded the parser: true once it has,
 * false when it ended or did not within startLimitMs.
 */
async function loaded(parser: Parser, budget: ParseBudget): Promise<boolean> {
  if (Atomics.load(parser.ready, 0) === 1) return true
  return new Promise<boolean>((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer)
      parser.port.off('message', heard)
      parser.worker.off('exit', ended)
      // Listening kept the port alive; it must not keep the process alive once the run is over.
      parser.port.unref()
      resolve(value)
    }
    // The worker says it is ready in a message after setting the flag; replies are only ever to requests not yet sent.
    const heard = () => {
      if (Atomics.load(parser.ready, 0) === 1) done(true)
    }
    const ended = () => done(false)
    const timer = setTimeout(() => done(false), Math.min(startLimitMs(budget), 2 ** 31 - 1))
    parser.port.on('message', heard)
    parser.worker.once('exit', ended)
    // Ready between the first look and listening: its message may already have been taken.
    heard()
  })
}

/**
 * The reply to request `id`, waiting at most `waitMs`: the reply is queued before the worker
 * signals, but on a busy machine it can take a while to arrive. Replies about earlier requests
 * are passed over, so a late one is never taken for another file's tree.
 */
export function takeReply(port: MessagePort, signal: Int32Array, id: number, waitMs: number): Reply | undefined {
  const started = performance.now()
  for (;;) {
    const received = receiveMessageOnPort(port)?.message as Reply | undefined
    if (received?.id === id) return received
    if (received === undefined) {
      if (performance.now() - started >= waitMs) return undefined
      Atomics.wait(signal, 0, 1, 10)
    }
  }
}

interface Reply {
  id?: number
  tree?: Root
  error?: string
}
