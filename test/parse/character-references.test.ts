import { describe, expect, it } from 'vitest'
import { built, MINIMAL, problemsOf } from './in-memory.ts'

/*
 * Markdown character references (scripts/parse/characters.ts) that write a character no text may
 * hold are refused at the reference itself, in words, addresses, titles and descriptions of
 * images alike, once per piece of text; the build runs in memory on this thread.
 */

const HEALTH = MINIMAL['domains/01-health.md'] as string

/** The problems of the minimal framework whose first indicator reads `indicator`. */
function problemsWith(indicator: string, health = HEALTH): string[] {
  return problemsOf(built({ 'domains/01-health.md': health.replace('Missing immunisations', indicator) })).filter((line) => line.endsWith('[unsafe-character]'))
}

const refused = (place: string, what: string) => `domains/01-health.md:${place} This text holds ${what}, written as a character reference such as “&#x202E;”, expected plain text: remove the reference [unsafe-character]`
const OVERRIDE = 'the bidirectional control “right-to-left override” U+202E, which reorders the text around it'

describe('a character reference to a character no text may hold', () => {
  it('is refused at the reference, after a safe reference and words', () => {
    expect(problemsWith('Missing &#65; &amp; &#x202E;immunisations')).toEqual([refused('8:23', OVERRIDE)])
  })

  it('is refused in decimal, in hexadecimal with a capital X, and in a link’s address, title and an image’s description', () => {
    expect(problemsWith('Missing &#8238; [care](https://example.org/&#X202E;) [plan](https://example.org "a &#x202E;") ![a &#x202E;b](https://example.org/i.png)')).toEqual([
      refused('8:11', OVERRIDE),
      refused('8:46', OVERRIDE),
      refused('8:86', OVERRIDE),
      refused('8:101', OVERRIDE),
    ])
  })

  // Without its semicolon, “&#x202E” is no reference: the Markdown parser keeps it as written.
  it('is refused at the reference the Markdown parser read, not at the same written without its semicolon', () => {
    expect(problemsWith('Missing &#x202E &#x202E;immunisations')).toEqual([refused('8:19', OVERRIDE)])
  })

  it('is given from the start to the end of the reference', () => {
    const context = built({ 'domains/01-health.md': HEALTH.replace('Missing immunisations', 'Missing &#65; &#x202E;immunisations') })
    const [message] = context.folder.files.flatMap((file) => file.source.vfile.messages).filter((message) => message.ruleId === 'unsafe-character')
    expect(message?.place).toEqual({ start: { line: 8, column: 17, offset: expect.any(Number) }, end: { line: 8, column: 25, offset: expect.any(Number) } })
  })

  it('is refused once per piece of text, at its first such reference', () => {
    expect(problemsWith('Missing &#x202E; and &#x202D; immunisations')).toEqual([refused('8:11', OVERRIDE)])
  })

  // The Markdown parser reads a reference to a control character, a noncharacter or a code point
  // past the last as the replacement character U+FFFD, which is accepted: the place given is
  // that of the reference to the character the message names.
  it('is refused at its own reference, not at an earlier one the Markdown parser reads as U+FFFD', () => {
    expect(problemsWith('Missing &#27; &#x10FFFF; &#x110000; &#x202E;immunisations')).toEqual([refused('8:39', OVERRIDE)])
  })

  it('is not a reference the Markdown parser reads as U+FFFD', () => {
    expect(problemsWith('Missing &#27; &#x10FFFF; &#x110000; immunisations')).toEqual([])
  })

  it('is not looked for in an HTML comment or the front-matter, which are never published as text', () => {
    expect(problemsWith('Missing immunisations <!-- &#x202E; -->', HEALTH.replace('title: Health', 'title: Health &#x202E;'))).toEqual([])
  })
})

describe('a file saved with CR LF line ends, or CR alone (old Mac files)', () => {
  const withLineEnds = (end: string, indicator = 'Missing\nimmunisations'): string[] =>
    problemsOf(built({ 'domains/01-health.md': HEALTH.replace('Missing immunisations', indicator).replace(/\n/g, end) })).filter((line) => line.endsWith('[unsafe-character]'))

  it('keeps its soft line breaks: a CR that ends a line is no refused character', () => {
    expect(withLineEnds('\r\n')).toEqual([])
    // Was refused as a character reference to U+000D, failing every paragraph over two lines.
    expect(withLineEnds('\r')).toEqual([])
  })

  it('still refuses a CR written as a reference before a line end, and another character after one', () => {
    const carriageReturn = 'the control character U+000D'
    expect(withLineEnds('\r\n', 'Missing &#13;\nimmunisations')).toEqual([refused('8:11', carriageReturn)])
    expect(withLineEnds('\r', 'Missing &#13;\nimmunisations')).toEqual([refused('8:11', carriageReturn)])
    expect(withLineEnds('\r', 'Missing\nimmunisations &#x202E;now')).toEqual([refused('9:15', OVERRIDE)])
  })

  // read.ts refuses a file holding such a character before it is parsed; a text given to the
  // model without it (as here, in memory) is still looked through, with no “&” in the file.
  it('is also refused when written as itself in a text that did not come through the file reader', () => {
    expect(problemsWith('Missing \u202Eimmunisations')).toEqual([refused('8:3', OVERRIDE)])
  })
})
