import { describe, expect, it } from 'vitest'
import type { Position } from 'unist'
import { readFrontMatter, readYaml, readYamlFile, type FrontMatter } from '../../scripts/parse/frontmatter.ts'
import { parseMarkdown } from '../../scripts/parse/markdown.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'

/*
 * Front-matter and rules.yaml read in memory (scripts/parse/frontmatter.ts): the settings read,
 * and every message about YAML that cannot be read, with its severity and the exact place
 * (start and end) in the author's file, counted from the file's first line.
 */

const at = (position: Position): string => `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`

interface Read {
  data: Record<string, unknown> | undefined
  position: string | undefined
  messages: string[]
  frontMatter: FrontMatter | undefined
}

function read(text: string, as: 'markdown' | 'yaml' = 'markdown'): Read {
  const file = createSourceFile('sources/minimal/levels/01-a.md', 'levels/01-a.md', text)
  const frontMatter = as === 'yaml' ? readYamlFile(file) : readFrontMatter(file, parseMarkdown(file))
  return {
    data: frontMatter?.data,
    position: frontMatter && at(frontMatter.position),
    frontMatter,
    messages: file.vfile.messages.map((message) => {
      const place = message.place && 'start' in message.place ? at(message.place) : 'no place'
      return `${place} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId}]${message.note ? ` (${message.note})` : ''}`
    }),
  }
}

const TWICE = '“setting: value” lines indented with spaces'

describe('front-matter that reads', () => {
  it('gives its settings and the place of the whole block, with no message', () => {
    expect(read('---\ntitle: Early Help\nrank: 1\n---\n\nWords.\n')).toMatchObject({ data: { title: 'Early Help', rank: 1 }, position: '1:1-4:4', messages: [] })
  })

  it('an empty block gives no settings, not nothing', () => {
    const empty = read('---\n---\n')
    expect([empty.data, empty.position, empty.messages]).toStrictEqual([{}, '1:1-2:4', []])
  })

  it('a file without front-matter, or with a line before it, has none', () => {
    expect(read('# Title\n\nWords.\n')).toMatchObject({ data: undefined, position: undefined, messages: [] })
    expect(read('\n---\ntitle: A\n---\n')).toMatchObject({ data: undefined, position: undefined, messages: [] })
  })

  it('reads CR LF and lone CR line ends alike', () => {
    expect(read('---\r\ntitle: A\r\nid: x\r\n---\r\n')).toMatchObject({ data: { title: 'A', id: 'x' }, position: '1:1-4:4', messages: [] })
    expect(read('---\rtitle: A\rid: x\r---\r')).toMatchObject({ data: { title: 'A', id: 'x' }, messages: [] })
  })
})

