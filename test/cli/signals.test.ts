import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { frameworkWith, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
const ready = path.join(repoRoot, 'test/cli/signal-ready.mjs')

let running: ChildProcess | undefined
afterEach(() => {
  // A run that did not stop would go on parsing for many minutes.
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL')
  running = undefined
})

/**
 * A command stopped while parsing a file that would take many minutes (128 kB of headings
 * underlined with “-”; the parse budget no load can use up, from vitest.config.ts). The signal is
 * sent once the CLI listens for it; the test's time limit is the hang guard.
 */
function stopWhileParsing(args: string[], signal: 'SIGINT' | 'SIGTERM'): Promise<{ status: number | null; stderr: string; root: string }> {
  const { root, dir } = frameworkWith()
  writeFileSync(path.join(dir, 'framework.md'), `${readFileSync(path.join(dir, 'framework.md'), 'utf8')}\n${'a\n-\n'.repeat(32_000)}`)
  const child = spawn(process.execPath, ['--import', ready, bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
  running = child
  let stderr = ''
  let sent = false
  return new Promise((resolve) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      if (!sent && stderr.includes('signal handlers ready\n')) {
        sent = true
        // A moment later the parse is under way, whatever the machine's speed: it takes minutes.
        setTimeout(() => child.kill(signal), 2_000)
      }
    })
    child.on('exit', (status) => resolve({ status, stderr, root }))
  })
}

describe('Ctrl-C and SIGTERM while a slow file is parsed', { timeout: 180_000 }, () => {
  it.each([
    ['check', 'SIGTERM', 143],
    ['build', 'SIGINT', 130],
    ['site', 'SIGTERM', 143],
  ] as const)('%s stops at once on %s (exit %i), writing nothing', async (command, signal, code) => {
    const { status, stderr, root } = await stopWhileParsing([command, '--no-cache'], signal)
    expect(status).toBe(code)
    expect(stderr).toBe(`signal handlers ready\nStopped (${signal}).\n`)
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([])
  })
})
