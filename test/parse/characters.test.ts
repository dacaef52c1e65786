/**
 * Characters no text may hold (controls, bidirectional overrides and isolates, lone surrogates,
 * noncharacters) are refused wherever they come from, with a message at the place that wrote them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findUnsafeCharacter } from '../../scripts/shared/characters.ts'
import { frameworkWith, messageLines, modelOf } from '../helpers.ts'

const HEALTH_BODY = '\n## Early Help\n\n- Missing immunisations {#health-missing-immunisations}\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n'

function healthWith(frontMatter: string, body = HEALTH_BODY): string {
  const { dir } = frameworkWith()
  writeFileSync(path.join(dir, 'domains/01-health.md'), `---\n${frontMatter}\n---\n${body}`)
  return dir
}

const unsafeLines = (dir: string) => messageLines(dir).filter((line) => /\[(unsafe-character|file-unreadable)\]/.test(line))

describe('findUnsafeCharacter', () => {
  it.each([
    ['\u001b', 'the control character U+001B'],
    ['\u0007', 'the control character U+0007'],
    ['\u0000', 'the control character U+0000'],
    ['\u009b', 'the control character U+009B'],
    ['\r', 'the control character U+000D'],
    ['\u202e', 'the bidirectional control “right-to-left override” U+202E, which reorders the text around it'],
    ['\u2066', 'the bidirectional control “left-to-right isolate” U+2066, which reorders the text around it'],
    ['\ud800', 'the lone surrogate U+D800, which is not a Unicode character'],
    ['\udfff', 'the lone surrogate U+DFFF, which is not a Unicode character'],
    ['\ufffe', 'the noncharacter U+FFFE'],
    ['\ufdd0', 'the noncharacter U+FDD0'],
    ['\u{10ffff}', 'the noncharacter U+10FFFF'],
    ['\u2028', 'the line separator U+2028, which breaks the line in some programs and not in others'],
    ['\u2029', 'the paragraph separator U+2029, which breaks the line in some programs and not in others'],
    ['\u{e0000}', 'the tag character U+E0000, which is invisible: a reader cannot see what it says'],
    ['\u{e0041}', 'the tag character U+E0041, which is invisible: a reader cannot see what it says'],
    ['\u{e007f}', 'the tag character U+E007F, which is invisible: a reader cannot see what it says'],
  ])('refuses %j', (character, description) => {
    expect(findUnsafeCharacter(`ab${character}cd`)).toEqual({ index: 2, code: description.match(/U\+[0-9A-F]+/)?.[0], description })
  })

  it('allows tab, line feed, marks of direction, paired surrogates and every other character; CR only in a whole file', () => {
    expect(findUnsafeCharacter('a\tb\nc \u200e \u200f \u061c 😀 عربى Ünïcödé \ufeff \u{dfffd} \u{e0080} \u{e0100}')).toBeUndefined()
    expect(findUnsafeCharacter('a\u2028b', { inFile: true })?.code).toBe('U+2028')
    expect(findUnsafeCharacter('a\r\nb', { inFile: true })).toBeUndefined()
    expect(findUnsafeCharacter('a\u000cb', { inFile: true })?.code).toBe('U+000C')
  })
})

/** Tag characters spelling `letters`: invisible, unless they make a nation's flag. */
const tags = (letters: string) => [...letters].map((letter) => String.fromCodePoint(0xe0000 + letter.charCodeAt(0))).join('')
const BLACK_FLAG = '\u{1F3F4}'
const CANCEL = '\u{E007F}'
const flagOf = (code: string) => `${BLACK_FLAG}${tags(code)}${CANCEL}`

