/**
 * Why a symbolic link under sources/ is not followed (scripts/parse/symbolic-links.ts), in this
 * process: the reasons one by one, the warning's words, and which links beside the framework
 * folders are reported and with which framework. test/parse/symbolic-links.test.ts runs the same
 * through the CLI.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { linkNotFollowed, linksBesideFrameworks, unfollowedLink } from '../../scripts/parse/symbolic-links.ts'
import { severityOf } from '../../scripts/shared/diagnostics.ts'
import type { SourceFile } from '../../scripts/shared/source-file.ts'

/** A fresh sources/ folder (its real path) with the frameworks `one` and `two`. */
function sourcesFolder(): { sources: string; one: string; two: string; outside: string } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'thresholds-links-')))
  const sources = path.join(root, 'sources')
  const one = path.join(sources, 'one')
  const two = path.join(sources, 'two')
  for (const folder of [path.join(one, 'levels'), path.join(two, 'levels')]) mkdirSync(folder, { recursive: true })
  writeFileSync(path.join(one, 'framework.md'), '# One\n')
  const outside = path.join(root, 'outside')
  mkdirSync(outside)
  return { sources, one, two, outside }
}

const said = (sources: SourceFile[]) => sources.flatMap((source) => source.vfile.messages.map((message) => `${source.path}:${message.line}:${message.column} ${severityOf(message)} ${message.reason} [${message.ruleId}]`))

describe('why a link inside a framework folder is not followed', () => {
  it('gives the reason for a link that loops, leads nowhere, cannot be followed or leaves sources/', () => {
    const { sources, one, outside } = sourcesFolder()
    const link = (name: string, target: string) => {
      symlinkSync(target, path.join(one, name))
      return unfollowedLink(path.join(one, name), sources, one)
    }
    expect(link('loop', 'loop')).toBe('it points back at itself')
    expect(link('gone', 'missing')).toBe('it points to something that does not exist')
    expect(link('through-a-file', 'framework.md/inside')).toBe('it cannot be followed (ENOTDIR)')
    expect(link('away', outside)).toBe('it points outside sources/')
    mkdirSync(`${sources}-x`)
    expect(link('beside', `${sources}-x`)).toBe('it points outside sources/')
    expect(link('up', '..')).toBe('it points at the sources folder that holds it')
  })

  it('names the other framework a link leads into, and refuses a link to a folder holding it', () => {
    const { sources, one } = sourcesFolder()
    symlinkSync('../../two/levels', path.join(one, 'levels/two'))
    symlinkSync('..', path.join(one, 'levels/parent'))
    symlinkSync('.', path.join(one, 'levels/self'))
    expect(unfollowedLink(path.join(one, 'levels/two'), sources, one)).toBe('it points into the framework folder “two”, whose files are read there')
    expect(unfollowedLink(path.join(one, 'levels/parent'), sources, one)).toBe('it points at a folder that holds it, which makes a loop')
    expect(unfollowedLink(path.join(one, 'levels/self'), sources, one)).toBe('it points at a folder that holds it, which makes a loop')
  })

  it('follows a link that stays inside its own framework folder, to a file or to a folder beside it', () => {
    const { sources, one } = sourcesFolder()
    mkdirSync(path.join(one, 'domains'))
    symlinkSync('../framework.md', path.join(one, 'levels/file'))
    symlinkSync('../domains', path.join(one, 'levels/folder'))
    expect(unfollowedLink(path.join(one, 'levels/file'), sources, one)).toBeUndefined()
    expect(unfollowedLink(path.join(one, 'levels/folder'), sources, one)).toBeUndefined()
  })

  it('takes a link with no framework folder given, beside the frameworks, as leading into the framework it reaches', () => {
    const { sources, one } = sourcesFolder()
    symlinkSync('one', path.join(sources, 'old'))
    expect(unfollowedLink(path.join(sources, 'old'), sources)).toBe('it points into the framework folder “one”, whose files are read there')
  })

  it('words the warning with the link, the reason and what was expected, at the start of the link', () => {
    expect(said([linkNotFollowed('sources/one/notes', 'notes', 'it points outside sources/')])).toEqual([
      'sources/one/notes:1:1 warning “notes” is a symbolic link that is not followed: it points outside sources/, expected the files themselves in the framework folder [symbolic-link]',
    ])
    const source = linkNotFollowed('sources/old', 'sources/old', 'it loops', 'only framework folders in sources/')
    expect([source.path, source.relative, source.text]).toEqual(['sources/old', 'sources/old', ''])
    expect(said([source])).toEqual(['sources/old:1:1 warning “sources/old” is a symbolic link that is not followed: it loops, expected only framework folders in sources/ [symbolic-link]'])
  })
})

