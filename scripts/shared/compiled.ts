import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { toolRoot } from './paths.ts'

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

/**
 * Whether the compiled CLI in dist/ is at least as new as every TypeScript source under scripts/:
 * the launcher's rule (scripts/bin/thresholds.js), so code run from the sources may use what was
 * compiled from them, and never a stale build.
 */
export function compiledIsFresh(): boolean {
  try {
    return statSync(path.join(toolRoot, 'dist/built')).mtimeMs >= newestSource(path.join(toolRoot, 'scripts'))
  } catch {
    return false
  }
}
