import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Position } from 'unist'
import { frameworkFiles } from '../../scripts/bench/corpus.ts'
import { readYaml, type FrontMatter } from '../../scripts/parse/frontmatter.ts'
import { readSimpleYaml } from '../../scripts/parse/frontmatter-simple.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'

/*
 * The simple front-matter reader (scripts/parse/frontmatter-simple.ts) against the YAML library:
 * wherever it reads a text, the settings (with their order and types), the messages (none) and
 * every place locate() gives are the same as the library's; anything it is not sure of is left
 * to the library.
 */

const at = (position: Position): string => `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`

/** Both readings of the same YAML text as front-matter of a file, with what each filed on it. */
function bothWays(yaml: string) {
  const text = `---\n${yaml}\n---\n\nWords.\n`
  const read = (simple: boolean) => {
    const file = createSourceFile('sources/x/levels/01-a.md', 'levels/01-a.md', text)
    const position = { start: file.toPoint(0), end: file.toPoint(yaml.length + 8) }
    const frontMatter = readYaml(file, yaml, 4, position, 'front-matter', { simple })
    return { frontMatter, messages: file.vfile.messages.map((message) => `${message.reason} [${message.ruleId}]`) }
  }
  return { simple: read(true), library: read(false) }
}

/** Every place locate() can give for these keys, as text, with the settings read. */
function places(frontMatter: FrontMatter, keys: readonly string[]): string[] {
  const paths: Array<Array<string | number>> = [[], ['missing'], [0], ...keys.flatMap((key) => [[key], [key, 'below'], [key, 0], [key, 1], [key, 0, 'title'], [key, 1, 'edition'], [key, 0, 'missing']])]
  return paths.flatMap((where) => [`${where.join('.')} ${at(frontMatter.locate(where))}`, `${where.join('.')} key ${at(frontMatter.locate(where, { key: true }))}`])
}

function expectSame(yaml: string): boolean {
  const taken = readSimpleYaml(yaml) !== undefined
  const { simple, library } = bothWays(yaml)
  expect(simple.messages).toEqual(library.messages)
  // As JSON (order, types and nesting): a setting called “constructor” holding a map or list would make toStrictEqual compare it as the objects' class.
  expect(JSON.stringify(simple.frontMatter.data)).toBe(JSON.stringify(library.frontMatter.data))
  const keys = Object.keys(library.frontMatter.data ?? {})
  expect(Object.keys(simple.frontMatter.data ?? {})).toEqual(keys)
  expect(places(simple.frontMatter, keys)).toEqual(places(library.frontMatter, keys))
  return taken
}

