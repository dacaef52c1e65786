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
 * When npm last installed packages into `<root>/node_modules` (it rewrites this file on every
 * install), or 0 without it.
 * @param {string} root
 */
function installedAt(root) {
  try {
    return statSync(path.join(root, 'node_modules/.package-lock.json')).mtimeMs
  } catch {
    return 0
  }
}

/**
 * Whether the compiled CLI in `<root>/dist/` is at least as new as every TypeScript and JavaScript source under
 * `<root>/scripts/`, and as the packages installed in node_modules (the dependencies are bundled
 * into dist/ too): only then may it run, so an edit or an update is never hidden behind a stale build.
 * @param {string} root the tool's folder
 * @returns {boolean}
 */
export function compiledIsFresh(root) {
  try {
    const built = statSync(path.join(root, 'dist/built')).mtimeMs
    return built >= installedAt(root) && built >= newestSource(path.join(root, 'scripts'))
  } catch {
    return false
  }
}
