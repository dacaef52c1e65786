import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import { run } from '../../scripts/cli/run.ts'
import type { Io } from '../../scripts/cli/io.ts'
import { SourcesChanged } from '../../scripts/shared/sources-changed.ts'
import { bin, cleanEnv, digests, frameworkWith, onTestDay, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/*
 * A source file the content cache knew by its stamp is read only when its text is needed. When
 * it was saved in between, and the check is already over (here: framework.md, where a version
 * found lower than the package's is reported), the command stops with one plain line, exit 2,
 * as the CLI documents for a run that cannot finish; never “failed unexpectedly”.
 */

const CHANGED = '“sources/minimal/framework.md” changed while Thresholds was reading it, expected it to stay the same during the run: run the command again\n'

vi.mock('../../scripts/cli/commands.ts', () => ({
  buildCommand: () => Promise.reject(new SourcesChanged('sources/minimal/framework.md')),
}))

describe('a source file changed during a run', () => {
  it('is one plain line and exit 2 from the command dispatcher', async () => {
    const out: string[] = []
    const err: string[] = []
    const io: Io = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), isTTY: false, stderrIsTTY: false, env: {}, cwd: repoRoot, uid: undefined }
    expect(await run(['build'], io)).toBe(2)
    expect(err.join('')).toBe(CHANGED)
    expect(out).toEqual([])
  })

  it('stops build with that line when framework.md is saved after the check, and writes nothing', async () => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
    const env = { ...onTestDay, THRESHOLDS_CACHE_KEY: path.join(mkdtempSync(path.join(tmpdir(), 'thresholds-key-')), 'key'), CACHE_DIR: '' }
    const cli = (args: string[], extra: Record<string, string> = {}, preload: string[] = []) => {
      const result = spawnSync(process.execPath, [...preload, bin, ...args], { cwd: root, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1', ...env, ...extra }), timeout: HANG_MS, killSignal: 'SIGKILL' })
      return { status: result.status, stderr: result.stderr }
    }
    expect(cli(['build']).status).toBe(0)
    // The package records a higher version than framework.md's: build reports it at framework.md's
    // version, after the check, so the file's text is read then.
    const record = path.join(root, 'generated/package.json')
    writeFileSync(record, readFileSync(record, 'utf8').replace('"minimal": "1.0.0"', '"minimal": "2.0.0"'))
    // Stamps are kept only for files changed 2 seconds or more before a run reads them: this run
    // keeps them, so the next knows framework.md by its stamp and reads it only when needed.
    await sleep(2100)
    const framework = path.join(dir, 'framework.md')
    const lowered = cli(['build'])
    expect(lowered.status).toBe(1)
    expect(lowered.stderr).toContain('[version-not-lowered]')
    const before = digests(path.join(root, 'generated'))

    const result = cli(['build'], { CHANGE_ON_READ: framework }, ['--import', path.join(repoRoot, 'test/cli/change-on-read.mjs')])
    expect(result.stderr).toBe(`changed\n${CHANGED}`)
    expect(result.status).toBe(2)
    expect(digests(path.join(root, 'generated'))).toEqual(before)
  })
})
