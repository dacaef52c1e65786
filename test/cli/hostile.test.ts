import { spawnSync } from 'node:child_process'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { frameworkWith, messageLines, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

/** Each case breaks the minimal framework one way; the build must refuse it with a positioned message. */
const cases: Array<{ name: string; write(dir: string): void; expect: RegExp }> = [
  { name: 'a binary file with a .md name', write: (dir) => writeFileSync(path.join(dir, 'contacts.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0x10])), expect: /contacts\.md:2:1 error\s+“contacts\.md” is a binary file/ },
  { name: 'invalid UTF-8 bytes', write: (dir) => writeFileSync(path.join(dir, 'links.md'), Buffer.concat([Buffer.from('# Links\n\nbad '), Buffer.from([0xc3, 0x28])])), expect: /links\.md:3:5 error\s+“links\.md” is not valid UTF-8 text/ },
  { name: 'lists nested 10,000 deep', write: (dir) => writeFileSync(path.join(dir, 'links.md'), `# Links\n\n${'- '.repeat(10_000)}x\n`), expect: /links\.md:3:1 error\s+Lists or quotes are nested too deeply/ },
  { name: 'a YAML alias bomb', write: (dir) => writeFileSync(path.join(dir, 'domains/01-health.md'), '---\na: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nid: health\ntitle: *c\n---\n'), expect: /01-health\.md:3:8 error\s+The front-matter uses a YAML alias/ },
  { name: 'tabs in YAML', write: (dir) => writeFileSync(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle:\n\tHealth\n---\n'), expect: /01-health\.md:4:1 error\s+A tab is used to indent the front-matter, expected spaces/ },
  { name: 'a symlink pointing outside sources/', write: (dir) => symlinkSync('/etc/hostname', path.join(dir, 'matrix.md')), expect: /matrix\.md:1:1 error\s+“matrix\.md” is a symbolic link to a file outside sources\// },
  { name: 'a symlink loop', write: (dir) => symlinkSync('matrix.md', path.join(dir, 'matrix.md')), expect: /matrix\.md:1:1 error\s+“matrix\.md” is a symbolic link that points back at itself/ },
  { name: 'an empty level file', write: (dir) => writeFileSync(path.join(dir, 'levels/01-early-help.md'), ''), expect: /01-early-help\.md:1:1 error\s+This level file has no front-matter/ },
  { name: 'a 20 MB file', write: (dir) => writeFileSync(path.join(dir, 'links.md'), 'word '.repeat(4_200_000)), expect: /links\.md:1:1 error\s+“links\.md” is 20\.0 MB, expected at most 2 MB/ },
]

describe('hostile input', () => {
  it.each(cases)('$name: exit 1, a positioned message, no stack trace, generated/ untouched', (item) => {
    const { root, dir } = frameworkWith()
    const build = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } })
    expect(build(['build']).status).toBe(0)
    const before = readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')
    item.write(dir)
    const result = build(['build'])
    expect(result.status).toBe(1)
    // Compare start positions only: the end of a range is the reporter's detail.
    expect(result.stderr.replace(/(\d+:\d+)-\d+:\d+/g, '$1')).toMatch(item.expect)
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
    expect(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')).toBe(before)
  })

  it('refuses __proto__, constructor and prototype keys and leaves Object.prototype alone', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\n__proto__:\n  polluted: yes\nconstructor: x\nprototype: y\nid: health\ntitle: Health\n---\n')
    const lines = messageLines(dir).filter((line) => line.includes('frontmatter-schema'))
    expect(lines).toEqual([
      'domains/01-health.md:2:1 error Unknown setting “__proto__”, expected one of “id”, “title”, “parent” [frontmatter-schema]',
      'domains/01-health.md:4:1 error Unknown setting “constructor”, expected one of “id”, “title”, “parent” [frontmatter-schema]',
      'domains/01-health.md:5:1 error Unknown setting “prototype”, expected one of “id”, “title”, “parent” [frontmatter-schema]',
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps positions right with a byte-order mark and CRLF line endings', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'levels/01-early-help.md')
    const text = readFileSync(file, 'utf8').replace('(#front-door)', '(#front-dor)').replace(/\n/g, '\r\n')
    writeFileSync(file, `\uFEFF${text}`)
    expect(messageLines(dir, ['link-resolves'])).toEqual([
      'levels/01-early-help.md:15:3 error The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file, did you mean “#front-door”? [link-resolves]',
    ])
    expect(loadFrameworks([dir])[0]?.framework.levels[0]?.description).toBe('Support as soon as a problem emerges.')
  })
})
