import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digests, edit, frameworkWith, git, thresholds } from '../helpers.ts'

/**
 * A project in git, with a package.json (so the content cache is used), and `git` on the PATH
 * replaced by a script that writes each call's arguments to a log before running the real git.
 */
function project() {
  const { root } = frameworkWith()
  writeFileSync(path.join(root, 'package.json'), '{ "name": "partnership-frameworks", "private": true }\n')
  writeFileSync(path.join(root, '.gitignore'), 'generated/\nfresh/\nnode_modules/\nbin/\ngit.log\n')
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  const bin = path.join(root, 'bin')
  mkdirSync(bin)
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$*" >> "${path.join(root, 'git.log')}"\nexec "${realGit}" "$@"\n`)
  chmodSync(path.join(bin, 'git'), 0o755)
  git(['init', '-q'], root)
  git(['add', '-A'], root)
  git(['commit', '-qm', 'Version 1.0'], root)
  const env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, THRESHOLDS_TODAY: '2026-06-30', CACHE_DIR: '' }
  /** Builds (through the cache unless `--no-cache` is given) and gives the git calls it made. */
  const build = (...args: string[]) => {
    rmSync(path.join(root, 'git.log'), { force: true })
    const run = thresholds(['build', ...args], root, { env })
    expect(run.status, run.stderr).toBe(0)
    let log = ''
    try {
      log = readFileSync(path.join(root, 'git.log'), 'utf8')
    } catch {
      // No git call at all.
    }
    return log.split('\n').filter(Boolean)
  }
  return { root, build }
}

/**
 * The framework's own files (its CHANGELOG.md among them), by digest. The package around it is
 * left out: its version counts on from the release the output folder records, so a folder built
 * once differs there from one built several times.
 */
const frameworkFiles = (root: string, out: string) => Object.fromEntries(Object.entries(digests(path.join(root, out))).filter(([file]) => file.startsWith('minimal/')))

describe('framework histories from git, through the content cache', () => {
  it('are read from git once, then from the cache while HEAD and the sources stay; the framework’s files are the same as without the cache, whichever changes', () => {
    const { root, build } = project()
    const framework = path.join(root, 'sources/minimal/framework.md')
    edit(framework, 'version: "1.0"', 'version: "1.1"')
    git(['commit', '-qam', 'Version 1.1'], root)
    // Cold: the history is read from git (its log, each earlier version's files).
    expect(build().filter((call) => call.startsWith('log '))).toHaveLength(1)
    // Warm, nothing changed: one call tells the repository, and nothing else is asked of git.
    expect(build()).toEqual(['rev-parse --show-toplevel --show-prefix --is-shallow-repository --verify HEAD'])
    expect(build('--no-cache', '--out', 'fresh').filter((call) => call.startsWith('log '))).toHaveLength(1)
    expect(Object.keys(frameworkFiles(root, 'fresh'))).toContain('minimal/CHANGELOG.md')
    expect(frameworkFiles(root, 'generated')).toEqual(frameworkFiles(root, 'fresh'))
    expect(readFileSync(path.join(root, 'generated/minimal/CHANGELOG.md'), 'utf8')).toContain('## 1.0\n')

    // The same sources on another branch, whose only commit is 1.1: HEAD names another history.
    git(['checkout', '-q', '--orphan', 'alone'], root)
    git(['commit', '-qm', 'Version 1.1 alone'], root)
    expect(build().filter((call) => call.startsWith('log '))).toHaveLength(1)
    expect(readFileSync(path.join(root, 'generated/minimal/CHANGELOG.md'), 'utf8')).not.toContain('## 1.0\n')
    rmSync(path.join(root, 'fresh'), { recursive: true })
    build('--no-cache', '--out', 'fresh')
    expect(frameworkFiles(root, 'generated')).toEqual(frameworkFiles(root, 'fresh'))

    // A new commit moves HEAD: the history is read from git again, and now lists 1.1.
    edit(framework, 'version: "1.1"', 'version: "2.0"')
    git(['commit', '-qam', 'Version 2.0'], root)
    expect(build().filter((call) => call.startsWith('log '))).toHaveLength(1)
    rmSync(path.join(root, 'fresh'), { recursive: true })
    build('--no-cache', '--out', 'fresh')
    expect(frameworkFiles(root, 'generated')).toEqual(frameworkFiles(root, 'fresh'))
    expect(readFileSync(path.join(root, 'generated/minimal/CHANGELOG.md'), 'utf8')).toContain('## 1.1\n')

    // The sources edited without a commit: the current version is compared with git's again.
    edit(path.join(root, 'sources/minimal/contacts.md'), '0121 788 4300', '0121 496 0300')
    expect(build().filter((call) => call.startsWith('log '))).toHaveLength(1)
    rmSync(path.join(root, 'fresh'), { recursive: true })
    build('--no-cache', '--out', 'fresh')
    expect(frameworkFiles(root, 'generated')).toEqual(frameworkFiles(root, 'fresh'))
    expect(readFileSync(path.join(root, 'generated/minimal/CHANGELOG.md'), 'utf8')).toContain('Phone number changed')
  })
})
