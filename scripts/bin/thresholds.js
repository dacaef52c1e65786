#!/usr/bin/env node
// Installed entry point. Runs the CLI compiled into dist/ (by `npm install`) when it is at least
// as new as every source it came from; otherwise runs the TypeScript sources through tsx, so an
// edit to scripts/ is never hidden behind a stale build.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

function compiledIsFresh() {
  try {
    return statSync(path.join(root, 'dist/built')).mtimeMs >= newestSource(path.join(root, 'scripts'))
  } catch {
    return false
  }
}

if (compiledIsFresh()) {
  await import('../../dist/cli.js')
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../cli.ts')
}