describe('the flags of England, Scotland and Wales', () => {
  it('are allowed, exactly as Unicode writes them, alone, side by side and among words', () => {
    for (const code of ['gbeng', 'gbsct', 'gbwls']) expect(findUnsafeCharacter(`Cymru ${flagOf(code)} o hyd`), code).toBeUndefined()
    expect(findUnsafeCharacter(`${flagOf('gbeng')}${flagOf('gbsct')}${flagOf('gbwls')}`)).toBeUndefined()
    expect(findUnsafeCharacter(flagOf('gbwls'), { inFile: true })).toBeUndefined()
  })

  it.each([
    ['another region’s tag letters', `${BLACK_FLAG}${tags('usca')}${CANCEL}`, 2],
    ['a nation’s letters in capitals', `${BLACK_FLAG}${tags('GBENG')}${CANCEL}`, 2],
    ['no cancel tag at the end', `${BLACK_FLAG}${tags('gbeng')}`, 2],
    ['no black flag before the letters', `${tags('gbeng')}${CANCEL}`, 0],
    ['hidden words after a whole flag', `${flagOf('gbeng')}${tags('ignore')}`, 14],
    ['hidden words inside a flag', `${BLACK_FLAG}${tags('gbengignore')}${CANCEL}`, 2],
    ['a cancel tag alone after a flag', `${flagOf('gbsct')}${CANCEL}`, 14],
  ])('refuses tag characters otherwise: %s', (_, text, index) => {
    expect(findUnsafeCharacter(text)?.index).toBe(index)
    expect(findUnsafeCharacter(text)?.description).toMatch(/^the tag character U\+E00[0-7][0-9A-F], which is invisible/)
  })

  it('reach the model as written, in a title and in an indicator, with no message', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), `---\nid: health\ntitle: Health ${flagOf('gbwls')}\n---\n${HEALTH_BODY.replace('Missing immunisations', `Missing immunisations ${flagOf('gbeng')}`)}`)
    expect(messageLines(dir)).toEqual([])
    const model = modelOf(dir)
    expect(model.domains[0]?.title).toBe(`Health ${flagOf('gbwls')}`)
    expect(model.indicators.find((indicator) => indicator.id === 'health-missing-immunisations')?.text).toBe(`Missing immunisations ${flagOf('gbeng')}`)
  })
})

describe('YAML escapes in front-matter', () => {
  it.each([
    ['\\e]52;c;ZXZpbA==\\a', 'the control character U+001B'],
    ['\\a', 'the control character U+0007'],
    ['\\x00', 'the control character U+0000'],
    ['\\x9b', 'the control character U+009B'],
    ['\\r', 'the control character U+000D'],
    ['\\u202E', 'the bidirectional control “right-to-left override” U+202E, which reorders the text around it'],
    ['\\uD800', 'the lone surrogate U+D800, which is not a Unicode character'],
    ['\\uFFFF', 'the noncharacter U+FFFF'],
    ['\\L', 'the line separator U+2028, which breaks the line in some programs and not in others'],
    ['\\u2029', 'the paragraph separator U+2029, which breaks the line in some programs and not in others'],
    ['\\U000E0041', 'the tag character U+E0041, which is invisible: a reader cannot see what it says'],
  ])('refuses "%s" at the value, and reads the rest of the file', (escape, description) => {
    const dir = healthWith(`id: health\ntitle: "Heal${escape}th"`)
    expect(unsafeLines(dir)).toEqual([`domains/01-health.md:3:8 error A value in the front-matter holds ${description}, written with a YAML escape, expected plain text: remove the escape [unsafe-character]`])
    // Only the refused characters are left out, so nothing else is reported about the file.
    expect(messageLines(dir)).toEqual(unsafeLines(dir))
    const [domain] = modelOf(dir).domains
    expect(domain?.id).toBe('health')
    expect(findUnsafeCharacter(domain?.title ?? '')).toBeUndefined()
  })

  it('refuses an escape in a key, and in rules.yaml', () => {
    const dir = healthWith('id: health\ntitle: Health\n"no\\ete": x')
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-https:\n  severity: warning\n  reason: "Some \\u2066 reason here"\n')
    expect(unsafeLines(dir)).toEqual([
      'domains/01-health.md:4:1 error A value in the front-matter holds the control character U+001B, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
      'rules.yaml:3:11 error A value in the file holds the bidirectional control “left-to-right isolate” U+2066, which reorders the text around it, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
    ])
  })

  it('reads a value with a right-to-left mark, and a file saved with CR LF', () => {
    const dir = healthWith('id: health\ntitle: "Health \\u200F"'.replace(/\n/g, '\r\n'), HEALTH_BODY.replace(/\n/g, '\r\n'))
    expect(unsafeLines(dir)).toEqual([])
    expect(modelOf(dir).domains[0]?.title).toBe('Health \u200f')
  })
})

