import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AlignType, Link, List, Paragraph, PhrasingContent, RootContent, Table, Text } from 'mdast'
import { frameworkFiles } from '../../scripts/bench/corpus.ts'
import { markdownProcessor, serialise, serialiseTree } from '../../scripts/parse/markdown.ts'
import { proseWithLinks } from '../../scripts/parse/prose-with-links.ts'

/*
 * Paragraphs of prose and links, tight bullet lists of them and tables of such cells, written back without the
 * Markdown writer (prose-with-links.ts): the same Markdown as the writer gives wherever they are
 * taken, and anything the writer might escape or write another way is left to it.
 */

const text = (value: string): Text => ({ type: 'text', value })
const link = (words: string, url: string, title: string | null = null): Link => ({ type: 'link', url, title, children: [text(words)] })
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
const table = (rows: PhrasingContent[][][], align: AlignType[] = (rows[0] ?? []).map(() => null)): Table => ({
  type: 'table',
  align,
  children: rows.map((cells) => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) })),
})
const list = (...items: Paragraph[]): List => ({ type: 'list', ordered: false, spread: false, start: null, children: items.map((item) => ({ type: 'listItem', spread: false, checked: null, children: [item] })) })

describe('paragraphs with links, bullet lists and tables written back', () => {
  it('are written as the writer writes them', () => {
    const nodes: RootContent[] = [
      paragraph(text('See the '), link('early help guidance', '#guidance-3'), text(' and '), link('the partnership', 'https://example.org/a_b'), text('.')),
      list(paragraph(text('First, using the '), link('form', '#form'), text(' today')), paragraph(text('Second\nover two lines')), paragraph(text('In danger, call '), link('999', '#emergency-services'), text('.'))),
      paragraph(link('Only a link', 'other.md#part')),
      table([
        [[text('Factor')], [text('Early help')], []],
        [[text('Housing')], [text('See '), link('the form', '#form')], [text('x')]],
      ]),
    ]
    const expected =
      'See the [early help guidance](#guidance-3) and [the partnership](https://example.org/a_b).\n\n- First, using the [form](#form) today\n- Second\n  over two lines\n- In danger, call [999](#emergency-services).\n\n[Only a link](other.md#part)\n\n| Factor  | Early help            |   |\n| ------- | --------------------- | - |\n| Housing | See [the form](#form) | x |'
    expect(proseWithLinks(nodes)).toBe(expected)
    expect(serialiseTree(nodes)).toBe(expected)
    // An author's note between the blocks is left out, as the writer's way leaves it out.
    const noted: RootContent[] = [{ type: 'html', value: '<!-- from the PDF, page 3 -->' }, ...nodes]
    expect(serialise(noted)).toBe(expected)
    expect(serialiseTree(noted)).toBe(expected)
  })

  it('write a line break after a link, and link words ending in a space, as the writer does', () => {
    const nodes: RootContent[] = [paragraph(link('b', '#b'), text('\nnext line')), paragraph(text('See '), link('the form ', '#form'), text('.'))]
    const expected = '[b](#b)\nnext line\n\nSee [the form ](#form).'
    expect(proseWithLinks(nodes)).toBe(expected)
    expect(serialiseTree(nodes)).toBe(expected)
  })

  it('leave to the writer what it writes another way', () => {
    const notTaken: RootContent[][] = [
      [],
      // The address as the words: written as <address>.
      [paragraph(link('https://example.org', 'https://example.org'))],
      [paragraph(link('help@example.org', 'mailto:help@example.org'))],
      // A title, an address with a space or brackets, words over two lines, no words.
      [paragraph(link('a', '#a', 'A title'))],
      [paragraph(link('a', 'a b.md'))],
      [paragraph(link('a', 'a(b)'))],
      [paragraph(link('a\nb', '#a'))],
      [paragraph({ type: 'link', url: '#a', title: null, children: [] })],
      // A list right after a list takes the other bullet.
      [list(paragraph(text('a'))), list(paragraph(text('b')))],
      // Ordered, loose, a task, an item of two paragraphs, an empty list.
      [{ ...list(paragraph(text('a'))), ordered: true }],
      [{ ...list(paragraph(text('a')), paragraph(text('b'))), spread: true }],
      [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, checked: false, children: [paragraph(text('a'))] }] }],
      [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph(text('a')), paragraph(text('b'))] }] }],
      [{ type: 'list', ordered: false, spread: false, children: [] }],
      // Texts the writer escapes where they stand: a line starting with a marker, spaces at a line's end.
      [paragraph(text('1. a '), link('b', '#b'))],
      [paragraph(link('b', '#b'), text(' c\n- d'))],
      [paragraph(link('b', '#b'), text(' c '))],
      [paragraph(text('a \n'), link('b', '#b'))],
      [paragraph(text('a'), { type: 'emphasis', children: [text('b')] })],
      // Two texts side by side: “W” then “.a” is escaped as “W\.a”.
      [paragraph(text('aW'), text('.a'))],
      [{ type: 'heading', depth: 2, children: [text('A')] }],
      // Anything but texts and links, first or after a link: written `*b*`, `[a](#a)\`b\``.
      [paragraph({ type: 'emphasis', children: [text('b')] })],
      [paragraph(link('a', '#a'), { type: 'inlineCode', value: 'b' })],
      // Link words that are more than one text, or not a text: `[a *b*](#a)`, `[\`a\`](#a)`.
      [paragraph({ type: 'link', url: '#a', title: null, children: [text('a '), { type: 'emphasis', children: [text('b')] }] })],
      [paragraph({ type: 'link', url: '#a', title: null, children: [{ type: 'inlineCode', value: 'a' }] })],
      // Words that are the address, without “://”: written `<mailto:a>`.
      [paragraph(link('mailto:a', 'mailto:a'))],
      // An item that is one heading: `- ## a`.
      [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, checked: null, children: [{ type: 'heading', depth: 2, children: [text('a')] }] }] }],
      // Tables: aligned columns, a row short of a cell, a cell of two lines or a pipe, no rows.
      [table([[[text('a')], [text('b')]]], ['left', null])],
      [table([[[text('a')], [text('b')]], [[text('c')]]])],
      [table([[[text('a\nb')]]])],
      [table([[[text('a|b')]]])],
      [{ type: 'table', align: [null], children: [] }],
    ]
    expect(notTaken.map((nodes) => proseWithLinks(nodes))).toEqual(notTaken.map(() => undefined))
  })

  it('give what the writer gives for random paragraphs, lists and tables', () => {
    const character = fc.oneof(
      { arbitrary: fc.constantFrom(...'aZw0 .,;:?\'"’“()/&-é٣'.split('')), weight: 20 },
      { arbitrary: fc.constantFrom(...'\n*_[]#<>!`~|\\=+@\t\u00a0W'.split('')), weight: 2 },
    )
    const anyWords = fc.string({ unit: character, minLength: 1, maxLength: 20 })
    // Most led by a letter, as prose is, so that many trees are taken; some anything at all.
    const words = fc.oneof({ arbitrary: fc.tuple(fc.constantFrom('a', 'Z', 'é'), anyWords).map(([first, rest]) => first + rest), weight: 3 }, { arbitrary: anyWords, weight: 1 })
    const address = fc.oneof({ arbitrary: fc.constantFrom('#guidance-3', 'other.md', 'https://example.org/a', 'mailto:a', 'a'), weight: 3 }, { arbitrary: fc.string({ unit: fc.constantFrom(...'a#/.:_-0 ()<>&\\'.split('')), minLength: 0, maxLength: 8 }), weight: 1 })
    const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
      { arbitrary: words.map(text), weight: 3 },
      { arbitrary: fc.tuple(words, address).map(([label, url]): PhrasingContent => link(label, url)), weight: 2 },
      // Words of a link led by anything: a digit, a space, a marker.
      { arbitrary: fc.tuple(anyWords, address).map(([label, url]): PhrasingContent => link(label, url)), weight: 1 },
      { arbitrary: words.map((value): PhrasingContent => link(value, value)), weight: 1 },
    )
    const para = fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((children) => paragraph(...children))
    const cell = fc.array(phrasing, { maxLength: 2 })
    const rows = fc.integer({ min: 1, max: 3 }).chain((columns) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 3 }))
    const align = fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.constantFrom<AlignType>('left', 'center', 'right'), weight: 1 })
    const tableOf = fc.tuple(rows, fc.array(align, { minLength: 3, maxLength: 3 })).map(([cells, aligns]) => table(cells, aligns.slice(0, cells[0]?.length)))
    const comment = fc.constantFrom<RootContent>({ type: 'html', value: '<!-- a note -->' }, { type: 'html', value: '<div>' })
    const block: fc.Arbitrary<RootContent> = fc.oneof(
      { arbitrary: para, weight: 2 },
      { arbitrary: comment, weight: 1 },
      { arbitrary: fc.array(para, { minLength: 1, maxLength: 3 }).map((items) => list(...items)), weight: 1 },
      { arbitrary: tableOf, weight: 1 },
    )
    let tables = 0
    let taken = 0
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 2 }), (nodes) => {
        if (proseWithLinks(nodes) !== undefined) taken++
        if (proseWithLinks(nodes) !== undefined && nodes.some((node) => node.type === 'table')) tables++
        expect(proseWithLinks(nodes) ?? serialiseTree(nodes)).toBe(serialiseTree(nodes))
        // serialise takes authors' notes out first, then tries the same ways.
        expect(serialise(nodes)).toBe(serialiseTree(nodes))
      }),
      { numRuns: 4000, seed: 20261130 },
    )
    // The comparison means something only if many trees were taken.
    expect(taken).toBeGreaterThan(150)
    expect(tables).toBeGreaterThan(35)
  })

  it('give what the writer gives for every paragraph, list and table of the bench corpus', () => {
    let taken = 0
    let blocks = 0
    for (const n of [1, 2]) {
      for (const source of frameworkFiles(`partnership-000${n}`, 300, n).values()) {
        for (const node of markdownProcessor().parse(source).children) {
          if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'table') continue
          blocks++
          if (proseWithLinks([node]) !== undefined) taken++
          expect(serialise([node])).toBe(serialiseTree([node]))
        }
      }
    }
    expect(blocks).toBeGreaterThan(40)
    expect(taken).toBeGreaterThan(blocks / 2)
  })
})