describe('front-matter that cannot be read', () => {
  it('a setting written twice: the second key, by name', () => {
    expect(read('---\ntitle: A\ntitle: B\n---\n')).toStrictEqual(
      expect.objectContaining({ data: undefined, position: '1:1-4:4', messages: ['3:1-3:2 error The setting “title” is written twice, expected each setting once [yaml-syntax]'] }),
    )
  })

  it('a setting written twice that is not the first, with a space before its colon: named without it', () => {
    expect(read('---\nid: x\ntitle: A\ntitle : B\n---\n').messages).toStrictEqual(['4:1-4:2 error The setting “title” is written twice, expected each setting once [yaml-syntax]'])
  })

  it('points at the author’s line whatever ends the “---” line (LF, CR LF, CR)', () => {
    const message = '3:1-3:2 error The setting “title” is written twice, expected each setting once [yaml-syntax]'
    expect(read('---\r\ntitle: A\r\ntitle: B\r\n---\r\n').messages).toStrictEqual([message])
    expect(read('---\rtitle: A\rtitle: B\r---\r').messages).toStrictEqual([message])
    expect(read('---\rtitle: A\rid: [x\r---\r').messages).toStrictEqual([
      `3:7-4:1 error The front-matter cannot be read here (Flow sequence in block collection must be sufficiently indented and end with a ]), expected ${TWICE} [yaml-syntax]`,
    ])
  })

  it('a tab used to indent', () => {
    expect(read('---\ntitle: A\n\tid: b\n---\n').messages).toStrictEqual(['3:1-3:2 error A tab is used to indent the front-matter, expected spaces [yaml-syntax]'])
  })

  it('a setting over several lines without quotes, and a line that is no setting', () => {
    expect(read('---\ntitle: a\n  b: c\n---\n').messages).toStrictEqual([
      `2:8-2:9 error The front-matter cannot be read here (Nested mappings are not allowed in compact mappings), expected ${TWICE} [yaml-syntax]`,
      '2:8-3:4 error A setting spreads over several lines without quotes, expected the value in quotes or on one line [yaml-syntax]',
    ])
    expect(read('---\na\nb: c\n---\n').messages).toStrictEqual(['2:1-3:2 error A setting spreads over several lines without quotes, expected the value in quotes or on one line [yaml-syntax]'])
  })

  it('brackets or quotes never closed', () => {
    expect(read('---\ntitle: [a\n---\n').messages).toStrictEqual([
      `2:10-3:1 error The front-matter cannot be read here (Flow sequence in block collection must be sufficiently indented and end with a ]), expected ${TWICE} [yaml-syntax]`,
    ])
    expect(read('---\ntitle: "unterminated\n---\n').messages).toStrictEqual([`2:21-3:1 error The front-matter cannot be read here (Missing closing "quote), expected ${TWICE} [yaml-syntax]`])
  })

  it('a line indented less than the one before', () => {
    expect(read('---\n  a: 1\n b: 2\n---\n').messages).toStrictEqual([
      `3:2-3:3 error The front-matter cannot be read here (Unexpected scalar at node end), expected ${TWICE} [yaml-syntax]`,
      `3:3-3:4 error The front-matter cannot be read here (Unexpected map-value-ind token in YAML stream: ":"), expected ${TWICE} [yaml-syntax]`,
      `3:5-3:6 error The front-matter cannot be read here (Unexpected scalar token in YAML stream: "2"), expected ${TWICE} [yaml-syntax]`,
    ])
  })

  it('several YAML documents', () => {
    expect(read('---\na: 1\n...\nb: 2\n---\n')).toMatchObject({
      data: undefined,
      messages: ['4:1-4:5 error The front-matter holds more than one YAML document, expected one block of settings [yaml-syntax]'],
    })
  })

  it('an unknown tag is an error at the tag, not a warning over a value read on as text', () => {
    expect(read('---\ntitle: !foo x\n---\n')).toMatchObject({
      data: undefined,
      messages: ['2:8-2:12 error The front-matter uses the YAML tag “!foo”, which is not allowed: remove the tag (and put the value in quotes if it must stay text) [yaml-syntax]'],
    })
  })

  it('an alias, defined or not, is refused at the alias and never expanded', () => {
    expect(read('---\nx: &a 1\ny: *a\n---\n')).toMatchObject({
      data: undefined,
      messages: ['3:4-3:6 error The front-matter uses a YAML alias (“*name”), which is not allowed: write the value out in full [yaml-syntax] (Alias resolution is disabled)'],
    })
    expect(read('---\nx: &a\n  - 1\ny: [*a]\n---\n').messages).toStrictEqual([
      '4:5-4:7 error The front-matter uses a YAML alias (“*name”), which is not allowed: write the value out in full [yaml-syntax] (Alias resolution is disabled)',
    ])
    expect(read('---\nx: *a\n---\n').messages).toStrictEqual([
      '2:4-2:6 error The front-matter uses a YAML alias (“*name”), which is not allowed: write the value out in full [yaml-syntax] (Alias resolution is disabled)',
    ])
  })

  it('an alias with a tag or anchor of its own, or an alias or anchor with no name', () => {
    const alias = 'error The front-matter uses a YAML alias (“*name”), which is not allowed: write the value out in full [yaml-syntax]'
    expect(read('---\nx: &a 1\ny: &b *a\n---\n').messages).toStrictEqual([`3:7-3:9 ${alias}`])
    expect(read('---\nx: *\n---\n').messages).toStrictEqual([`2:4-2:5 ${alias}`])
    expect(read('---\nx: &\n---\n').messages).toStrictEqual([`2:4-2:5 ${alias}`])
  })

  it('a YAML tag that does not give a JSON value is refused at the tag, once, and nothing of the front-matter is read', () => {
    const tag = (written: string) => `error The front-matter uses the YAML tag “${written}”, which is not allowed: remove the tag (and put the value in quotes if it must stay text) [yaml-syntax]`
    // Bytes, a set, a date: values a framework has no place for, which were read on and then
    // reported as “a group of settings”.
    expect(read('---\ntitle: !!binary aGVsbG8=\n---\n')).toMatchObject({ data: undefined, messages: [`2:8-2:16 ${tag('!!binary')}`] })
    expect(read('---\ntitle: !!set {a, b}\n---\n').messages).toStrictEqual([`2:8-2:13 ${tag('!!set')}`])
    expect(read('---\ntitle: !!timestamp 2026-01-01\n---\n').messages).toStrictEqual([`2:8-2:19 ${tag('!!timestamp')}`])
    // A tag the library does not know was read on as text with only its own warning: now one error.
    expect(read('---\ntitle: !custom Early Help\n---\n').messages).toStrictEqual([`2:8-2:15 ${tag('!custom')}`])
    expect(read('---\ntitle: !!float 1\n---\n').messages).toStrictEqual([`2:8-2:15 ${tag('!!float')}`])
    expect(read('---\ntitle: !<tag:yaml.org,2002:binary> aGVsbG8=\n---\n').messages).toStrictEqual([`2:8-2:35 ${tag('!<tag:yaml.org,2002:binary>')}`])
    // In a list, and on a list itself.
    expect(read('---\nguidance:\n  - x\n  - !!set {a}\n---\n').messages).toStrictEqual([`4:5-4:10 ${tag('!!set')}`])
    expect(read('---\nguidance: !!omap\n  - x: 1\n---\n').messages).toStrictEqual([`2:11-2:17 ${tag('!!omap')}`])
    // A JSON tag on a value of another kind.
    expect(read('---\nrank: !!int x\n---\n').messages).toStrictEqual([`2:7-2:12 ${tag('!!int')}`])
    // The same in rules.yaml.
    expect(read('a: !!binary aGVsbG8=\n', 'yaml').messages).toStrictEqual([`1:4-1:12 ${tag('!!binary').replace('The front-matter', 'The file')}`])
  })

  it('a tag that gives what JSON has is read: !!str keeps the value as written, as quotes do', () => {
    expect(read('---\nversion: !!str 1.0\ntitle: Early Help\n---\n')).toMatchObject({ data: { version: '1.0', title: 'Early Help' }, messages: [] })
    expect(read('---\nlist: !!seq [!!bool true, !!null ~, !!float 1.5]\nmap: !!map {a: 1}\n---\n')).toMatchObject({ data: { list: [true, null, 1.5], map: { a: 1 } }, messages: [] })
  })

  it('any other YAML error, in the YAML library’s words', () => {
    expect(read('---\na: "\\q"\n---\n').messages).toStrictEqual(['2:5-2:6 error The front-matter cannot be read here (Invalid escape sequence \\q) [yaml-syntax]'])
    expect(read('---\n@x: 1\n---\n').messages).toStrictEqual(['2:1-2:2 error The front-matter cannot be read here (Plain value cannot start with reserved character @) [yaml-syntax]'])
    // Refused only when the YAML is read strictly, as it is.
    expect(read(`---\n${'k'.repeat(1100)}: 1\n---\n`).messages).toStrictEqual([
      '2:1-2:1101 error The front-matter cannot be read here (The : indicator must be at most 1024 chars after the start of an implicit block mapping key) [yaml-syntax]',
    ])
  })

  it('a list or plain words instead of settings: the whole block', () => {
    const message = '1:1-4:4 error The front-matter is not a list of settings, expected lines such as “title: Early Help” [yaml-syntax]'
    expect(read('---\n- a\n- b\n---\n')).toMatchObject({ data: undefined, messages: [message] })
    expect(read('---\njust words\n---\n').messages).toStrictEqual([message.replace('4:4', '3:4')])
  })
})

