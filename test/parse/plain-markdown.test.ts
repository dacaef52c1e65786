import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import type { Root } from 'mdast'
import { frameworkFiles } from '../../scripts/bench/corpus.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import { plainMarkdown } from '../../scripts/parse/plain-markdown.js'
import { toolRoot } from '../../scripts/shared/paths.ts'

/*
 * Plain Markdown read without the parser (plain-markdown.js): wherever it gives a tree, the tree
 * is remark's, positions and key order included; anything else is left to remark.
 */

// remark itself, as the tool set it up before the plain reader: the reference.
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const parsed = (text: string): Root => remark.parse(text) as Root

/** JSON compares key order as well as values: a tree written to the cache is the same bytes. */
function expectSameTree(text: string): boolean {
  const fast = plainMarkdown(text)
  if (fast) expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed(text)))
  return fast !== undefined
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => path.join(dir, file))
}

describe('plain Markdown read without the parser', () => {
  it('gives remark’s tree for a plain file of every kind of block', () => {
    const text = '---\nid: early-help\ntitle: Early help\n---\n\n# Early help & support\n\nFamilies who need [help](#help-guide) get it;\nthe lead says so {#x}.\n\n- [Children’s Services](https://example.org/a?b=1)\n- Call 0121 788 4300 😀\n\n<!-- A note\nover two lines -->\n\n## Contacts\nText right under.\n'
    const tree = plainMarkdown(text)
    expect(tree?.children.map((node) => node.type)).toEqual(['yaml', 'heading', 'paragraph', 'list', 'html', 'heading', 'paragraph'])
    expectSameTree(text)
  })

  it('gives remark’s tree for every Markdown file of the repository it takes, and takes most of the frameworks', () => {
    const files = ['sources', 'test', 'docs'].flatMap((dir) => markdownFiles(path.join(toolRoot, dir)))
    let taken = 0
    for (const file of files) if (expectSameTree(readFileSync(file, 'utf8'))) taken++
    expect(files.length).toBeGreaterThan(400)
    expect(taken).toBeGreaterThan(files.length / 2)
  })

  it('gives remark’s tree for the bench corpus’s files', () => {
    let taken = 0
    let files = 0
    for (const n of [1, 2, 3]) {
      for (const text of frameworkFiles(`partnership-000${n}`, 300, n).values()) {
        files++
        if (expectSameTree(text)) taken++
      }
    }
    expect(taken).toBeGreaterThan(files / 2)
  })

  // Each pair: a plain text taken, and the same text changed one way that the parser reads differently (or might), left to it.
  const pairs: Array<[plain: string, notPlain: string]> = [
    ['a\nb', 'a\r\nb'],
    ['a b', 'a\tb'],
    ['a', '\ufeffa'],
    ['a', ' a'],
    ['a\nb', 'a \nb'],
    ['a\nb', 'a\n b'],
    ['a\nb', 'a\n\u0000b'],
    ['- a\n- b', '- a\n\n- b'],
    ['- a\n\nb', '- a\nb'],
    ['- a', '* a'],
    ['- a', '+ a'],
    ['- a', '1. a'],
    ['- a', '- 1. a'],
    ['- a', '- - a'],
    ['- a', '-a'],
    ['- a', '- '],
    ['- [a](b)', '- [ ] a'],
    ['- [a](b)', '- [x] a'],
    ['a\n\n- b', 'a\n\n-'],
    ['a\nb', 'a\n==='],
    ['a\nb', 'a\n---'],
    ['a', '***'],
    ['a\nb 1', 'a\n1) b'],
    ['# a', '# a #'],
    ['# a', '#a'],
    ['# a', '#  a'],
    ['###### a', '####### a'],
    ['# a', '# '],
    ['# a\n- b', '- b\n# a'],
    ['a', '```\na\n```'],
    ['a', '    a'],
    ['a', '> a'],
    ['a b', 'a <b>'],
    ['a & b', 'a &amp; b'],
    ['a & b', 'a &b'],
    ['a b', 'a \\b'],
    ['a *b*', 'a*b*'],
    ['a *b* c', 'a *b*c'],
    ['a **b** c', 'a ***b*** c'],
    ['a **b**', 'a **b*'],
    ['a *b*', 'a *b**'],
    ['a *b*', 'a * b*'],
    ['a *b*', 'a *b *'],
    ['a *b*', 'a *-b*'],
    ['a *b*', 'a *b-*'],
    ['a *b*', 'a *b'],
    ['**a**', '**'],
    ['**a**', '***'],
    ['*a*', '* a'],
    ['*a b* c', '*a **b** c*'],
    ['**a b**', '**a *b**'],
    ['a *(b)*', 'a (*(b)*)'],
    ['(*(a)* b', '(*(a)*b'],
    ['**a.** b', '**a*. b'],
    ['(*a*)', '“*a*”'],
    ['*a.* b', '*a.*.'],
    ['*(a)* b', '*(a)*)'],
    ['*a*.', '*a*-'],
    ['*a*\nb', '*a\n*b*'],
    ['*a\nb*', '*a\n* b'],
    ['[a](b) *c*', '[a](b)*c*'],
    ['*a* [b](c)', '*a*[b](c)'],
    ['*a* [b](c)', '*a [b](c)*'],
    ['[a](b)', '[*a*](b)'],
    ['# *a*', '# * a'],
    ['- **a**', '- ** a'],
    ['| *a* |\n| --- |', '| *a |\n| --- |'],
    ['a \\* b', 'a \\. b'],
    ['\\* a', '\\ a'],
    ['a:\\*//b', 'a://b'],
    ['- \\_a\n\n\\\\ b', '- \\-a'],
    ['a \\_b\\\\', 'a \\&b'],
    ['a \\\\\nb', 'a \\\nb'],
    ['[a\\*](b)', '[a\\](b)'],
    ['*a\\*b*', '*a\\\\*b*'],
    ['a b', 'a _b_'],
    ['a b', 'a `b`'],
    ['a b', 'a ~b~'],
    ['a b', 'a | b'],
    ['a b', 'a @b'],
    ['a b', 'see www.example.org'],
    ['a b', 'see WWW.example.org'],
    ['a b', 'see https://example.org'],
    ['[a](b)', '![a](b)'],
    ['a! [b](c)', 'a ![b](c)'],
    ['[a](b)', '[a]'],
    ['[a](b)', '[a][b]'],
    ['a b (c)', '[a] b (c)'],
    ['a xb)', '[a]xb)'],
    ['[a](b)', '[^a](b)'],
    ['[a](b)', '[a]: b'],
    ['[a](b)', '[a](<b>)'],
    ['[a](b)', '[a](b "t")'],
    ['[a](b)', '[a](b(c))'],
    ['[a](b)', '[a]()'],
    ['[a](b)', '[](b)'],
    ['[a](b)', '[ a](b)'],
    ['[a](b)', '[a ](b)'],
    ['[a](b)', '[a\nb](c)'],
    ['[a](b)', '[[a](b)](c)'],
    ['[a](b)', '[a](b'],
    ['[a](b)', 'a]'],
    ['[a](b)', '[a](b\\c)'],
    ['[a](b)', '[a](b&amp;c)'],
    ['[a](b)', "[a](b'c)"],
    ['---\na: 1\n---\nb', '---\n---\nb'],
    ['---\na: 1\n---\nb', '---\na: 1\nb'],
    ['---\na: 1\n---\nb', '--- \na: 1\n---\nb'],
    ['---\na: 1\n---\nb', '---\na: 1\n--- \nb'],
    ['---\na: 1\n---\nb', '---\na: 1\n----\nb'],
    ['<!-- a -->\n\nb', '<!-- a -->\nb'],
    ['<!-- a -->\n\nb', '<!-- a --> b'],
    ['<!-- a -->\n\nb', '<!-- a'],
    ['<!-- a -->', '<!-->'],
    ['<!-- a -->', '<!--->'],
    ['<!-- a -->', '<div>a</div>'],
    ['a\n\n<!-- b -->', 'a\n<!-- b -->'],
    ['- a\n\n<!-- b -->', '- a\n<!-- b -->'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| :-- | --- |\n| c | d |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n|---|---|\n| c | d |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- |\n| c | d |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c | d | e |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c |  |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c |d |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c | d  |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c | d | '],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c | d \\| e |'],
    ['| a | b |\n| --- | --- |\n| c | d |', 'a | b\n--- | ---\nc | d'],
    ['| a | b |\n| --- | --- |\n| c | d', '| a | b\n| --- | --- |\n| c | d'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n | c | d |'],
    ['| a | b |\n| --- | --- |\n| c | d |\n\ne', '| a | b |\n| --- | --- |\n| c | d |\ne'],
    ['| a | b |\n| --- | --- |\n| c | d |\n\ne', '| a | b |\n| --- | --- |\n| c | d |\n- e'],
    ['a\n\n| b |\n| --- |', 'a\n| b |\n| --- |'],
    ['| b |\n| --- |', '| b |'],
    ['| a | b |\n| --- | --- |\n| c | d |', '| a | b |\n| --- | --- |\n| c | |'],
    ['| a | b |\n| --- | --- |\n| cc | d |', '| a | b |\n| --- | --- |\n|cc | d |'],
    ['| a | b |\n| --- | --- |\n| cc | d |', '| a | b |\n| --- | --- |\n| cc| d |'],
    // A row without its last `|`, then another table: the next `|` is not this row's.
    ['| a | b |\n| --- | --- |\n| c | d\n\n| e |\n| --- |', '| a | b |\n| --- | --- |\n| c | d\n| e |\n| --- |'],
  ]

  it.each(pairs)('takes %j and leaves %j to the parser', (plain, notPlain) => {
    expect(expectSameTree(plain)).toBe(true)
    expect(plainMarkdown(notPlain)).toBeUndefined()
  })

  it('reads plain texts for the tool’s processor, and leaves the rest to remark', () => {
    expect(markdownProcessor().parser?.name).toBe('plainOrRemark')
    for (const text of ['# A\n\nB [c](#d)\n', 'A *b*\n', ''])
      expect(JSON.stringify(markdownProcessor().parse(text))).toBe(JSON.stringify(parsed(text)))
  })

  it('leaves an empty text to the parser', () => {
    expect(plainMarkdown('')).toBeUndefined()
  })

  // Building blocks of documents: plain ones, and near misses of each (constructs the reader must leave alone).
  const lineStarts = ['*Word*', '**(w)**', '\\* x', 'Word', 'é', '1989', '(a)', '"q"', '’s', '[a](#b)']
  const plainInline = [...lineStarts, '*a*', '**b c**', '*(d)*', '**e.**', '*f*,', '(*g*)', '**h**:', 'i \\* j', '\\_', '\\\\', 'x', 'Help!', 'a:', '{#id}', '😀', '&', '#3', 'a=b', 'a-b', 'a  b', '- b', '[two words](https://example.org/p?q=1#f)']
  const nearInline = ['**a *b**', 'a*b*c', '**', '*a **b** c*', '***a***', '*a*b', '*a', 'b*', '**c', 'd**', '*(e)*)', '[*f*](g)', '\\', '\\.', '*h *', '“*i*”', '', ' ', '1.', '2)', '*', '_', '`', '~', '~~', '&amp;', '&#1;', '\\', '<', '>', '@', 'a@b.co', 'www.x.org', 'http://x', 'mailto:a', '|', '![a](b)', '[a]', '[a][b]', '[^a]', '[ ](x)', '[a](<b>)', '[a](b "t")', '[a]()', ']', '[', '\u00a0', '\t', '\r', '\u0000', '---', '===', '- ', '* ', '+ ', '> ', '    ', '<!-- c -->', '[x]: y', '#', '=', '-']
  const inline = (near: boolean) => {
    const part = near ? fc.oneof({ arbitrary: fc.constantFrom(...plainInline), weight: 30 }, { arbitrary: fc.constantFrom(...nearInline), weight: 1 }) : fc.constantFrom(...plainInline)
    return fc
      .tuple(near ? part : fc.constantFrom(...lineStarts), fc.array(part, { maxLength: 5 }))
      .map(([first, rest]) => [first, ...rest].join(' '))
  }
  const block = (near: boolean) => {
    const line = inline(near)
    const plain = [
      line.map((text) => `# ${text}`),
      fc.tuple(fc.constantFrom('#', '##', '###', '######'), line).map(([marks, text]) => `${marks} ${text}`),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `- ${text}`).join('\n')),
      fc.constantFrom('<!-- note -->', '<!--\nnote\n-->', '<!-- a\nb -->', '<!---->'),
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.array(line, { minLength: 3, maxLength: 12 }), fc.boolean())
        .map(([width, cells, open]) => {
          const rows = Array.from({ length: Math.floor(cells.length / width) }, (_, i) => cells.slice(i * width, i * width + width))
          const [header = [], ...body] = rows
          const row = (cells: string[], last = false) => `| ${cells.join(' | ')}${last && open ? '' : ' |'}`
          return [row(header), `|${' --- |'.repeat(width)}`, ...body.map((cells, i) => row(cells, i === body.length - 1))].join('\n')
        }),
    ]
    const misses = [
      fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `* ${text}`).join('\n')),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text, i) => `${i + 1}. ${text}`).join('\n')),
      fc.constantFrom('---', '***', '===', '- - -', '```\ncode\n```', '    code', '> quote', '| a |\n| - |', '[a]: https://x', '[^1]: note', '<!-->', '<!--->', '<div>\nx\n</div>', '| a |\n| :-: |', '| a |\n| --- |\n| b | c |', '| a | b |\n| --- |', 'a | b\n- | -', '| a |\n|---|', '| a\n| --- |', '| a |\n| --- |\nb', '#######', '# a #', '  - a', '- a\n  - b', '- a\n  b', '- [ ] a', '-', '\u00a0a'),
    ]
    return near ? fc.oneof({ arbitrary: fc.oneof(...plain), weight: 6 }, { arbitrary: fc.oneof(...misses), weight: 1 }) : fc.oneof(...plain)
  }
  const frontMatters = fc.constantFrom('', '---\nid: a\ntitle: A\n---\n', '---\nid: a\n---\n\n')
  const nearFrontMatters = fc.constantFrom('---\n---\n', '---\nid: a\n', '--- \nid: a\n---\n', '---\nid: a\n--- \n', '\ufeff---\nid: a\n---\n', '---\nid: a\n---\n---\n')
  const document = (near: boolean) =>
    fc
      .tuple(
        near ? fc.oneof({ arbitrary: frontMatters, weight: 4 }, { arbitrary: nearFrontMatters, weight: 1 }) : frontMatters,
        fc.array(fc.tuple(block(near), near ? fc.constantFrom('\n', '\n\n', '\n\n', '\n\n', '\n\n\n', '\n \n', '') : fc.constantFrom('\n\n', '\n\n\n')), { minLength: 1, maxLength: 6 }),
      )
      .map(([front, blocks]) => front + blocks.map(([text, after]) => text + after).join(''))

  it('gives remark’s tree whenever it takes a document built of plain blocks and near misses', () => {
    let taken = 0
    fc.assert(
      fc.property(document(true), (text) => {
        if (expectSameTree(text)) taken++
      }),
      { numRuns: 3000, seed: 20261130 },
    )
    // The comparison means something only if many documents were taken.
    expect(taken).toBeGreaterThan(300)
  })

  it('takes most documents built of plain blocks only', () => {
    let taken = 0
    const runs = 500
    fc.assert(
      fc.property(document(false), (text) => {
        if (expectSameTree(text)) taken++
      }),
      { numRuns: runs, seed: 20261130 },
    )
    expect(taken).toBeGreaterThan(runs * 0.8)
  })
})
