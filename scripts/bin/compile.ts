/**
 * Compiles the CLI into dist/ (run by `npm install` through the prepare script). The installed
 * `thresholds` command then starts without transpiling TypeScript; scripts/bin/thresholds.js
 * falls back to the TypeScript sources whenever dist/ is missing or older than them or than the
 * packages installed in node_modules, which are bundled into it.
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import { bundleCli } from './cli-bundle.ts'
import { bundleFrameworkWorker, bundleMarkdownWorker } from './markdown-worker-bundle.ts'
import { writePrintAhead } from '../generate/print-ahead.ts'

const outdir = path.join(toolRoot, 'dist')
rmSync(outdir, { recursive: true, force: true })
await bundleCli(outdir)
await bundleMarkdownWorker(outdir)
await bundleFrameworkWorker(outdir)
// The typed modules' skeletons, the model's types and the index, printed once here: a build
// then needs no TypeScript compiler (generate/printed.ts).
writePrintAhead()
// Marks the build finished; the launcher compares source times against this file's.
writeFileSync(path.join(outdir, 'built'), `${new Date().toISOString()}\n`)
console.log(`compiled the CLI into ${path.relative(process.cwd(), outdir) || outdir}/`)
