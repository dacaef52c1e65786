/*
 * A build whose files cannot be written (a full disk, a folder without permission: made to fail by
 * test/cli/rename-fails.mjs with WRITE_FAILS) stops with one plain line naming the output folder
 * as every other message names it (generated/, or the --out folder), exit 2, and changes nothing.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bin, cleanEnv, digests, edit, frameworkWith, onTestDay, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const preload = ['--import', path.join(repoRoot, 'test/cli/rename-fails.mjs')]

function project() {
  const { root, dir } = frameworkWith()
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  const cli = (args: string[], extra: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [...preload, bin, ...args], { cwd: root, encoding: 'utf8', env: cleanEnv({ ...onTestDay, NO_COLOR: '1', ...extra }), timeout: HANG_MS, killSignal: 'SIGKILL' })
    return { status: result.status, stderr: result.stderr }
  }
  return { root, dir, cli }
}

describe('a build whose files cannot be written, through the command line', () => {
  it('names generated/ with its slash, exit 2, and leaves the folder as it was', () => {
    const { root, dir, cli } = project()
    expect(cli(['build', '--no-cache'])).toStrictEqual({ status: 0, stderr: 'Wrote 21 files in generated/.\n' })
    const before = digests(path.join(root, 'generated'))
    edit(path.join(dir, 'levels/01-early-help.md'), 'Support as soon', 'Help as soon')
    expect(cli(['build', '--no-cache'], { WRITE_FAILS: 'ENOSPC' })).toStrictEqual({ status: 2, stderr: 'Cannot write to generated/: the disk is full; nothing was changed\n' })
    expect(cli(['build', '--no-cache'], { WRITE_FAILS: 'EACCES' })).toStrictEqual({
      status: 2,
      stderr: 'Cannot write to generated/: permission denied, expected a folder Thresholds can write; nothing was changed\n',
    })
    expect(digests(path.join(root, 'generated'))).toStrictEqual(before)
    expect(readdirSync(root).filter((name) => name.includes('staging'))).toStrictEqual([])
  })

  it('names the --out folder as given, with its slash, and makes nothing there', () => {
    const { root, cli } = project()
    expect(cli(['build', '--no-cache', '--out', 'my package'], { WRITE_FAILS: 'EDQUOT' })).toStrictEqual({ status: 2, stderr: 'Cannot write to my package/: the disk is full; nothing was changed\n' })
    expect(cli(['site', '--no-cache', '--out', 'public/site'], { WRITE_FAILS: 'EROFS' })).toStrictEqual({
      status: 2,
      stderr: 'Cannot write to public/site/: permission denied, expected a folder Thresholds can write; nothing was changed\n',
    })
    expect(existsSync(path.join(root, 'my package'))).toBe(false)
    expect(readdirSync(path.join(root, 'public'))).toStrictEqual([])
    expect(readdirSync(root).filter((name) => name.includes('staging'))).toStrictEqual([])
  })
})
