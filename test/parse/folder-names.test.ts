import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { caseTwins, markdownUnder } from '../../scripts/parse/names.ts'

/* The folder listing helpers of the reader, with exact results. */

describe('caseTwins', () => {
  it('pairs each name with the earlier one it differs from only in case or accent encoding', () => {
    expect(caseTwins(['Health.md', 'health.md', 'Family.md', 'HEALTH.md', 'Caf\u00e9.md', 'cafe\u0301.md', 'other.md'])).toEqual(
      new Map([
        ['health.md', 'Health.md'],
        ['HEALTH.md', 'Health.md'],
        ['cafe\u0301.md', 'Caf\u00e9.md'],
      ]),
    )
    expect(caseTwins(['a.md', 'b.md'])).toEqual(new Map())
    // Upper case would make “ß” “SS”; the file systems that fold case keep these two apart.
    expect(caseTwins(['Straße.md', 'STRASSE.md'])).toEqual(new Map())
  })
})

function tempFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'thresholds-names-'))
}

describe('markdownUnder', () => {
  it('finds Markdown and symbolic links in name order, skipping hidden folders and node_modules', () => {
    const dir = tempFolder()
    mkdirSync(path.join(dir, 'b'))
    mkdirSync(path.join(dir, '.git'))
    mkdirSync(path.join(dir, 'node_modules'))
    writeFileSync(path.join(dir, 'b/two.md'), '')
    writeFileSync(path.join(dir, '.git/hidden.md'), '')
    writeFileSync(path.join(dir, 'node_modules/package.md'), '')
    writeFileSync(path.join(dir, 'a.markdown'), '')
    writeFileSync(path.join(dir, 'c.md'), '')
    writeFileSync(path.join(dir, 'notes.txt'), '')
    symlinkSync(path.join(dir, 'notes.txt'), path.join(dir, 'link'))
    expect(markdownUnder(dir, 'extra')).toEqual([
      { absolute: path.join(dir, 'a.markdown'), relative: 'extra/a.markdown' },
      { absolute: path.join(dir, 'c.md'), relative: 'extra/c.md' },
      { absolute: path.join(dir, 'link'), relative: 'extra/link', link: true },
      { absolute: path.join(dir, 'b/two.md'), relative: 'extra/b/two.md' },
    ])
  })

  it('goes eight folders deep and no deeper', () => {
    const dir = tempFolder()
    let folder = dir
    for (let depth = 1; depth <= 9; depth++) {
      writeFileSync(path.join(folder, `at-${depth}.md`), '')
      folder = path.join(folder, `d${depth}`)
      mkdirSync(folder)
    }
    expect(markdownUnder(dir, 'x').map((found) => found.relative)).toEqual([
      'x/at-1.md',
      'x/d1/at-2.md',
      'x/d1/d2/at-3.md',
      'x/d1/d2/d3/at-4.md',
      'x/d1/d2/d3/d4/at-5.md',
      'x/d1/d2/d3/d4/d5/at-6.md',
      'x/d1/d2/d3/d4/d5/d6/at-7.md',
      'x/d1/d2/d3/d4/d5/d6/d7/at-8.md',
    ])
  })

  it('looks at 2,000 entries at most', () => {
    const dir = tempFolder()
    for (let n = 0; n < 2001; n++) writeFileSync(path.join(dir, `f${String(n).padStart(4, '0')}.md`), '')
    mkdirSync(path.join(dir, 'later'))
    writeFileSync(path.join(dir, 'later/deeper.md'), '')
    const found = markdownUnder(dir, 'x')
    expect(found).toHaveLength(2000)
    expect(found.at(-1)?.relative).toBe('x/f1999.md')
  })

  it('finds nothing in a folder that does not exist', () => {
    expect(markdownUnder(path.join(tempFolder(), 'gone'), 'gone')).toEqual([])
  })
})
