/**
 * Plain-text fields, `#id` links, bullet lists and tables apart, are rendered without a parse (generate/plain-field.ts): whatever the fast path
 * answers must be exactly what the full path (renderParsed) gives, on generated strings full of
 * the characters that matter to Markdown, GFM and the Markdown writer, and on every field of the
 * bench corpus and of the shipped frameworks. Anything else goes to the full path.
 *
 * Runs: 3,000 strings per generator by default (THRESHOLDS_PLAIN_FIELD_RUNS); corpus frameworks
 * 10 (THRESHOLDS_PLAIN_FIELD_FRAMEWORKS=100 for the bench's whole corpus-100, the same frameworks).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { writeCorpus } from '../../scripts/bench/corpus.ts'
import { addressesOf } from '../../scripts/generate/markdown.ts'
import { plainField } from '../../scripts/generate/plain-field.ts'
import { parseField, renderField, renderParsed } from '../../scripts/generate/render-field.ts'
import { markdownValues } from '../../scripts/model/order.ts'
import { findFrameworkFolders, loadFrameworks } from '../../scripts/parse/index.ts'
import { repoRoot } from '../helpers.ts'

const RUNS = Number(process.env.THRESHOLDS_PLAIN_FIELD_RUNS ?? 3000)
const FRAMEWORKS = Number(process.env.THRESHOLDS_PLAIN_FIELD_FRAMEWORKS ?? 10)
const none = new Map<string, string | undefined>()
/** Addresses for the generated links: plain ones, none, and ones the writer or the HTML would change. */
const addresses = new Map<string, string | undefined>([
  ['x', 'https://www.x.org/a-b/c.d'],
  ['y', undefined],
  ['u', 'https://x.org'],
  ['m', 'mailto:a@b.co'],
  ['k', 'mailto:abc'],
  ['t', 'tel:+441234'],
  ['q', 'https://x.org/a?b=1&c=2'],
  ['p', 'https://x.org/a_(b)'],
  ['s', 'https://x.org/a b'],
  ['e', ''],
  ['j', 'javascript:alert(1)'],
])
const LINKS = ['[a](#x)', '[w b](#y)', '[a](#m)', '[a](#t)', '[a](#q)', '[a](#p)', '[a](#s)', '[a](#e)', '[a](#j)', '[a](#nowhere)', '[https://x.org](#u)', '[a@b.co](#m)', '[abc](#k)', '[ a](#x)', '[a ](#y)', '[a](#x', '](#', '(#x)', '[[a](#x)](#y)', '[a]( #x)', '[a](#x "t")']

/** Pieces of text that mean something to Markdown or GFM, or to the writer's escaping, and plain ones. */
const PIECES = [
  'a', 'Z', 'w', 'W', 'p', 's', '.', 'www.', 'http://', 'https://x.org', 's:/', ':', '@', 'a@b.c', '&', '&amp;', '&#', '&#x41;', '&#x77;', '&#64;', 'ww', '&#x77;ww.a.b', 'a&#64;b.co', '&#104;ttp://x.y',
  '<', '<a', '</', '<!', '>', '-', '--', '---', '+', '1', '1.', '2)', '10.', '=', '==', '#', '# ', '*', '_', '`', '~', '~~', '|', '[', ']',
  '[^1]', '!', '![', '\\', ' ', '  ', '\n', '\n\n', '\n\n\n', '\t', '\r', '\r\n', '\u00a0', '\u2028', '\uFEFF', 'é', '😀', '(', ')',
  '"', "'", '’', '\0', '\x01', '\x7f', 'x', 'Tom', ' and ', ', ', '; ', '?', '%', '£', '/', '{', '}', '^', '$', ...LINKS,
]
const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''))
/** Prose: words, spaces, common punctuation and line breaks, so the fast path is taken often. */
const prose = fc
  .array(fc.constantFrom('Word', 'the', 'child', '16', '2.5', 'now', '.', ',', ' ', ' ', ' ', '\n', '\n\n', '&', '<', '>', '(', ')', '-', '’', ':', '?', '"', ...LINKS), { maxLength: 20 })
  .map((parts) => parts.join(''))