describe('the simple front-matter reader', () => {
  it('reads one setting a line: plain words, whole numbers and quoted text, with their places', () => {
    expect(readSimpleYaml('id: early-help\ntitle: "Help: early"\nrank: 2\nversion: \'2.5\'\npublished: 2026-03-15\n')).toStrictEqual({
      data: { id: 'early-help', title: 'Help: early', rank: 2, version: '2.5', published: '2026-03-15' },
      settings: [
        { key: 'id', keyStart: 0, keyEnd: 2, valueStart: 4, valueEnd: 14 },
        { key: 'title', keyStart: 15, keyEnd: 20, valueStart: 22, valueEnd: 35 },
        { key: 'rank', keyStart: 36, keyEnd: 40, valueStart: 42, valueEnd: 43 },
        { key: 'version', keyStart: 44, keyEnd: 51, valueStart: 53, valueEnd: 58 },
        { key: 'published', keyStart: 59, keyEnd: 68, valueStart: 70, valueEnd: 80 },
      ],
      start: 0,
      end: 81,
      lists: false,
    })
  })

  it('reads a list of settings below a key, as framework.md’s guidance is written', () => {
    expect(readSimpleYaml('id: a\nguidance:\n  - title: Working Together\n    edition: 2026\n  - title: "B: c"\nstatus: draft')).toStrictEqual({
      data: { id: 'a', guidance: [{ title: 'Working Together', edition: 2026 }, { title: 'B: c' }], status: 'draft' },
      settings: [
        { key: 'id', keyStart: 0, keyEnd: 2, valueStart: 4, valueEnd: 5 },
        { key: 'guidance', keyStart: 6, keyEnd: 14, valueStart: 16, valueEnd: 80, list: true },
        { key: 'status', keyStart: 80, keyEnd: 86, valueStart: 88, valueEnd: 93 },
      ],
      start: 0,
      end: 93,
      lists: true,
    })
    for (const yaml of ['guidance:\n  - title: A', 'id: a\nguidance:\n  - title: Working Together\n    edition: 2026\n  - title: "B: c"\nstatus: draft\n']) {
      expect(readSimpleYaml(yaml)).toBeDefined()
      expectSame(yaml)
    }
  })

  it('leaves to the YAML library whatever it is not sure of', () => {
    const left = [
      '',
      // Lists written any other way: at the key's own indent, nested, of plain values, a key twice in an item, an item with no settings.
      'guidance:\n- title: A',
      'guidance:\n  - title: A\n      edition: 1',
      'guidance:\n  - title: A\n    - b: c',
      'guidance:\n  - A',
      'guidance:\n  - title: A\n    title: B',
      'guidance:\n  - title: A\nguidance:\n  - title: B',
      'guidance:\n  - ',
      'guidance: \n  - title: A',
      'a: b:\n  - title: A',
      'guidance:\n\n  - title: A',
      'id: a\n\ntitle: B',
      '# a comment\nid: a',
      'id: a # a comment',
      'id: a\nid: b',
      'id: true',
      'id: Null',
      'rank: 2.5',
      'rank: 0x1F',
      'rank: 1e3',
      'rank: 1234567890123456',
      'title: "a \\"b\\""',
      "title: 'it''s'",
      'title: a ',
      'title:  a',
      'title:',
      'title: a\tb',
      'title: -a',
      'title: a: b',
      // A line with no “: ” at all, alone or after a setting: a plain text, not a map.
      'draft',
      'id: a\ndraft',
      // Nor before a list: not the list's `key:` (a reading that took the line's last character for its colon would make it “draf”).
      'draft\n  - title: A',
      'id: a\ndraft\n  - title: A',
      '[a]: 1',
      'id: a\r\ntitle: b',
      'id: "\\u202E"',
    ]
    expect(left.filter((yaml) => readSimpleYaml(yaml) !== undefined)).toEqual([])
    for (const yaml of left) expectSame(yaml)
  })

  it('reads random front-matter exactly as the YAML library does', () => {
    // Mostly lines the simple reader takes, so that many texts are read both ways; the rest are near misses.
    const keys = fc.oneof({ arbitrary: fc.constantFrom('id', 'title', 'rank', 'a-b', 'x_1', 'b', 'c', 'd', 'constructor', 'toString'), weight: 12 }, { arbitrary: fc.constantFrom('true', 'Null', 'y', '1a', 'a b', '-a'), weight: 1 })
    const character = fc.oneof(
      { arbitrary: fc.constantFrom(...'aZ09 -.,[]{}?~!&*|>%@`\u00a0é“”'.split('')), weight: 20 },
      { arbitrary: fc.constantFrom(...':#"\'\\\t\u2028\uFEFF'.split('')), weight: 1 },
    )
    const value = fc.oneof(
      fc.constantFrom('true', 'False', 'null', '~', '12', '007', '-3', '0o7', '0x1F', '1e3', '2.5', '.5', '2026-03-15', '"2.5"', "'x y'", '""', 'a [b]', 'a, b', 'www.x', 'a  b', '"a # b"', "'a: b'"),
      { arbitrary: fc.tuple(fc.constantFrom('a', 'Z', '0', '9', 'é', '"', "'"), fc.string({ unit: character, maxLength: 12 })).map(([first, rest]) => `${first}${rest}`), weight: 3 },
      fc.string({ unit: character, maxLength: 12 }),
    )
    const separator = fc.oneof({ arbitrary: fc.constant(': '), weight: 8 }, { arbitrary: fc.constantFrom(':  ', ':', ' : '), weight: 1 })
    const scalarLine = fc.tuple(keys, separator, value).map(([key, between, written]) => `${key}${between}${written}`)
    // A list of settings below a key, mostly as the simple reader takes it, sometimes indented otherwise.
    const itemKeys = fc.oneof({ arbitrary: fc.constantFrom('title', 'edition', 'a'), weight: 8 }, { arbitrary: keys, weight: 1 })
    const itemValue = fc.oneof({ arbitrary: fc.constantFrom('Working Together', 'A', '2026', '0', '"B: c"', "'x y'"), weight: 8 }, { arbitrary: value, weight: 1 })
    const itemLine = fc.tuple(itemKeys, separator, itemValue).map(([key, between, written]) => `${key}${between}${written}`)
    const indent = (usual: string, others: string[]) => fc.oneof({ arbitrary: fc.constant(usual), weight: 12 }, { arbitrary: fc.constantFrom(...others), weight: 1 })
    const item = fc.tuple(indent('  - ', ['- ', '   - ', '  -', '    - ']), itemLine, fc.array(fc.tuple(indent('    ', ['   ', '      ', '  ', '\t']), itemLine), { maxLength: 2 })).map(
      ([dash, first, more]) => `${dash}${first}${more.map(([spaces, line]) => `\n${spaces}${line}`).join('')}`,
    )
    const listKeys = fc.oneof({ arbitrary: fc.constantFrom('guidance', 'links', 'a'), weight: 8 }, { arbitrary: fc.constantFrom('true', 'y', 'a b', 'id'), weight: 1 })
    const listLine = fc.tuple(listKeys, indent(':', [': ', ':  ', ' :']), fc.array(item, { minLength: 1, maxLength: 3 })).map(([key, colon, items]) => `${key}${colon}\n${items.join('\n')}`)
    const line = fc.oneof({ arbitrary: scalarLine, weight: 2 }, { arbitrary: listLine, weight: 1 })
    const yaml = fc.tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '\n')).map(([lines, end]) => `${lines.join('\n')}${end}`)
    let taken = 0
    let listsTaken = 0
    fc.assert(
      fc.property(yaml, (text) => {
        if (expectSame(text)) taken++
        if (readSimpleYaml(text)?.lists) listsTaken++
      }),
      { numRuns: 2000, seed: 20261130 },
    )
    // The comparison means something only if the simple reader read many of the texts.
    expect(taken).toBeGreaterThan(200)
    // And many lists of settings among them.
    expect(listsTaken).toBeGreaterThan(35)
  })

  it('reads every front-matter of sources/ and of the bench corpus as the YAML library does', () => {
    const texts: string[] = []
    const markdownUnder = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name)
        return statSync(full).isDirectory() ? markdownUnder(full) : name.endsWith('.md') ? [full] : []
      })
    for (const file of markdownUnder(path.resolve('sources'))) texts.push(readFileSync(file, 'utf8'))
    const fromSources = texts.length
    for (const n of [1, 2, 3]) texts.push(...frameworkFiles(`partnership-000${n}`, 300, n).values())
    // Every front-matter of the bench corpus, framework.md's guidance list included, is simple.
    const bench = texts.slice(fromSources).map((text) => /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1]).filter((yaml) => yaml !== undefined)
    expect(bench.length).toBeGreaterThan(50)
    expect(bench.filter((yaml) => readSimpleYaml(yaml) === undefined)).toEqual([])
    let taken = 0
    let read = 0
    for (const text of texts) {
      const block = /^---\n([\s\S]*?)\n---\n/.exec(text)
      if (!block) continue
      read++
      if (expectSame(block[1] as string)) taken++
    }
    // Those of sources/ with a comment (a suppression) are not.
    expect(read).toBeGreaterThan(60)
    expect(taken).toBeGreaterThan(read * 0.9)
  })
})
