import path from 'node:path'
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
