import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Paragraph, RootContent } from 'mdast'
import { frameworkFiles } from '../../scripts/bench/corpus.ts'
import { markdownProcessor, serialise, serialiseTree } from '../../scripts/parse/markdown.ts'
import { plainParagraphs } from '../../scripts/parse/plain-paragraphs.ts'

/*
 * Paragraphs of plain prose written back without the Markdown writer (plain-paragraphs.ts): the
 * same Markdown as the writer gives wherever they are taken, and anything the writer might
 * escape is left to it.
 */

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })

describe('plain paragraphs written back', () => {
  it('are their own text, a blank line apart', () => {
    expect(plainParagraphs([paragraph('Early help: the family’s “own” plan (2026), 3 times.'), paragraph('Second one\nover two lines & more.')])).toBe(
      'Early help: the family’s “own” plan (2026), 3 times.\n\nSecond one\nover two lines & more.',
    )
  })

  it('leave to the writer anything it might escape, and it does', () => {
    // Each of these the writer changes; the last three it keeps, but they are not sure enough to take.
    const escaped = ['1. First', 'a\n2) b', '- a', 'a\n:-', 'www.example.org', 'see http://x', '&amp here', 'a &copy; b', 'a *b*', '# a', 'a ', ' a', 'a\n\nb', 'a\n', 'a [b]', 'a ~b']
    expect(escaped.filter((value) => serialiseTree([paragraph(value)]) === value)).toEqual([])
    const left = [...escaped, 'a_b', 'a\tb', 'x < y', '']
    expect(left.filter((value) => plainParagraphs([paragraph(value)]) !== undefined)).toEqual([])
    const notParagraphs: RootContent[][] = [
      [],
      [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'A' }] }],
      [{ type: 'paragraph', children: [{ type: 'text', value: 'a ' }, { type: 'emphasis', children: [{ type: 'text', value: 'b' }] }] }],
      // Plain words first, then more than words: the paragraph is more than its first text.
      [{ type: 'paragraph', children: [{ type: 'text', value: 'Plain words' }, { type: 'break' }, { type: 'text', value: 'after a break' }] }],
      // One child that is not text, though it holds plain words.
      [{ type: 'paragraph', children: [{ type: 'inlineCode', value: 'plain words' }] }],
      [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'b' }] }] }],
    ]
    expect(notParagraphs.map((nodes) => plainParagraphs(nodes))).toEqual(notParagraphs.map(() => undefined))
  })

  it('give what the writer gives for random text', () => {
    const character = fc.oneof(
      { arbitrary: fc.constantFrom(...'aZw0 .,;:?\'"’“()/&-é٣'.split('')), weight: 20 },
      { arbitrary: fc.constantFrom(...'\n*_[]#<>!`~|\\=+\t\u00a0W'.split('')), weight: 2 },
    )
    const text = fc.string({ unit: character, minLength: 1, maxLength: 30 })
    let taken = 0
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (values) => {
        const nodes = values.map(paragraph)
        if (plainParagraphs(nodes) !== undefined) taken++
        expect(serialise(nodes)).toBe(serialiseTree(nodes))
      }),
      { numRuns: 3000, seed: 20261130 },
    )
    // The comparison means something only if many texts were taken.
    expect(taken).toBeGreaterThan(500)
  })

  it('give what the writer gives for every paragraph of the bench corpus', () => {
    let taken = 0
    let paragraphs = 0
    for (const n of [1, 2]) {
      for (const text of frameworkFiles(`partnership-000${n}`, 300, n).values()) {
        for (const node of markdownProcessor().parse(text).children) {
          if (node.type !== 'paragraph') continue
          paragraphs++
          if (plainParagraphs([node]) !== undefined) taken++
          expect(serialise([node])).toBe(serialiseTree([node]))
        }
      }
    }
    expect(paragraphs).toBeGreaterThan(40)
    expect(taken).toBeGreaterThan(paragraphs / 2)
  })
})