describe('characters written with a YAML escape', () => {
  it('are refused at the value that holds them, which is read on without them', () => {
    expect(read('---\ntitle: "a\\u202Eb"\nrank: 1\n---\n')).toMatchObject({
      data: { title: 'ab', rank: 1 },
      messages: [
        '2:8-2:18 error A value in the front-matter holds the bidirectional control “right-to-left override” U+202E, which reorders the text around it, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
      ],
    })
  })

  it('in a key, in a list, and each one once', () => {
    expect(read('---\n"a\\x9b": 1\nlist:\n  - "b\\ud800"\n  - ok\nx: "\\e"\n---\n')).toMatchObject({
      data: { a: 1, list: ['b', 'ok'], x: '' },
      messages: [
        '2:1-2:8 error A value in the front-matter holds the control character U+009B, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
        '4:5-4:14 error A value in the front-matter holds the lone surrogate U+D800, which is not a Unicode character, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
        '6:4-6:8 error A value in the front-matter holds the control character U+001B, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
      ],
    })
  })

  it('are not looked for when the YAML cannot be read', () => {
    expect(read('---\ntitle: "\\e"\ntitle: B\n---\n').messages).toStrictEqual(['3:1-3:2 error The setting “title” is written twice, expected each setting once [yaml-syntax]'])
  })

  it('numbers and other values that are not text are kept as they are', () => {
    expect(read('---\nrank: !!int 3\nok: true\n---\n')).toMatchObject({ data: { rank: 3, ok: true }, messages: [] })
  })
})

