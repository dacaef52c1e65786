import path from 'node:path'
import { build, type Metafile } from 'esbuild'
import { toolRoot } from '../shared/paths.ts'

/**
 * Packages the compiled CLI leaves in node_modules. ts-morph and the TypeScript compiler under it
 * (which finds its library files beside itself) are loaded lazily by `build` alone; the others
 * are development tools that the CLI never loads.
 */
export const LEFT_IN_NODE_MODULES = ['ts-morph', 'typescript', 'tsx', 'esbuild', 'playwright-core', '@sparticuz/chromium']

/**
 * Writes the CLI into `outdir` (cli.js, render-worker.js and the chunks they share), with its
 * dependencies bundled in: resolving and loading several hundred modules from node_modules one
 * by one was about a fifth of the CPU time of `thresholds check`. Commands other than the one
 * running stay in chunks of their own, loaded when they run. Run by compile.ts.
 */
export async function bundleCli(outdir: string): Promise<Metafile> {
  const result = await build({
    // The render worker (generate/field-renderer.ts) runs in a thread of its own: an entry of its own.
    entryPoints: { cli: path.join(toolRoot, 'scripts/cli.ts'), 'render-worker': path.join(toolRoot, 'scripts/generate/render-worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: LEFT_IN_NODE_MODULES,
    // CommonJS dependencies bundled into ES modules still call require() for Node's own modules.
    banner: { js: "import { createRequire as __thresholdsRequire } from 'node:module'; const require = __thresholdsRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
    chunkNames: 'chunks/[name]-[hash]',
    // Paths in the metafile relative to the tool's folder, wherever it runs from.
    absWorkingDir: toolRoot,
    metafile: true,
  })
  return result.metafile
}
