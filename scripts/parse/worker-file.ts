import path from 'node:path'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { compiledIsFresh } from '../shared/compiled.js'
import { toolRoot } from '../shared/paths.ts'

/** Decided once per process: the check walks every source file's time (about 20 ms). */
let chosen: string | undefined

/**
 * The parse worker's file (markdown-worker.js). `npm run compile` bundles it with the Markdown
 * parser into dist/markdown-worker.js: a worker then loads one file instead of resolving and
 * loading the parser's hundreds of modules, which was most of the time a one-file check waited
 * for its parse. The bundle is used while dist/ is up to date with scripts/ (as the launcher
 * decides for the CLI), so an edit of the worker is never hidden behind a stale bundle.
 */
export function markdownWorkerFile(): string {
  chosen ??= !import.meta.url.endsWith('.ts') || compiledIsFresh(toolRoot) ? 'dist/markdown-worker.js' : 'scripts/parse/markdown-worker.js'
  return path.join(toolRoot, chosen)
}

/**
 * Options a parse worker does not take from this process, each with its value: modules and
 * loaders preloaded before the main file (`--import tsx` when run from the sources), and the
 * code given on the command line instead of a file (the worker has its own file).
 */
const NOT_FOR_WORKERS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '-e', '--eval', '-p', '--print', '--input-type'])

/**
 * The Node options a parse worker starts with: this process's, without those above. The worker
 * is plain JavaScript; run from the sources, every worker otherwise loaded tsx and registered its
 * hooks before its own file, about 0.1 s of a one-file check's parse.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = []
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i] as string
    if (NOT_FOR_WORKERS.has(option)) i++
    else if (!NOT_FOR_WORKERS.has(option.split('=')[0] as string)) kept.push(option)
  }
  return kept
}

/**
 * A worker of `file` started with workerExecArgv(). Node refuses, at the start, the options that
 * act on the whole process rather than on one thread (V8's own, such as --expose-gc, --trace-gc or
 * --max-old-space-size, and --title), naming them; the worker is started again without them, so
 * a run given such options to Node works as without them.
 */
export function startWorkerThread(file: string, options: Omit<WorkerOptions, 'execArgv'>, given: readonly string[] = process.execArgv): Worker {
  let execArgv = workerExecArgv(given)
  for (;;) {
    try {
      return new Worker(file, { ...options, execArgv })
    } catch (error) {
      if (execArgv.length === 0 || (error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error
      execArgv = withoutRefused(execArgv, (error as Error).message)
    }
  }
}

/**
 * `execArgv` without the options Node named in refusing them ("Initiated Worker with invalid
 * execArgv flags: --trace-gc, --title"), each with its value; none at all when the message names
 * none of them (it may name a fault instead: "--conditions requires an argument").
 */
export function withoutRefused(execArgv: readonly string[], message: string): string[] {
  const named = new Set(message.slice(message.indexOf(': ') + 2).split(', '))
  const kept: string[] = []
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i] as string
    if (!named.has(option)) kept.push(option)
    // Written apart from its value (`--title x`): Node stops reading options at a value left alone.
    else if (!option.includes('=') && execArgv[i + 1] !== undefined && !(execArgv[i + 1] as string).startsWith('-')) i++
  }
  return kept.length < execArgv.length ? kept : []
}
