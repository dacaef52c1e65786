import type { Heading, Paragraph, Root, RootContent } from 'mdast'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toMarkdown } from 'mdast-util-to-markdown'
import { copyTree, markdownProcessor, MAX_NESTING, minHeadingDepth, nestingTooDeep, parseMarkdown, plainText, serialise, SERIALISE_STYLE, someNode, splitByHeading, takeAttributes, TreeMemo, withoutComments } from '../../scripts/parse/markdown.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'

/*
 * The Markdown helpers of the parser (scripts/parse/markdown.ts), on trees parsed on this thread:
 * the parser's plugins, the nesting pre-scan, plain words, attribute blocks, comments and the
 * fixed style of generated Markdown.
 */

const fileOf = (text: string) => createSourceFile('sources/x/a.md', 'a.md', text)
const parsed = (text: string): Root => parseMarkdown(fileOf(text))
const first = <T>(text: string) => parsed(text).children[0] as T

describe('the Markdown parser', () => {
  it('is one processor, reading front-matter and GitHub tables', () => {
    expect(markdownProcessor()).toBe(markdownProcessor())
    expect(parsed('---\nid: a\n---\n\n| A |\n| - |\n| b |\n').children.map((node) => node.type)).toEqual(['yaml', 'table'])
    expect(first<{ value: string }>('---\nid: a\n---\n').value).toBe('id: a')
  })
})

describe('the nesting pre-scan', () => {
  it('refuses more than the deepest nesting of markers opened on one line, at that line', () => {
    expect(nestingTooDeep(`a\n${'- '.repeat(MAX_NESTING + 1)}x`)).toEqual({ line: 2 })
    expect(nestingTooDeep(`${'> '.repeat(MAX_NESTING + 1)}x`)).toEqual({ line: 1 })
    expect(nestingTooDeep(`${'1. '.repeat(MAX_NESTING + 1)}x`)).toEqual({ line: 1 })
  })

  it('accepts the deepest nesting itself, and markers that are not followed by a space', () => {
    expect(nestingTooDeep(`${'- '.repeat(MAX_NESTING)}x`)).toBeUndefined()
    expect(nestingTooDeep(`${'-'.repeat(3 * MAX_NESTING)}`)).toBeUndefined()
  })

  it('refuses an indent of more than twice the deepest nesting, counting lines ended by CR, LF or both', () => {
    expect(nestingTooDeep(`a\r\nb\rc\n${' '.repeat(2 * MAX_NESTING + 1)}x`)).toEqual({ line: 4 })
    expect(nestingTooDeep(`${' '.repeat(2 * MAX_NESTING)}x`)).toBeUndefined()
    // A deep line after a lone CR at the very end of a line, and a CRLF split across no text at all.
    expect(nestingTooDeep(`a\r\r\n\n${'> '.repeat(MAX_NESTING + 1)}`)).toEqual({ line: 4 })
    expect(nestingTooDeep(`${'> '.repeat(MAX_NESTING + 1)}\r`)).toEqual({ line: 1 })
  })

  it('finds the line the text split at every line ending would give', () => {
    // The reading before lines were found without splitting the text: the reference.
    const bySplitting = (text: string): { line: number } | undefined => {
      let line = 0
      for (const raw of text.split(/\r\n|\r|\n/)) {
        line++
        if (raw.length < MAX_NESTING) continue
        const prefix = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$))*/.exec(raw)?.[0] ?? ''
        const markers = prefix.match(/(?:[-*+>]|\d{1,9}[.)])(?=[ \t]|$)/g)?.length ?? 0
        const indent = /^ */.exec(raw)?.[0].length ?? 0
        if (markers > MAX_NESTING || indent > MAX_NESTING * 2) return { line }
      }
      return undefined
    }
    const piece = fc.oneof(
      fc.constantFrom('\n', '\r', '\r\n', 'a', '', 'x y'),
      fc.integer({ min: 95, max: 105 }).chain((count) => fc.constantFrom('- ', '> ', '1. ', ' ', '  ').map((marker) => marker.repeat(count))),
    )
    let deep = 0
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('')
        if (bySplitting(text)) deep++
        expect(nestingTooDeep(text)).toEqual(bySplitting(text))
      }),
      { numRuns: 3000, seed: 20261130 },
    )
    // Many texts were refused, so the line numbers were compared too.
    expect(deep).toBeGreaterThan(300)
  })
})

