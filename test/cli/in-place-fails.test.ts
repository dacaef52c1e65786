import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bin, cleanEnv, edit, frameworkWith, onTestDay, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/*
 * A build through the content cache updates generated/ in place, one rename per changed file
 * (scripts/generate/in-place.ts). When a rename fails part-way (here the third, made to fail by
 * test/cli/rename-fails.mjs), the build stops with one plain line and exit 2, and the next build
 * finds the files left old by their stamps and writes them again.
 */

describe('an update of generated/ in place that fails part-way, through the command line', () => {
  it('stops with one plain line, exit 2, and the next build repairs the folder', () => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
    const env = { ...onTestDay, NO_COLOR: '1', CACHE_DIR: path.join(root, 'cache') }
    const cli = (args: string[], extra: Record<string, string> = {}, preload: string[] = []) => {
      const result = spawnSync(process.execPath, [...preload, bin, ...args], { cwd: root, encoding: 'utf8', env: cleanEnv({ ...env, ...extra }), timeout: HANG_MS, killSignal: 'SIGKILL' })
      return { status: result.status, stderr: result.stderr }
    }
    expect(cli(['build'])).toStrictEqual({ status: 0, stderr: 'Wrote 21 files in generated/.\n' })
    edit(path.join(dir, 'levels/01-early-help.md'), 'Support as soon', 'Help as soon')

    const failed = cli(['build'], { RENAME_FAILS: 'minimal/index.js' }, ['--import', path.join(repoRoot, 'test/cli/rename-fails.mjs')])
    expect(failed).toStrictEqual({
      status: 2,
      stderr: 'renamed minimal/framework.json\nrenamed minimal/index.cjs\nCannot finish writing generated/ (EIO): some of its files are new and the rest as they were; run the build again\n',
    })
    // Part-way: the files renamed before the failure are new, the rest as they were.
    const has = (file: string) => readFileSync(path.join(root, 'generated/minimal', file), 'utf8').includes('Help as soon')
    expect(['framework.json', 'index.cjs', 'index.js', 'index.ts'].map(has)).toStrictEqual([true, true, false, false])
    expect(cli(['build', '--check']).status).toBe(1)

    expect(cli(['build'])).toStrictEqual({ status: 0, stderr: 'Wrote 2 files in generated/.\n' })
    expect(['framework.json', 'index.cjs', 'index.js', 'index.ts'].map(has)).toStrictEqual([true, true, true, true])
    expect(cli(['build', '--check'])).toStrictEqual({ status: 0, stderr: 'generated/ is up to date with the sources.\n' })
  })
})
