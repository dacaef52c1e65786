#!/usr/bin/env node
// Installed entry point. Runs the CLI compiled into dist/ (by `npm install`) when it is at least
// as new as every source it came from; otherwise runs the TypeScript sources through tsx, so an
// edit to scripts/ is never hidden behind a stale build.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compiledIsFresh } from '../shared/compiled.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

if (compiledIsFresh(root)) {
  await import('../../dist/cli.js')
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../cli.ts')
}
