/**
 * Vitest global setup: one temporary folder for the whole run, under the machine's own, inside
 * which each test file gets a folder of its own (test/setup/temp-folder.ts, which removes it after
 * the file's tests). Tests and the CLI runs they start make their temporary folders there, so a
 * run leaves nothing in the machine's temporary folder, however many folders its tests make.
 *
 * At the end the run's folder must be empty: anything still there was written after its test file
 * had finished (a process a test started and did not stop), and the run fails, naming it. On CI
 * (CI set, a machine running nothing else) the run also fails when a “thresholds-” folder
 * appeared in the machine's temporary folder during the run: something that did not go through
 * TMPDIR (a path written out in full, a process started without the tests' environment). On a
 * developer's machine other runs may be making such folders at the same time, so it is not checked.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary folder (test/setup/temp-root.ts). */
    testTempRoot: string
  }
}

export default function setup(project: TestProject): () => void {
  const machineTemp = tmpdir()
  const before = new Set(readdirSync(machineTemp))
  const root = mkdtempSync(path.join(machineTemp, 'thresholds-tests-'))
  // Other users may pass through, as through the machine's own: the tests that run the CLI as
  // another user (test/helpers.ts: NOBODY) open their folders to it, and it must reach them.
  chmodSync(root, 0o711)
  project.provide('testTempRoot', root)
  return () => {
    const left = leftIn(root)
    rmSync(root, { recursive: true, force: true, maxRetries: 5 })
    if (left.length > 0) fail(`The tests left ${left.length} item(s) in their temporary folder after their test file ended, expected none: ${left.slice(0, 20).join(', ')}`)
    if (!process.env.CI) return
    // Another run's own folder (two CI jobs sharing a machine's temporary folder) is not a leak.
    const escaped = readdirSync(machineTemp).filter((name) => name.startsWith('thresholds-') && !name.startsWith('thresholds-tests-') && !before.has(name))
    if (escaped.length > 0) fail(`The tests left ${escaped.length} folder(s) in ${machineTemp} instead of their own temporary folder, expected none: ${escaped.slice(0, 20).join(', ')}`)
  }
}

/** Fails the run: Vitest only logs an error thrown by a global teardown, and still exits 0. */
function fail(message: string): void {
  console.error(message)
  process.exitCode = 1
}

/** Paths under `dir` relative to it, folders with their contents (three levels down at most). */
function leftIn(dir: string, prefix = '', depth = 0): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = `${prefix}${entry.name}`
    return entry.isDirectory() && depth < 2 ? [name, ...leftIn(path.join(dir, entry.name), `${name}/`, depth + 1)] : [name]
  })
}
