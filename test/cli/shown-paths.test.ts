import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, onTestDay, thresholds } from '../helpers.ts'

describe('paths in messages, through the command line', () => {
  it('are shown from the working folder when the sources are in a folder named “..x” inside it', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'thresholds-'))
    const { dir } = frameworkWith(undefined, 'minimal', path.join(cwd, '..x'))
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('- [Front door](#front-door)', '- [Front door](#front-dor)'))
    const text = thresholds(['check', '--no-cache', '..x/sources'], cwd, { env: onTestDay })
    expect(text.status).toBe(1)
    expect(text.stderr.split('\n').filter((line) => line.includes(' error '))).toEqual([
      '..x/sources/minimal/levels/01-early-help.md:3:8 error Level “Early Help” has no contacts, expected at least one phone number or portal: add “## Contacts” with a link such as “- [First Point of Contact](#fpoc)” [level-has-contacts]',
      '..x/sources/minimal/levels/01-early-help.md:15:3 error The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file [link-resolves]',
    ])
    const github = thresholds(['check', '--no-cache', '--format', 'github', '..x/sources'], cwd, { env: onTestDay })
    expect(github.stdout.split('\n').filter((line) => line.startsWith('::error')).map((line) => line.split(',')[0])).toEqual([
      '::error file=..x/sources/minimal/levels/01-early-help.md',
      '::error file=..x/sources/minimal/levels/01-early-help.md',
    ])
  })
})
