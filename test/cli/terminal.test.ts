/**
 * Nothing the CLI prints can drive the terminal or the CI log that shows it: a file name holding
 * an OSC 52 clipboard write is shown escaped in every check format, a framework.json holding one
 * is shown escaped by diff in every format, and a YAML escape that writes one is refused at its value.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, thresholds } from '../helpers.ts'

const OSC52 = '\u001b]52;c;ZXZpbA==\u0007'
/** C0 controls other than tab, line feed and CR, DEL, C1 controls, bidirectional controls. */
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('terminal output', () => {
  it.each(['text', 'github', 'json', 'sarif', 'junit'])('check --format %s shows a hostile file name escaped', (format) => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(dir, `levels/03-x${OSC52}\u009b\u202e.md`), '---\nid: x\ntitle: X\nrank: 3\n---\n')
    const run = thresholds(['check', '--no-cache', '--format', format], root, { env: { FORCE_COLOR: '' } })
    expect(run.status).toBe(1)
    expect(run.stdout + run.stderr).not.toMatch(RAW)
    expect(run.stdout + run.stderr).toMatch(/03-x(␛|\\u001b)\]52;c;ZXZpbA==/)
  })

  it.each(['markdown', 'json', 'html'])('diff --format %s shows a hostile title from a framework.json escaped', (format) => {
    const { root } = frameworkWith()
    expect(thresholds(['build', '--no-cache'], root, { env: { FORCE_COLOR: '' } }).status).toBe(0)
    const old = path.join(root, 'generated/minimal/framework.json')
    const model = JSON.parse(readFileSync(old, 'utf8')) as { levels: Array<{ title: string }> }
    const level = model.levels[0]
    if (!level) throw new Error('expected a level')
    level.title = `Early ${OSC52} Help \u009b2J \u202e`
    writeFileSync(path.join(root, 'new.json'), JSON.stringify(model))
    const run = thresholds(['diff', old, 'new.json', '--format', format], root, { env: { FORCE_COLOR: '' } })
    expect(run.status).toBe(0)
    expect(run.stdout + run.stderr).not.toMatch(RAW)
    expect(run.stdout).toMatch(/Early (␛|\\u001b)\]52;c;ZXZpbA==/)
  })

  it('refuses a YAML escape that writes an OSC 52 sequence, at its value, and prints none of it', () => {
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Early Help', 'title: "Early \\e]52;c;ZXZpbA==\\a Help"'))
    for (const format of ['text', 'github']) {
      const run = thresholds(['check', '--no-cache', '--format', format], root, { env: { FORCE_COLOR: '' } })
      expect(run.status).toBe(1)
      expect(run.stdout + run.stderr).not.toMatch(RAW)
      expect(run.stdout + run.stderr).toContain(
        format === 'text'
          ? 'sources/minimal/levels/01-early-help.md:3:8 error A value in the front-matter holds the control character U+001B, written with a YAML escape, expected plain text: remove the escape [unsafe-character]'
          : '::error file=sources/minimal/levels/01-early-help.md,line=3,col=8,endLine=3,endColumn=39,title=unsafe-character::A value in the front-matter holds the control character U+001B',
      )
    }
  })

  it('escapes a hostile argument quoted in a usage error (the guard on everything printed)', () => {
    const { root } = frameworkWith()
    const run = thresholds(['check', `sources/${OSC52}`], root, { env: { FORCE_COLOR: '' } })
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('“sources/␛]52;c;ZXZpbA==␇” does not exist, expected a framework folder such as sources/shropshire\n')
  })
})
