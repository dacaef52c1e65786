import path from 'node:path'
import { build } from 'esbuild'
import { toolRoot } from '../shared/paths.ts'

/**
 * Writes `<outdir>/markdown-worker.js`: the parse worker (parse/markdown-worker.js) with the
 * Markdown parser bundled in, so a worker starts by loading one file instead of resolving the
 * parser's hundreds of modules (parse/worker-file.ts). Run by compile.ts.
 */
export async function bundleMarkdownWorker(outdir: string): Promise<void> {
  await build({
    entryPoints: { 'markdown-worker': path.join(toolRoot, 'scripts/parse/markdown-worker.js') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
  })
}
