/**
 * Symbolic links under sources/ that Thresholds does not follow (a loop, a link into another
 * framework's folder, a link outside sources/, one that leads nowhere) are each reported at the
 * link, never followed outside sources/, and never passed over without a word.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, messageLines, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

/** The minimal framework and a copy of it called `second`, side by side in sources/. */
function twoFrameworks() {
  const { root, dir } = frameworkWith()
  const second = path.join(root, 'sources/second')
  cpSync(dir, second, { recursive: true })
  const framework = path.join(second, 'framework.md')
  writeFileSync(framework, readFileSync(framework, 'utf8').replace('id: minimal', 'id: second'))
  return { root, dir, second, sources: path.join(root, 'sources') }
}

/** A folder outside sources/ holding Markdown a link could lead to. */
function outsideFolder(): string {
  const outside = mkdtempSync(path.join(tmpdir(), 'thresholds-outside-'))
  writeFileSync(path.join(outside, 'secret.md'), '# Not part of any framework\n')
  return outside
}

const linkLines = (lines: string[]) => lines.filter((line) => line.includes('[symbolic-link]'))

describe('symbolic links inside a framework folder', () => {
  it('reports a loop, a link into another framework and a link outside sources/, each at the link, and reads nothing through them', () => {
    const { dir } = twoFrameworks()
    const outside = outsideFolder()
    symlinkSync('..', path.join(dir, 'domains/up'))
    symlinkSync('../../second/levels', path.join(dir, 'levels/extra'))
    symlinkSync(outside, path.join(dir, 'notes'))
    mkdirSync(path.join(dir, 'drafts'))
    symlinkSync('missing-folder', path.join(dir, 'drafts/gone'))
    expect(linkLines(messageLines(dir))).toEqual([
      'domains/up:1:1 warning “domains/up” is a symbolic link that is not followed: it points at a folder that holds it, which makes a loop, expected the files themselves in the framework folder [symbolic-link]',
      'drafts/gone:1:1 warning “drafts/gone” is a symbolic link that is not followed: it points to something that does not exist, expected the files themselves in the framework folder [symbolic-link]',
      'levels/extra:1:1 warning “levels/extra” is a symbolic link that is not followed: it points into the framework folder “second”, whose files are read there, expected the files themselves in the framework folder [symbolic-link]',
      'notes:1:1 warning “notes” is a symbolic link that is not followed: it points outside sources/, expected the files themselves in the framework folder [symbolic-link]',
    ])
    // Nothing else changed: the same messages as without the links, apart from these warnings.
    expect(messageLines(dir).filter((line) => !line.includes('[symbolic-link]'))).toEqual([])
  })

  it('says nothing of a link that stays inside its own framework folder, whose files are read where they are', () => {
    const { dir } = twoFrameworks()
    symlinkSync('../levels', path.join(dir, 'domains/levels-again'))
    expect(messageLines(dir)).toEqual([])
  })
})

describe('symbolic links beside the framework folders, through the CLI', () => {
  it('reports each link in sources/ once, whichever framework is checked, with exit 0 and nothing published from them', () => {
    const { root, sources } = twoFrameworks()
    const outside = outsideFolder()
    symlinkSync('minimal', path.join(sources, 'alias'))
    symlinkSync('loop', path.join(sources, 'loop'))
    symlinkSync(outside, path.join(sources, 'shared'))
    // A link to a file is passed over like any other file beside the frameworks.
    symlinkSync(path.join(outside, 'secret.md'), path.join(sources, 'secret.md'))
    const expected = [
      'sources/alias:1:1 warning “sources/alias” is a symbolic link that is not followed: it points into the framework folder “minimal”, which is read under its own name, expected only framework folders in sources/ [symbolic-link]',
      'sources/loop:1:1 warning “sources/loop” is a symbolic link that is not followed: it points back at itself, expected only framework folders in sources/ [symbolic-link]',
      'sources/shared:1:1 warning “sources/shared” is a symbolic link that is not followed: it points outside sources/, expected only framework folders in sources/ [symbolic-link]',
    ]
    for (const [args, frameworks] of [
      [['check', '--no-cache'], '2 frameworks'],
      [['check'], '2 frameworks'],
      [['check', 'sources/second', '--no-cache'], '1 framework'],
    ] as const) {
      const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
      expect(result.status, result.stderr).toBe(0)
      expect(result.stderr.split('\n').filter((line) => line.includes('[symbolic-link]'))).toEqual(expected)
      expect(result.stderr.endsWith(`\n⚠ 0 errors, 3 warnings, 0 suppressed in ${frameworks}\n`)).toBe(true)
    }
    const build = spawnSync(process.execPath, [bin, 'build', '--no-cache'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect(build.status, build.stderr).toBe(0)
    expect(readFileSync(path.join(root, 'generated/package.json'), 'utf8')).not.toContain('alias')
  })
})
