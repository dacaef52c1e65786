/**
 * Vitest setup file, run before each test file: points TMPDIR at a fresh folder of the file's own
 * inside the run's temporary folder (test/setup/temp-root.ts), so every mkdtemp(tmpdir()) of the
 * file's tests, and of the CLI processes they start (which inherit the variable), lands there.
 * The folder is removed after the file's own after-hooks (Vitest runs after-hooks in reverse
 * order, and this one is registered first), whatever its tests left in it.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, inject } from 'vitest'

const root = inject('testTempRoot')
// Named after the test file, so a folder left behind says where it came from.
const file = expect.getState().testPath ?? 'test'
const folder = mkdtempSync(path.join(root, `${path.basename(file, '.test.ts')}-`))
// Open to every user with the sticky bit, as the machine's own temporary folder is: the CLI that
// some tests run as another user (test/helpers.ts: NOBODY) makes its own temporary files here too
// (tsx's cache, when the compiled CLI is older than the sources).
chmodSync(folder, 0o1777)
process.env.TMPDIR = folder

afterAll(() => {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 })
  } catch {
    // A folder a test made unreadable or read-only (and did not give back) stops the removal of
    // its contents when the tests do not run as root: give every folder back to the owner first.
    spawnSync('chmod', ['-R', 'u+rwx', folder])
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 })
  }
})