describe('plain words', () => {
  it('are the words of a node on one line, a hard break parting them, with image descriptions and without HTML', () => {
    expect(plainText(first<Paragraph>('Some  *very*\nlong  \nwords ![an image](i.png) <b>bold</b>'))).toBe('Some very long words an image bold')
    expect(plainText(first<Paragraph>('one\\\ntwo'))).toBe('one two')
    expect(plainText(first<Paragraph>('one  \ntwo'))).toBe('one two')
  })

  it('make every run of whitespace one space, whatever whitespace it is, and keep code and alt text', () => {
    const words = (...values: string[]): Paragraph => ({ type: 'paragraph', children: values.map((value) => ({ type: 'text', value })) })
    expect(plainText(words('one\u00a0two', '\tthree'))).toBe('one two three')
    expect(plainText(words(' one two ', ' three '))).toBe('one two three')
    expect(plainText(words('one \u2003two\r\nthree'))).toBe('one two three')
    expect(plainText(words('one two three'))).toBe('one two three')
    expect(plainText(first<Paragraph>('`a  code` and ![](i.png) ![alt  text](j.png)'))).toBe('a code and alt text')
  })
})

describe('an attribute block', () => {
  it('is taken off the end of a heading, with its place', () => {
    const file = fileOf('## Early Help {#early level=1}\n')
    const heading = parseMarkdown(file).children[0] as Heading
    const { text, block, blockPosition } = takeAttributes(heading, file)
    expect(text).toBe('Early Help')
    expect(block?.attributes).toEqual({ id: 'early', values: { level: '1' } })
    expect(blockPosition).toEqual({ start: { line: 1, column: 15, offset: 14 }, end: { line: 1, column: 31, offset: 30 } })
    expect(heading.children).toEqual([expect.objectContaining({ type: 'text', value: 'Early Help' })])
  })

  it('that is all the last text leaves no empty text behind', () => {
    const file = fileOf('*Early* {#early}\n')
    const paragraph = parseMarkdown(file).children[0] as Paragraph
    expect(takeAttributes(paragraph, file).text).toBe('Early')
    expect(paragraph.children.map((child) => child.type)).toEqual(['emphasis'])
  })

  it('is found at the source’s last brace when the words before it hold an escape', () => {
    const file = fileOf('A \\* star {#star}\n')
    const { text, blockPosition } = takeAttributes(parseMarkdown(file).children[0] as Paragraph, file)
    expect(text).toBe('A * star')
    expect(blockPosition?.start).toEqual({ line: 1, column: 11, offset: 10 })
  })

  it('is not looked for when the last child is not text', () => {
    const file = fileOf('Words {#a} *end*\n')
    const paragraph = parseMarkdown(file).children[0] as Paragraph
    expect(takeAttributes(paragraph, file)).toEqual({ text: 'Words {#a} end', block: undefined, blockPosition: undefined })
  })
})

describe('splitting at headings', () => {
  it('parts the nodes at headings of a depth or shallower, keeping what comes before the first', () => {
    const nodes = parsed('intro\n\n## A\n\na\n\n### A1\n\na1\n\n# B\n\nb\n').children
    const { before, parts } = splitByHeading(nodes, 2)
    expect(before.map((node) => node.type)).toEqual(['paragraph'])
    expect(parts.map(({ heading, body }) => [plainText(heading), body.length])).toEqual([
      ['A', 3],
      ['B', 1],
    ])
    expect(minHeadingDepth(nodes)).toBe(1)
    expect(minHeadingDepth(parsed('### c\n\n## b\n\n#### d\n').children)).toBe(2)
    expect(minHeadingDepth(parsed('text\n').children)).toBeUndefined()
  })
})

describe('comments', () => {
  it('are left out at any depth, the words either side joined by one space', () => {
    const kept = withoutComments(parsed('<!-- note -->\n\n- a <!-- x --> b\n- c <!-- z -->\n  - d <!-- y --> *e* <!-- w -->\n').children)
    expect(serialise(kept)).toBe('- a b\n- c\n  - d *e*')
  })

  it('are left out without changing the tree as parsed', () => {
    const nodes = parsed('a <!-- x --> b\n').children
    const before = copyTree(nodes)
    withoutComments(nodes)
    expect(nodes).toEqual(before)
  })

  it('keep the words when no space is before the comment', () => {
    expect(serialise(parsed('a <!-- x -->b\n').children)).toBe('a b')
    expect(serialise(parsed('a<!-- x -->b\n').children)).toBe('ab')
  })

  it('leave one space where spaces were either side of them, however many, and a line break where the line was broken', () => {
    expect(serialise(parsed('a<!-- x -->  b\n').children)).toBe('a b')
    expect(serialise(parsed('a  <!-- x -->b\n').children)).toBe('a b')
    expect(serialise(parsed('a \t<!-- x --> \t b\n').children)).toBe('a b')
    expect(serialise(parsed('a<!-- x -->\n  b\n').children)).toBe('a\nb')
    expect(serialise(parsed('a <!-- x -->\nb\n').children)).toBe('a\nb')
  })
})