describe('a whole YAML file (rules.yaml)', () => {
  it('gives its settings, and none when empty', () => {
    expect(read('link-pending:\n  severity: "off"\n', 'yaml')).toMatchObject({ data: { 'link-pending': { severity: 'off' } }, position: '1:1-3:1', messages: [] })
    expect(read('', 'yaml')).toMatchObject({ data: {}, position: '1:1-1:1', messages: [] })
  })

  it('says “the file” in each message, at the file’s own lines', () => {
    expect(read('a: 1\na: 2\n', 'yaml').messages).toStrictEqual(['2:1-2:2 error The setting “a” is written twice, expected each setting once [yaml-syntax]'])
    expect(read('a: 1\n\tb: 2\n', 'yaml').messages).toStrictEqual(['2:1-2:2 error A tab is used to indent the file, expected spaces [yaml-syntax]'])
    expect(read('x: &a 1\ny: *a\n', 'yaml').messages).toStrictEqual([
      '2:4-2:6 error The file uses a YAML alias (“*name”), which is not allowed: write the value out in full [yaml-syntax] (Alias resolution is disabled)',
    ])
    expect(read('x: "\\e"\n', 'yaml').messages).toStrictEqual([
      '1:4-1:8 error A value in the file holds the control character U+001B, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
    ])
    expect(read('a: [1\n', 'yaml').messages).toStrictEqual([
      `2:1-2:1 error The file cannot be read here (Flow sequence in block collection must be sufficiently indented and end with a ]), expected ${TWICE} [yaml-syntax]`,
    ])
    expect(read('title: A\n---\ntitle: B\n', 'yaml').messages).toStrictEqual(['2:1-4:1 error The file holds more than one YAML document, expected one block of settings [yaml-syntax]'])
    expect(read('- a\n', 'yaml').messages).toStrictEqual(['1:1-2:1 error The file is not a list of settings, expected lines such as “title: Early Help” [yaml-syntax]'])
    expect(read('%FOO bar\n---\na: 1\n', 'yaml')).toMatchObject({ data: { a: 1 }, messages: ['1:1-1:9 warning The file cannot be read here (Unknown directive %FOO) [yaml-syntax]'] })
  })
})

