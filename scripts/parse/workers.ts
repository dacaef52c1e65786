import { availableParallelism } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Root } from 'mdast'
import { toolRoot } from '../shared/paths.ts'

/** Below this much Markdown, starting workers costs more than it saves (measured by npm run bench). */
export const PARALLEL_MIN_BYTES = 1_500_000

export function workerCount(totalBytes: number): number {
  if (process.env.THRESHOLDS_WORKERS === '0' || totalBytes < PARALLEL_MIN_BYTES) return 0
  const wanted = Number(process.env.THRESHOLDS_WORKERS) || availableParallelism()
  return Math.max(0, Math.min(wanted, 4))
}

function startWorker(): Worker {
  // From the TypeScript sources the worker runs through tsx; from the compiled CLI, its own file.
  if (import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-worker-dev.mjs', import.meta.url))
  return new Worker(path.join(toolRoot, 'dist/parse/parse-worker.js'))
}

/**
 * Parses texts on `count` worker threads, in interleaved shares so each gets a similar mix of
 * file sizes. Returns one tree per text (null where the worker refused or failed, which the
 * caller then parses, and reports, itself).
 */
export async function parseInWorkers(texts: readonly string[], count: number): Promise<Array<Root | null>> {
  const workers = Array.from({ length: count }, startWorker)
  try {
    const shares = workers.map((_, w) => texts.map((_, i) => i).filter((i) => i % count === w))
    const results = await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<Array<Root | null>>((resolve, reject) => {
            worker.once('message', resolve)
            worker.once('error', reject)
            worker.postMessage(shares[w]?.map((i) => texts[i]) ?? [])
          }),
      ),
    )
    const trees: Array<Root | null> = new Array(texts.length).fill(null)
    results.forEach((share, w) => share.forEach((tree, k) => (trees[shares[w]?.[k] ?? 0] = tree)))
    return trees
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
