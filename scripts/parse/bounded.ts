import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { Root } from 'mdast'
import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { ParseBudget, parseLimits } from './budget.ts'
import { markdownProcessor, parseMarkdown } from './markdown.ts'

export { ParseBudgetUsedError, ParseLimitError } from './budget.ts'

/*
 * The Markdown parser's time grows with the square of some inputs: 64 kB of lines underlined
 * with “-” take over a minute, and 2 MB of short bullet points need several GB. The shipped files
 * take milliseconds and a few MB each. Parsing is therefore bounded by the run's budget
 * (budget.ts): time for all files together, memory for the worker.
 */

interface Parser {
  worker: Worker
  port: MessagePort
  signal: Int32Array
  memoryMb: number
}

let parser: Parser | undefined
let unavailable = false

function start(memoryMb: number): Parser | undefined {
  if (unavailable) return undefined
  try {
    const signal = new Int32Array(new SharedArrayBuffer(4))
    const { port1, port2 } = new MessageChannel()
    // By path from the tool's folder: the same file whether this runs from scripts/ or dist/.
    const worker = new Worker(path.join(toolRoot, 'scripts/parse/markdown-worker.js'), {
      workerData: { port: port2, signal },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    })
    // Neither may keep the process alive once the run is over.
    worker.unref()
    port1.unref()
    // A worker that runs out of memory reports it here; the wait below has already given up on it.
    worker.on('error', () => undefined)
    return { worker, port: port1, signal, memoryMb }
  } catch {
    // No worker threads here: parse in this thread, without the limits.
    unavailable = true
    return undefined
  }
}

function stop(): void {
  void parser?.worker.terminate()
  parser?.port.close()
  parser = undefined
}

/**
 * Starts the parse worker now, so that it loads the parser while this thread goes on reading
 * files; the first parse then does not wait for it. `env`: the command's environment, for the
 * worker's memory limit.
 */
export function prepareParser(env: Readonly<Record<string, string | undefined>>): void {
  parser ??= start(parseLimits(0, env).memoryMb)
}

/**
 * Parses a file's Markdown in a worker thread and waits for it, at most the time left in the
 * run's budget (a budget for this file alone when none is given); the worker may use at most the
 * budget's memory. When the time runs out (or the worker runs out of memory, which leaves it
 * silent) the worker is stopped, the budget is used up and ParseLimitError thrown; once the
 * budget is used up, ParseBudgetUsedError is thrown without parsing. The next file gets a fresh
 * worker. Synchronous, like the rest of the loader: this thread sleeps in Atomics.wait until the
 * worker answers.
 */
export function parseMarkdownBounded(file: SourceFile, budget: ParseBudget = ParseBudget.forBytes(Buffer.byteLength(file.text))): Root {
  if (budget.isUsedUp()) throw budget.usedError()
  if (parser && parser.memoryMb !== budget.limits.memoryMb) stop()
  parser ??= start(budget.limits.memoryMb)
  if (!parser) return parseMarkdown(file)
  const { port, signal } = parser
  const id = ++requests
  Atomics.store(signal, 0, 0)
  const started = performance.now()
  port.postMessage({ id, text: file.text })
  const answered = Atomics.wait(signal, 0, 0, budget.remainingMs()) !== 'timed-out'
  if (!answered) {
    budget.spend(performance.now() - started)
    stop()
    budget.useUp()
    throw budget.limitError()
  }
  const reply = takeReply(port, signal, id, budget.remainingMs() - (performance.now() - started))
  budget.spend(performance.now() - started)
  if (!reply) {
    // Its late reply must not reach the next file: stop this worker; the next file gets a fresh one.
    stop()
    budget.useUp()
    throw budget.limitError()
  }
  if (!reply.tree) throw new Error(reply.error ?? 'the Markdown parser did not answer')
  return reply.tree
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

/** Numbers each request, so that a reply is only ever taken for the file it is about. */
let requests = 0

/**
 * The same as parseMarkdownBounded for several files in turn, on the same worker, waiting without
 * blocking this thread: a signal (Ctrl-C, SIGTERM) is handled while a slow file is parsed,
 * instead of once the budget runs out. Results are in input order; a file over the budget gets a
 * ParseLimitError, files after it a ParseBudgetUsedError.
 */
export async function parseMarkdownBoundedAll(texts: readonly string[], budget: ParseBudget): Promise<Array<Root | Error>> {
  const results: Array<Root | Error> = []
  for (const text of texts) {
    if (budget.isUsedUp()) {
      results.push(budget.usedError())
      continue
    }
    if (parser && parser.memoryMb !== budget.limits.memoryMb) stop()
    parser ??= start(budget.limits.memoryMb)
    const current = parser
    if (!current) {
      results.push(markdownProcessor().parse(text))
      continue
    }
    const started = performance.now()
    const id = ++requests
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
    })
    budget.spend(performance.now() - started)
    if (reply === 'limit') {
      stop()
      budget.useUp()
      results.push(budget.limitError())
    } else results.push(reply.tree ?? new Error(reply.error ?? 'the Markdown parser did not answer'))
  }
  return results
}