/** Bullet lists and paragraphs apart by line breaks and blank lines, with markers Markdown and the fast path treat otherwise, so lists are drawn often. */
const words = fc
  .array(fc.constantFrom('Word', 'the', 'child', '16', '2.5', '.', ',', ' ', ' ', '&', '<', '>', '(', ')', '-', '’', ':', '?', '"', '*', '1.', ...LINKS), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''))
/** Items the fast path mostly takes: words apart by one space (a marker first makes another list). */
const cleanWords = fc
  .array(fc.constantFrom('Word', 'the', 'child', '16', '2.5', 'now.', 'it,', '&', '<', '>', '’', '(a)', '-', '+', '1.', ...LINKS.slice(0, 4)), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(' '))
const lists = fc
  .array(fc.tuple(fc.constantFrom('- ', '- ', '- ', '- ', '- ', '- ', '-', '-  ', '* ', '+ ', '1. ', '', ' - '), fc.oneof(cleanWords, cleanWords, cleanWords, words, prose), fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\n\n', '\n\n', '\n\n\n', ' \n', '\n  ')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([marker, words, end], index) => `${marker}${words}${index < parts.length - 1 ? end : ''}`).join(''))

/** Tables, sometimes with a paragraph or list around, with rows, rules and cells GFM reads otherwise or not as a table. */
const cleanCell = cleanWords.filter((text) => !/^(?:[-+>]|1\.)/.test(text))
const cell = fc.oneof(cleanCell, cleanCell, cleanCell, cleanCell, cleanCell, cleanCell, words, fc.constantFrom('', ' ', '  a  ', 'a\\|b', '`a|b`', '-', ':-', '1.'))
const rules = fc.constantFrom('---', '---', '---', '---', '-', '-', ':--', '--:', ':-:', ' --- ', '- -', '', '=', ':', '::')
const tableRow = (cells: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(cells, { minLength: 1, maxLength: 4 }), fc.constantFrom('|', '|', '|', '|', '', ' |')).map(([row, edge]) => `${edge}${row.join('|')}${edge.trim()}`)
const tables = fc
  .tuple(fc.constantFrom('', '', '', 'Before.\n\n', 'Before.\n\n', 'Before.\n', '- a\n\n'), fc.integer({ min: 1, max: 3 }), fc.array(fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4), { minLength: 1, maxLength: 4 }), fc.array(cell, { minLength: 16, maxLength: 16 }), fc.oneof(fc.array(rules, { minLength: 3, maxLength: 3 }), fc.constantFrom(['---', '---', '---'], [':-', '-:', ':-:'])), fc.constantFrom('', '', '', '', '\n\nAfter.', '\n\n- b', '\nAfter', '\n'), fc.boolean())
  .map(([before, columns, bodyWidths, cells, ruleCells, after, trimmed]) => {
    let next = 0
    const row = (width: number, from: readonly string[]) => `| ${from.slice(0, width).map((text) => (trimmed ? text : ` ${text} `)).join(' | ')} |`
    const cellsFor = (width: number) => Array.from({ length: width }, () => cells[next++ % cells.length] as string)
    return `${before}${[row(columns, cellsFor(columns)), row(columns, ruleCells), ...bodyWidths.map((width) => row(width || columns, cellsFor(width || columns)))].join('\n')}${after}`
  })

/** How many of `values` the fast path took; each one it took equals the full path. */
function sameAsFullPath(values: Iterable<string>, known: ReadonlyMap<string, string | undefined> = addresses): number {
  let taken = 0
  for (const value of values) {
    const fast = plainField(value, known)
    if (fast === undefined) continue
    taken++
    expect(fast, JSON.stringify(value)).toEqual(renderParsed(value, known))
  }
  return taken
}

describe('a plain-text field rendered without a parse', () => {
  it('is a paragraph of the text, & and < escaped as hast-util-to-html escapes them', () => {
    expect(plainField('Tom & Jerry < 5 > 3', none)).toEqual({ markdown: 'Tom & Jerry < 5 > 3', html: '<p>Tom &#x26; Jerry &#x3C; 5 > 3</p>', text: 'Tom & Jerry < 5 > 3' })
    expect(plainField('One\ntwo\n\nThree', none)).toEqual({ markdown: 'One\ntwo\n\nThree', html: '<p>One\ntwo</p>\n<p>Three</p>', text: 'One\ntwo\n\nThree' })
  })

  it('has each `#id` link as an <a> to its address, or as its words when it has none', () => {
    expect(plainField('See the [front door](#x) & [level 1](#y).', addresses)).toEqual({
      markdown: 'See the [front door](https://www.x.org/a-b/c.d) & level 1.',
      html: '<p>See the <a href="https://www.x.org/a-b/c.d">front door</a> &#x26; level 1.</p>',
      text: 'See the front door & level 1.',
    })
  })

  it('is a bullet list of such words as <ul>, written with `*`, its text a line per item', () => {
    expect(plainField('Before:\n\n- One & [front door](#x).\n- Two [level 1](#y) < 3\n\nAfter.\n\n- Three', addresses)).toEqual({
      markdown: 'Before:\n\n* One & [front door](https://www.x.org/a-b/c.d).\n* Two level 1 < 3\n\nAfter.\n\n* Three',
      html: '<p>Before:</p>\n<ul>\n<li>One &#x26; <a href="https://www.x.org/a-b/c.d">front door</a>.</li>\n<li>Two level 1 &#x3C; 3</li>\n</ul>\n<p>After.</p>\n<ul>\n<li>Three</li>\n</ul>',
      text: 'Before:\n\nOne & front door.\nTwo level 1 < 3\n\nAfter.\n\nThree',
    })
  })

  it('is a table of such cells, written as the Markdown writer pads it, its text a line per row', () => {
    expect(plainField('Ask:\n\n| Question | Who to [call](#t) |\n|:--|:-:|\n| Is it & safe? | [The door](#y) |\n| No | 999 |', addresses)).toEqual({
      markdown: 'Ask:\n\n| Question      | Who to [call](tel:+441234) |\n| :------------ | :------------------------: |\n| Is it & safe? |          The door          |\n| No            |             999            |',
      html: '<p>Ask:</p>\n<table>\n<thead>\n<tr>\n<th align="left">Question</th>\n<th align="center">Who to <a href="tel:+441234">call</a></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">Is it &#x26; safe?</td>\n<td align="center">The door</td>\n</tr>\n<tr>\n<td align="left">No</td>\n<td align="center">999</td>\n</tr>\n</tbody>\n</table>',
      text: 'Ask:\n\nQuestion | Who to call\nIs it & safe? | The door\nNo | 999',
    })
  })

  it('leaves to the full path what Markdown, GFM or the writer would treat otherwise', () => {
    // A link whose words are its address (`tel:+441234`) is written as an autolink: `Call <tel:+441234> now`.
    for (const value of ['Call [tel:+441234](#t) now', '[a](#q)', '[a](#p)', '[a](#s)', '[https://x.org](#u)', '[a@b.co](#m)', '[abc](#k)', '[ a](#x)', '[a](#x "t")', '', 'now.Next', 'see www.example.org', 'https://x.org', 'a@b.c', '&amp;', '<b>', '*a*', 'a_b', '`a`', 'a|b', '[a](b)', '1. a', '2) a', '+ a', '- a\n\n- b', '- a\nb', 'a\n- b', '- - a', '- 1. a', '-  a', '- a \n- b', '- ', '-\n- a', '- a\n\n  b', '- *a*', '| a | b |\n| - | - |', '| a | b |\n| - | - |\n| c |', '| a | b |\n| - |\n| c | d |', '| a |\n| = |\n| b |', '| a |\n| - |\n| |', '| a |\n| - |\nb', 'a |\n| - |\n| b |', '| a |\n| - |\n| 1. |', '> a', 'a\n=', ' a', 'a ', 'a\n\n\nb', 'a\tb', 'a\r\nb', 'a\\', '#a', 'a~b', '\uFEFFa', 'a\0b']) {
      expect(plainField(value, addresses), JSON.stringify(value)).toBeUndefined()
    }
  })

  it('leaves to the full path a table line not written `| … |` and a table of one line', () => {
    // GFM takes a rule row without its outer pipes, alignment included (`:-- | --:` is left, right):
    // cutting such a row's first or last character as a pipe would lose a colon. One line is a paragraph.
    for (const value of ['| a | b |\n:-- | --: |\n| c | d |', '| a | b |\n| :-- | --:\n| c | d |', '| a |', 'Before.\n\n| a |']) {
      expect(plainField(value, addresses), JSON.stringify(value)).toBeUndefined()
    }
    expect(renderParsed('| a | b |\n:-- | --: |\n| c | d |', addresses).markdown).toBe('| a  |  b |\n| :- | -: |\n| c  |  d |')
  })

  it(`gives what the full path gives, on generated strings (${RUNS} of each kind)`, () => {
    let taken = 0
    let linked = 0
    let listed = 0
    let tabled = 0
    // Seeded: the counts below depend on the strings drawn, and a count that varied between runs
    // could fail one run in many.
    for (const [kind, arbitrary] of [pieces, prose, fc.string({ unit: 'binary', maxLength: 40 }), lists, tables, tableRow(cell).map((row) => `${row}\n| - |`)].entries()) {
      fc.assert(
        fc.property(arbitrary, (value) => {
          const took = sameAsFullPath([value])
          taken += took
          if (took && value.includes('](#')) linked++
          if (took && value.startsWith('- ')) listed++
          if (took && value.includes('\n|')) tabled++
        }),
        { numRuns: RUNS, seed: 20261130 + kind },
      )
    }
    // The property would hold vacuously if the fast path never answered, or never with a link.
    expect(taken).toBeGreaterThan(RUNS / 2)
    expect(linked).toBeGreaterThan(RUNS / 40)
    expect(listed).toBeGreaterThan(RUNS / 40)
    expect(tabled).toBeGreaterThan(RUNS / 40)
  })

  it('gives what the full path gives on every field of the shipped frameworks', () => {
    const frameworks = loadFrameworks(findFrameworkFolders([path.join(repoRoot, 'sources')], repoRoot)).map((context) => context.framework)
    expect(frameworks.flatMap((framework) => [...markdownValues(framework)]).length).toBe(83)
    expect(frameworks.map((framework) => sameAsFullPath(markdownValues(framework), addressesOf(framework))).reduce((sum, taken) => sum + taken)).toBe(65)
  })

  it(`gives what the full path gives on every field of the bench corpus (${FRAMEWORKS} frameworks), and renderField on them is the full path`, () => {
    const sources = writeCorpus(mkdtempSync(path.join(tmpdir(), 'thresholds-plain-')), { frameworks: FRAMEWORKS })
    const frameworks = loadFrameworks(findFrameworkFolders([sources], sources)).map((context) => context.framework)
    expect(frameworks.flatMap((framework) => [...markdownValues(framework)]).length).toBe(FRAMEWORKS * 34)
    expect(frameworks.map((framework) => sameAsFullPath(markdownValues(framework), addressesOf(framework))).reduce((sum, taken) => sum + taken)).toBe(FRAMEWORKS * 34)
    for (const framework of frameworks) {
      const known = addressesOf(framework)
      for (const value of markdownValues(framework)) expect(renderField(value, known)).toEqual(renderParsed(value, known))
    }
  }, 120_000 * Math.max(1, FRAMEWORKS / 10))
})

describe('a field parsed without GFM\'s literal-autolink pass when it cannot hold one', () => {
  const reference = unified().use(remarkParse).use(remarkGfm).freeze()

  it('still finds literal autolinks, written or spelled with character references', () => {
    for (const value of ['see www.example.org', 'see https://x.org/a', 'mail a@b.co', 'see &#x77;ww.example.org', 'see WWW.EXAMPLE.ORG']) {
      const tree = parseField(value)
      expect(tree, value).toEqual(reference.parse(value))
      expect(JSON.stringify(tree), value).toContain('"type":"link"')
    }
  })

  it(`gives remark-parse with remark-gfm's tree (${RUNS} strings of each kind)`, () => {
    // Seeded: the counts below depend on the strings drawn, and a count that varied between runs
    // could fail one run in many.
    for (const [kind, arbitrary] of [pieces, prose, fc.string({ unit: 'binary', maxLength: 40 })].entries()) {
      fc.assert(
        fc.property(arbitrary, (value) => {
          expect(parseField(value)).toEqual(reference.parse(value))
        }),
        { numRuns: RUNS },
      )
    }
  })
})
