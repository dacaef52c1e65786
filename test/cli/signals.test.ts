import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { frameworkWith, git, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
const ready = path.join(repoRoot, 'test/cli/signal-ready.mjs')

let running: ChildProcess | undefined
afterEach(() => {
  // A run that did not stop would go on parsing for many minutes.
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL')
  running = undefined
})

/** The tool's own temporary folders in `tmp` (tsx, which runs the TypeScript, keeps its cache there too). */
const ownFolders = (tmp: string) => readdirSync(tmp).filter((name) => name.startsWith('thresholds-'))

/** A framework whose framework.md would take many minutes to parse (128 kB of headings underlined with “-”). */
function slowFramework(): { root: string; dir: string } {
  const { root, dir } = frameworkWith()
  writeFileSync(path.join(dir, 'framework.md'), `${readFileSync(path.join(dir, 'framework.md'), 'utf8')}\n${'a\n-\n'.repeat(32_000)}`)
  return { root, dir }
}

/**
 * A command stopped while parsing that slow file (the parse budget no load can use up, from
 * vitest.config.ts). The signal is sent once the parse is under way (signal-ready.mjs says so,
 * knowing the parse worker by the memory limit set here);
 * the test's time limit is the hang guard. `tmp` is the run's temporary folder (TMPDIR).
 */
function stopWhileParsing(root: string, args: string[], signal: 'SIGINT' | 'SIGTERM', tmp = tmpdir()): Promise<{ status: number | null; stderr: string; tmpWhenStopped: string[] }> {
  const child = spawn(process.execPath, ['--import', ready, bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, THRESHOLDS_PARSE_MEMORY_MB: '1000' }, stdio: ['ignore', 'pipe', 'pipe'] })
  running = child
  let stderr = ''
  let sent = false
  let tmpWhenStopped: string[] = []
  return new Promise((resolve) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      if (!sent && stderr.includes('parse under way\n')) {
        sent = true
        tmpWhenStopped = ownFolders(tmp)
        child.kill(signal)
      }
    })
    child.on('exit', (status) => resolve({ status, stderr, tmpWhenStopped }))
  })
}

describe('Ctrl-C and SIGTERM while a slow file is parsed', () => {
  it.each([
    ['check', 'SIGTERM', 143],
    ['build', 'SIGINT', 130],
    ['site', 'SIGTERM', 143],
  ] as const)('%s stops at once on %s (exit %i), writing nothing', async (command, signal, code) => {
    const { root } = slowFramework()
    const { status, stderr } = await stopWhileParsing(root, [command, '--no-cache'], signal)
    expect(status).toBe(code)
    expect(stderr).toBe(`parse under way\nStopped (${signal}).\n`)
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([])
  })
})

describe('Ctrl-C and SIGTERM while diff, ids and dev parse a slow file', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('diff stops at once on %s (exit %i) and removes the temporary copy of the git side', async (signal, code) => {
    const { root } = slowFramework()
    git(['init', '-q'], root)
    git(['add', '-A'], root)
    git(['commit', '-q', '-m', 'Slow to read'], root)
    const tmp = mkdtempSync(path.join(tmpdir(), 'thresholds-signal-tmp-'))
    const { status, stderr, tmpWhenStopped } = await stopWhileParsing(root, ['diff', 'HEAD', 'sources'], signal, tmp)
    expect(status).toBe(code)
    expect(stderr).toBe(`parse under way\nStopped (${signal}).\n`)
    // The side read from git was copied to a temporary folder while it was parsed; it is gone.
    expect(tmpWhenStopped).toEqual([expect.stringMatching(/^thresholds-diff-/)])
    expect(ownFolders(tmp)).toEqual([])
    expect(git(['status', '--porcelain'], root)).toBe('')
  })

  it.each([
    ['ids', 'SIGTERM', 143],
    ['dev', 'SIGINT', 130],
  ] as const)('%s stops at once on %s (exit %i)', async (command, signal, code) => {
    const { root } = slowFramework()
    const { status, stderr } = await stopWhileParsing(root, command === 'dev' ? ['dev', '--port', '0'] : [command], signal)
    expect(status).toBe(code)
    expect(stderr).toMatch(new RegExp(`parse under way\\nStopped \\(${signal}\\)\\.\\n$`))
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})
