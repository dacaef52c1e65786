import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, onTestDay, thresholds } from '../helpers.ts'

describe('a link written as a path on the author’s own computer, through the command line', () => {
  it('reports “C:\\…”, “C:/…” and “/…” alike, as absolute paths at their places, and build writes nothing', () => {
    const { root, dir } = frameworkWith()
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, `${readFileSync(level, 'utf8')}\n- [Old copy](C:\\\\Users\\\\me\\\\contacts.md)\n- [Other copy](C:/Users/me/contacts.md)\n- [Contacts page](/contacts.md)\n`)
    const { status, stderr } = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    const absolute = (at: string, name: string) => `sources/minimal/levels/01-early-help.md:${at} error The link “${name}” is an absolute path, not a path from this file, expected an id, a heading in this file, or a file of this framework [link-resolves]`
    expect(stderr.split('\n').filter((line) => line.startsWith('sources/'))).toEqual([absolute('17:3', 'Old copy'), absolute('18:3', 'Other copy'), absolute('19:3', 'Contacts page')])
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})