describe('generated Markdown', () => {
  it('has one fixed style, LF line ends and nothing for only a comment', () => {
    expect(serialise(parsed('* one\r\n* two\r\n  more\r\n\r\n_a_ __b__\r\n\r\n***\r\n\r\n```\r\ncode\r\n```\r\n').children)).toBe('- one\n- two\n  more\n\n*a* **b**\n\n---\n\n```\ncode\n```')
    expect(serialise(parsed('<!-- only -->\n').children)).toBe('')
    expect(serialise(parsed('| a |\n| - |\n| b |\n').children)).toBe('| a |\n| - |\n| b |')
  })

  it('escapes every character exactly as the serialiser does when searching every text for all its patterns', () => {
    // The serialiser's own text handler, which tries each of its patterns on every text.
    const reference = (nodes: RootContent[]) => toMarkdown({ type: 'root', children: nodes }, SERIALISE_STYLE).replace(/\r\n?/g, '\n').trimEnd()
    const punctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']
    const around = (c: string) => [`${c}word`, `word${c}`, `a${c}b`, `${c}${c} x ${c}`, `1${c} x`, `*em*${c}x`, `x${c}**strong**`, `\`code\`${c}`, `${c}\`code\``, `[link](u)${c}`, `a_${c}`, `${c}_a`, `a\n${c} b`, `a  \n${c}b`]
    // One document per character, each snippet a block of its own: at a line's start, in a heading, a list and a table.
    const documents = punctuation.map((c) => around(c).flatMap((text) => [text, `# ${text}`, `- ${text}`, `| h |\n| - |\n| ${text} |`]).join('\n\n'))
    documents.push('a_b_c\n\nsnake_case_word *x*_y\n\n\\_a\n\na\\\n\ntab\there\n\n&amp; &copy; &#35;\n\n<https://example.org/a_b>\n\nhttps://example.org/x_y\n\nx\ty\u00a0z\n\n1) a\n2. b')
    const escaped = documents.map((text) => serialise(parsed(`${text}\n`).children))
    expect(escaped).toEqual(documents.map((text) => reference(parsed(`${text}\n`).children)))
    expect(escaped[0]?.split('\n\n').slice(0, 4)).toEqual(['!word', '# !word', '- !word', '| h     |\n| ----- |\n| !word |'])
    expect(serialise(parsed('a_b *c*_d #1\n').children)).toBe('a_b *c*\\_d #1')
  })
})

describe('trees kept between runs', () => {
  it('are copies going in and coming out, counted when kept, and dropped for texts gone', () => {
    const memo = new TreeMemo()
    const tree = parsed('# a\n')
    memo.keep('# a\n', tree)
    ;(tree.children[0] as Heading).depth = 2
    expect(memo.has('# a\n')).toBe(true)
    const taken = memo.take('# a\n') as Root
    expect((taken.children[0] as Heading).depth).toBe(1)
    ;(taken.children[0] as Heading).depth = 3
    expect((memo.take('# a\n')?.children[0] as Heading).depth).toBe(1)
    expect(memo.take('# b\n')).toBeUndefined()
    memo.keep('# b\n', parsed('# b\n'))
    expect(memo.misses).toBe(2)
    memo.keepOnly(new Set(['# b\n']))
    expect([memo.has('# a\n'), memo.has('# b\n')]).toEqual([false, true])
    memo.clear()
    expect(memo.has('# b\n')).toBe(false)
  })

  it('are copied deeply, arrays, nulls and all', () => {
    const value = { a: [1, { b: null }], c: 'd' }
    const copy = copyTree(value)
    expect(copy).toEqual(value)
    expect(copy.a).not.toBe(value.a)
    expect(copy.a[1]).not.toBe(value.a[1])
  })
})

describe('looking through nodes', () => {
  it('finds a node at any depth, and none that is not there', () => {
    const nodes: RootContent[] = parsed('- a\n  - *b*\n').children
    expect(someNode(nodes, (node) => node.type === 'emphasis')).toBe(true)
    expect(someNode(nodes, (node) => node.type === 'strong')).toBe(false)
  })
})
