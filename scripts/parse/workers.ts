import { availableParallelism } from 'node:os'
import path from 'node:path'
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads'
import type { Root } from 'mdast'
import { toolRoot } from '../shared/paths.ts'
import type { ParseBudget } from './budget.ts'

/** Below this much Markdown, starting workers costs more than it saves (measured by npm run bench). */
export const PARALLEL_MIN_BYTES = 1_500_000

/**
 * Parse workers for this much Markdown: none below PARALLEL_MIN_BYTES, else one per core (at most
 * 4). THRESHOLDS_WORKERS, when set to a whole number, is the count whatever the size (0: none).
 */
export function workerCount(totalBytes: number): number {
  const given = process.env.THRESHOLDS_WORKERS
  if (given !== undefined && /^\d+$/.test(given)) return Math.min(Number(given), 4)
  if (totalBytes < PARALLEL_MIN_BYTES) return 0
  return Math.max(0, Math.min(availableParallelism(), 4))
}

interface Parser {
  worker: Worker
  port: MessagePort
}

/** The same plain-JavaScript worker the bounded single-file parser uses (markdown-worker.js). */
function startParser(memoryMb: number): Parser {
  const { port1, port2 } = new MessageChannel()
  const signal = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(path.join(toolRoot, 'scripts/parse/markdown-worker.js'), {
    workerData: { port: port2, signal },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  })
  worker.on('error', () => undefined)
  return { worker, port: port1 }
}

/**
 * Parses texts on `count` worker threads, each taking the next file as it finishes the last,
 * within the run's budget: the lanes share its time (they run side by side, so the time taken is
 * the wall-clock time since the first file) and split its memory. A file still being parsed when
 * the time runs out, or whose worker runs out of memory, gets a ParseLimitError in its place and
 * its worker is replaced; files not started by then get a ParseBudgetUsedError. Results are in
 * input order.
 */
export async function parseInWorkers(texts: readonly string[], count: number, budget: ParseBudget): Promise<Array<Root | Error>> {
  const results: Array<Root | Error> = new Array(texts.length)
  const memoryMb = Math.max(16, Math.floor(budget.limits.memoryMb / Math.max(1, count)))
  const started = performance.now()
  const deadline = started + budget.remainingMs()
  let next = 0
  const lane = async (): Promise<void> => {
    let parser = startParser(memoryMb)
    try {
      while (next < texts.length) {
        const index = next++
        const left = deadline - performance.now()
        if (left <= 0) {
          results[index] = budget.usedError()
          continue
        }
        const reply = await new Promise<{ tree?: Root; error?: string } | 'limit'>((resolve) => {
          const timer = setTimeout(() => resolve('limit'), left)
          const done = (value: { tree?: Root; error?: string } | 'limit') => {
            clearTimeout(timer)
            parser.port.off('message', onMessage)
            parser.worker.off('exit', onExit)
            resolve(value)
          }
          const onMessage = (message: { tree?: Root; error?: string }) => done(message)
          // Out of memory ends the worker without a reply.
          const onExit = () => done('limit')
          parser.port.on('message', onMessage)
          parser.worker.once('exit', onExit)
          parser.port.postMessage(texts[index])
        })
        if (reply === 'limit') {
          results[index] = budget.limitError()
          await parser.worker.terminate()
          parser.port.close()
          parser = startParser(memoryMb)
        } else results[index] = reply.tree ?? new Error(reply.error ?? 'the Markdown parser did not answer')
      }
    } finally {
      parser.port.close()
      await parser.worker.terminate()
    }
  }
  await Promise.all(Array.from({ length: count }, lane))
  budget.spend(performance.now() - started)
  return results
}