describe('locate: the place of a setting', () => {
  const { frontMatter } = read(
    '---\ntitle: Early Help\nrules:\n  link-pending:\n    severity: "off"\nguidance:\n  - title: W\n    edition: 2023\n  -\nempty:\n? bare\n---\n',
  )
  const locate = (path: Array<string | number>, key = false): string => at((frontMatter as FrontMatter).locate(path, key ? { key: true } : undefined))

  it('of a value, or of its key', () => {
    expect([locate(['title']), locate(['title'], true)]).toStrictEqual(['2:8-2:18', '2:1-2:6'])
    expect([locate(['rules', 'link-pending', 'severity']), locate(['rules', 'link-pending', 'severity'], true)]).toStrictEqual(['5:15-5:20', '5:5-5:13'])
  })

  it('inside a list, by number or by the number as text', () => {
    expect(locate(['guidance', 0, 'edition'])).toStrictEqual('8:14-8:18')
    expect(locate(['guidance', '0', 'title'], true)).toStrictEqual('7:5-7:10')
  })

  it('of the nearest existing parent when the path goes further than the settings', () => {
    expect(locate(['rules', 'nope'])).toStrictEqual('4:3-6:1')
    expect(locate(['rules', 'nope'], true)).toStrictEqual('3:1-3:6')
    expect(locate(['guidance', 5])).toStrictEqual('7:3-9:4')
    expect(locate(['title', 'x'])).toStrictEqual('2:8-2:18')
  })

  it('by keys written as text only: a key that is a list is never taken for the setting “undefined”', () => {
    const { frontMatter: odd } = read('---\n[a]: 1\nundefined: 2\n---\n')
    expect(at((odd as FrontMatter).locate(['undefined']))).toStrictEqual('3:12-3:13')
  })

  it('of a key written as a list or map, by the name it is given as a setting (“[ a ]”), not the whole front-matter', () => {
    const { frontMatter: odd } = read('---\ntitle: T\n[a]: 1\n{b: 2}: 3\n---\n')
    const at2 = (path: string[], key = false) => at((odd as FrontMatter).locate(path, key ? { key: true } : undefined))
    expect([at2(['[ a ]'], true), at2(['{ b: 2 }'], true), at2(['{ b: 2 }'])]).toStrictEqual(['3:1-3:4', '4:1-4:7', '4:9-4:10'])
    // A name that is not written as a list or map is never taken for one.
    expect(at2(['missing'])).toStrictEqual('2:1-4:10')
  })

  it('a key written as a list leaves the process’s warnings alone: its message is the only word about it', () => {
    const warnings: unknown[] = []
    const record = (warning: unknown) => warnings.push(warning)
    process.on('warning', record)
    const emitted = process.emitWarning
    process.emitWarning = ((warning: unknown) => warnings.push(warning)) as typeof process.emitWarning
    try {
      read('---\ntitle: T\n[a]: 1\n---\n')
    } finally {
      process.emitWarning = emitted
      process.off('warning', record)
    }
    expect(warnings).toStrictEqual([])
  })

  it('of an empty value, and of a key without a value', () => {
    expect([locate(['empty']), locate(['empty'], true)]).toStrictEqual(['10:7-10:7', '10:1-10:6'])
    expect([locate(['bare']), locate(['bare'], true)]).toStrictEqual(['11:3-11:7', '11:3-11:7'])
    expect([locate(['guidance', 1]), locate(['guidance', 1], true)]).toStrictEqual(['9:4-9:4', '9:4-9:4'])
  })

  it('of one “key: value” line per setting (read without a YAML document): the same places as through the YAML library', () => {
    const text = '---\ntitle: Early Help\nrank: 1\n---\n\nWords.\n'
    const file = createSourceFile('sources/minimal/levels/01-a.md', 'levels/01-a.md', text)
    const simple = readFrontMatter(file, parseMarkdown(file)) as FrontMatter
    const viaLibrary = readYaml(file, 'title: Early Help\nrank: 1', 4, simple.position, 'front-matter', { simple: false })
    const places = (frontMatter: FrontMatter) =>
      [frontMatter.locate(['title']), frontMatter.locate(['title'], { key: true }), frontMatter.locate(['rank', 'x']), frontMatter.locate(['missing']), frontMatter.locate([])].map(at)
    expect(places(simple)).toStrictEqual(['2:8-2:18', '2:1-2:6', '3:7-3:8', '2:1-3:8', '2:1-3:8'])
    expect(places(viaLibrary)).toStrictEqual(places(simple))
    expect(simple.data).toStrictEqual({ title: 'Early Help', rank: 1 })
  })

  it('of all the settings for an empty path, and of the block when there are none', () => {
    expect([locate([]), locate([], true)]).toStrictEqual(['2:1-11:7', '2:1-11:7'])
    expect(at((read('---\n---\n').frontMatter as FrontMatter).locate(['title']))).toStrictEqual('1:1-2:4')
  })
})
