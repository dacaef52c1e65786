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
