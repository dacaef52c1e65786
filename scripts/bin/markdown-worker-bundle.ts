import path from 'node:path'
import { build } from 'esbuild'
import { toolRoot } from '../shared/paths.ts'

/** Bundles one worker entry with everything it imports into `<outdir>/<name>.js`, an ES module for Node 20. */
function bundleWorker(name: string, entry: string, outdir: string, banner?: string): Promise<unknown> {
  return build({
    entryPoints: { [name]: path.join(toolRoot, entry) },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    ...(banner ? { banner: { js: banner } } : {}),
  })
}

/**
 * Writes `<outdir>/markdown-worker.js`: the parse worker (parse/markdown-worker.js) with the
 * Markdown parser bundled in, so a worker starts by loading one file instead of resolving the
 * parser's hundreds of modules (parse/worker-file.ts). Run by compile.ts.
 */
export async function bundleMarkdownWorker(outdir: string): Promise<void> {
  await bundleWorker('markdown-worker', 'scripts/parse/markdown-worker.js', outdir)
}

/**
 * Writes `<outdir>/framework-worker.js`: the framework worker (pipeline/framework-worker.ts) with
 * everything it uses bundled in, for the same reason: each worker of a large run loads one file
 * instead of resolving the parser's, the YAML reader's and the rules' modules. Run by compile.ts.
 */
export async function bundleFrameworkWorker(outdir: string): Promise<void> {
  // Packages written in CommonJS still call require(): the bundle gives them Node's.
  await bundleWorker('framework-worker', 'scripts/pipeline/framework-worker.ts', outdir, "import { createRequire as thresholdsRequire } from 'node:module'; const require = thresholdsRequire(import.meta.url);")
}