describe('links beside the framework folders', () => {
  const shown = (absolute: string) => `shown:${path.basename(absolute)}`

  it('files each link to a folder, or to nothing, with the first framework folder, and passes over links to files and hidden links', () => {
    const { sources, one, two, outside } = sourcesFolder()
    symlinkSync('two', path.join(sources, 'old'))
    symlinkSync('loop', path.join(sources, 'loop'))
    symlinkSync('missing', path.join(sources, 'gone'))
    symlinkSync(outside, path.join(sources, 'shared'))
    symlinkSync('one/framework.md', path.join(sources, 'file.md'))
    symlinkSync('two', path.join(sources, '.hidden'))
    writeFileSync(path.join(sources, 'notes.txt'), 'x')
    const filed = linksBesideFrameworks([two, one], shown)
    expect([...filed.keys()]).toEqual([one])
    expect(said(filed.get(one) ?? [])).toEqual([
      'shown:gone:1:1 warning “sources/gone” is a symbolic link that is not followed: it points to something that does not exist, expected only framework folders in sources/ [symbolic-link]',
      'shown:loop:1:1 warning “sources/loop” is a symbolic link that is not followed: it points back at itself, expected only framework folders in sources/ [symbolic-link]',
      'shown:old:1:1 warning “sources/old” is a symbolic link that is not followed: it points into the framework folder “two”, which is read under its own name, expected only framework folders in sources/ [symbolic-link]',
      'shown:shared:1:1 warning “sources/shared” is a symbolic link that is not followed: it points outside sources/, expected only framework folders in sources/ [symbolic-link]',
    ])
  })

  it('judges the links by the real path of sources/, also when it is reached through a symbolic link', () => {
    const { sources, one } = sourcesFolder()
    symlinkSync('two', path.join(sources, 'old'))
    const linked = path.join(mkdtempSync(path.join(tmpdir(), 'thresholds-linked-')), 'sources')
    symlinkSync(sources, linked)
    const filed = linksBesideFrameworks([path.join(linked, 'one')], shown)
    expect([...filed.keys()]).toEqual([path.join(linked, 'one')])
    expect(said(filed.get(path.join(linked, 'one')) ?? [])).toEqual([
      'shown:old:1:1 warning “sources/old” is a symbolic link that is not followed: it points into the framework folder “two”, which is read under its own name, expected only framework folders in sources/ [symbolic-link]',
    ])
    expect(one).toBe(path.join(sources, 'one'))
  })

  it('files nothing when the first framework folder is not read in this run, so the links are reported once', () => {
    const { sources, two } = sourcesFolder()
    symlinkSync('missing', path.join(sources, 'gone'))
    expect(linksBesideFrameworks([two], shown)).toEqual(new Map())
  })

  it('skips hidden folders when choosing the first framework folder', () => {
    const { sources, one } = sourcesFolder()
    mkdirSync(path.join(sources, '.cache'))
    symlinkSync('missing', path.join(sources, 'gone'))
    expect([...linksBesideFrameworks([one], shown).keys()]).toEqual([one])
  })

  it('looks only in a folder named sources, and files nothing when there is no link', () => {
    const { sources, one, outside } = sourcesFolder()
    mkdirSync(path.join(outside, 'framework'))
    symlinkSync('missing', path.join(outside, 'gone'))
    expect(linksBesideFrameworks([path.join(outside, 'framework')], shown)).toEqual(new Map())
    expect(linksBesideFrameworks([one], shown)).toEqual(new Map())
    expect(linksBesideFrameworks([path.join(sources, 'missing', 'sources', 'x')], shown)).toEqual(new Map())
  })
})