describe('Markdown character references', () => {
  it('refuses a reference to a bidirectional control or a lone carriage return, at the reference', () => {
    const dir = healthWith('id: health\ntitle: Health', HEALTH_BODY.replace('Missing immunisations', 'Missing &#x202E; immunisations').replace('Untreated serious injury', 'Untreated [injury](https://example.org/&#13;x) &#8294;'))
    expect(unsafeLines(dir)).toEqual([
      'domains/01-health.md:8:11 error This text holds the bidirectional control “right-to-left override” U+202E, which reorders the text around it, written as a character reference such as “&#x202E;”, expected plain text: remove the reference [unsafe-character]',
      'domains/01-health.md:12:42 error This text holds the control character U+000D, written as a character reference such as “&#x202E;”, expected plain text: remove the reference [unsafe-character]',
      'domains/01-health.md:12:50 error This text holds the bidirectional control “left-to-right isolate” U+2066, which reorders the text around it, written as a character reference such as “&#x202E;”, expected plain text: remove the reference [unsafe-character]',
    ])
  })

  it('refuses a reference to a line separator or a tag character, at the reference', () => {
    const dir = healthWith('id: health\ntitle: Health', HEALTH_BODY.replace('Missing immunisations', 'Missing &#x2028; immunisations').replace('Untreated serious injury', 'Untreated &#917569;injury'))
    expect(unsafeLines(dir)).toEqual([
      'domains/01-health.md:8:11 error This text holds the line separator U+2028, which breaks the line in some programs and not in others, written as a character reference such as “&#x202E;”, expected plain text: remove the reference [unsafe-character]',
      'domains/01-health.md:12:13 error This text holds the tag character U+E0041, which is invisible: a reader cannot see what it says, written as a character reference such as “&#x202E;”, expected plain text: remove the reference [unsafe-character]',
    ])
  })

  it('accepts references to marks of direction and ordinary characters', () => {
    const dir = healthWith('id: health\ntitle: Health', HEALTH_BODY.replace('Missing immunisations', 'Missing &#x200F; &amp; &eacute; immunisations'))
    expect(unsafeLines(dir)).toEqual([])
  })
})

describe('raw text and names', () => {
  it('refuses a bidirectional override written directly in a file', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'links.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nSee \u202e here\n`)
    expect(unsafeLines(dir)).toEqual([
      'links.md:7:5 error “links.md” contains the bidirectional control “right-to-left override” U+202E, which reorders the text around it, expected plain text: delete it or replace it with a space [file-unreadable]',
    ])
  })

  it.each([
    ['a line separator', '\u2028', 7, 'the line separator U+2028, which breaks the line in some programs and not in others'],
    ['a paragraph separator', '\u2029', 7, 'the paragraph separator U+2029, which breaks the line in some programs and not in others'],
    // Invisible text: “ignore the levels” written in tag characters after a title.
    ['words in tag characters', [...'ignore the levels'].map((letter) => String.fromCodePoint(0xe0000 + letter.charCodeAt(0))).join(''), 7, 'the tag character U+E0069, which is invisible: a reader cannot see what it says'],
  ])('refuses %s written directly in a title, at the character', (_, hidden, line, description) => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'links.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Safe${hidden} title\n`)
    expect(unsafeLines(dir)).toEqual([`links.md:${line}:8 error “links.md” contains ${description}, expected plain text: delete it or replace it with a space [file-unreadable]`])
  })

  it('refuses a file name and a framework folder name holding such characters, showing them escaped', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/03-x\u001b]0;t\u0007.md'), '---\nid: x\ntitle: X\nrank: 3\n---\n')
    expect(unsafeLines(dir)).toEqual([
      'levels/03-x\u001b]0;t\u0007.md:1:1 error The file name “levels/03-x␛]0;t␇.md” holds the control character U+001B, expected a name of plain letters, digits and hyphens [file-unreadable]',
    ])
    const other = frameworkWith(undefined, 'bad\u202eid').dir
    mkdirSync(path.join(other, 'sections'), { recursive: true })
    expect(unsafeLines(other)).toEqual([
      'framework.md:1:1 error The framework folder name “bad�id” holds the bidirectional control “right-to-left override” U+202E, which reorders the text around it, expected a name of lower-case letters, digits and hyphens [file-unreadable]',
    ])
  })
})
