// Plain JavaScript: the launcher (scripts/bin/thresholds.js) runs it before TypeScript can be
// loaded, and code run from the TypeScript sources uses the same rule.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** @param {string} dir */
function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    // JavaScript too: the parse worker (parse/markdown-worker.js) is compiled into dist/ as well.
    else if (/\.(ts|js)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

/**
 * Whether the compiled CLI in `<root>/dist/` is at least as new as every TypeScript and JavaScript source under
 * `<root>/scripts/`: only then may it run, so an edit is never hidden behind a stale build.
 * @param {string} root the tool's folder
 * @returns {boolean}
 */
export function compiledIsFresh(root) {
  try {
    return statSync(path.join(root, 'dist/built')).mtimeMs >= newestSource(path.join(root, 'scripts'))
  } catch {
    return false
  }
}
