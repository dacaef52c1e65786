/**
 * Compiles the CLI into dist/ (run by `npm install` through the prepare script). The installed
 * `thresholds` command then starts without transpiling TypeScript; scripts/bin/thresholds.js
 * falls back to the TypeScript sources whenever dist/ is missing or older than them.
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { toolRoot } from '../shared/paths.ts'
import { bundleMarkdownWorker } from './markdown-worker-bundle.ts'

const outdir = path.join(toolRoot, 'dist')
rmSync(outdir, { recursive: true, force: true })
await build({
  // The render worker (generate/field-renderer.ts) runs in a thread of its own: an entry of its own.
  entryPoints: { cli: path.join(toolRoot, 'scripts/cli.ts'), 'render-worker': path.join(toolRoot, 'scripts/generate/render-worker.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules: the bundle holds only Thresholds' own code.
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
})
await bundleMarkdownWorker(outdir)
// Marks the build finished; the launcher compares source times against this file's.
writeFileSync(path.join(outdir, 'built'), `${new Date().toISOString()}\n`)
console.log(`compiled the CLI into ${path.relative(process.cwd(), outdir) || outdir}/`)
