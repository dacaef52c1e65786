/**
 * The CLI run by Node with options that act on the whole process (--expose-gc, --trace-gc,
 * --max-old-space-size): Node refuses those to worker threads, so the parse workers (and the
 * model workers) must be started without them, and the run must go as it goes without them.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bin, cleanEnv, digests, frameworkWith, onTestDay } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/** The CLI in `cwd`, started by `node <nodeOptions>`, on two parse workers whatever the size. */
function withNodeOptions(nodeOptions: string[], args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [...nodeOptions, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: cleanEnv({ NO_COLOR: '1', THRESHOLDS_WORKERS: '2', ...onTestDay, ...env }),
    timeout: HANG_MS,
    killSignal: 'SIGKILL',
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('the CLI under Node options a worker thread does not take', () => {
  const { root } = frameworkWith()
  const plain = withNodeOptions([], ['check', '--no-cache'], root)
  const built = frameworkWith()
  withNodeOptions([], ['build', '--no-cache'], built.root)

  it('checks as without them, on parse workers and on model workers', () => {
    expect(plain).toEqual({ status: 0, stdout: '', stderr: '✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n' })
    expect(withNodeOptions(['--expose-gc', '--max-old-space-size=3000'], ['check', '--no-cache'], root)).toEqual(plain)
    expect(withNodeOptions(['--expose-gc', '--enable-source-maps'], ['check', '--no-cache'], root, { THRESHOLDS_MODEL_ON_WORKERS: '1' })).toEqual(plain)
    expect(withNodeOptions([], ['check', '--no-cache'], root, { NODE_OPTIONS: '--expose-gc --max-old-space-size=3000' })).toEqual(plain)
  })

  it('builds as without them, Node’s own --trace-gc lines apart', () => {
    const traced = withNodeOptions(['--trace-gc'], ['build', '--no-cache'], root)
    expect({ status: traced.status, stderr: traced.stderr }).toEqual({ status: 0, stderr: 'Wrote 21 files in generated/.\n' })
    // --trace-gc writes a line to stdout for each collection, and nothing else is written there.
    expect(traced.stdout.split('\n').filter((line) => line !== '' && !/^\[\d+:0x[0-9a-f]+\]/.test(line))).toEqual([])
    expect(digests(path.join(root, 'generated'))).toEqual(digests(path.join(built.root, 'generated')))
  })
})
