/**
 * The trees the parse workers send back (scripts/parse/workers.ts) are the trees this thread's
 * parser makes, field for field: every node, every position (line, column, offset) and every
 * field set to null or left undefined. A cheaper form of sending trees between threads (a JSON
 * string, packed positions, only some fields) must keep this passing. The texts are random
 * Markdown of every construct the sources use and more, drawn with a fixed seed; they are parsed
 * in one run of two workers, so the test starts two threads however many texts it draws.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import { parseInWorkers } from '../../scripts/parse/workers.ts'

const word = fc.constantFrom('care', 'Level 2', 'naïve', 'café', '二', '🙂', 'a&amp;b', '&#169;', 'x*y', 'under_score', '`code`', '\\*', '{#id-1 rag=red}')
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '))
const inline = fc.oneof(
  words,
  words.map((text) => `*${text}*`),
  words.map((text) => `**${text}**`),
  words.map((text) => `~~${text}~~`),
  words.map((text) => `[${text}](#some-id)`),
  words.map((text) => `[${text}](https://example.org "A title")`),
  words.map((text) => `![${text}](image.png)`),
  fc.constant('https://www.example.org/path'),
  fc.constant('<https://example.org>'),
  fc.constant('<span>inline html</span>'),
  fc.constant('<!-- a note -->'),
  fc.constant('[^1]'),
  fc.constant('[a reference][ref]'),
  fc.constant('line  \nbroken'),
)
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '))
const block = fc.oneof(
  line,
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, i) => `${i + 1}. ${item}`).join('\n')),
  fc.array(fc.tuple(fc.boolean(), line), { minLength: 1, maxLength: 3 }).map((items) => items.map(([done, item]) => `- [${done ? 'x' : ' '}] ${item}`).join('\n')),
  fc.array(fc.tuple(line, line), { minLength: 1, maxLength: 3 }).map((rows) => ['| A | B |', '| :-- | --: |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n')),
  line.map((text) => `> ${text}`),
  fc.tuple(fc.constantFrom('', 'ts', 'yaml title="x"'), line).map(([info, text]) => `\`\`\`${info}\n${text}\n\`\`\``),
  line.map((text) => `    ${text}`),
  fc.constant('---'),
  fc.constant('<div>\nblock html\n</div>'),
  line.map((text) => `[^1]: ${text}`),
  fc.constant('[ref]: https://example.org "Ref"'),
  line.map((text) => `${text}\n---`),
)
const frontMatter = fc.option(fc.constant('---\nid: solihull\ntitle: "A: title"\n---\n'), { nil: '' })
const markdown = fc
  .tuple(frontMatter, fc.array(block, { minLength: 0, maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, blocks, eol]) => `${front}${blocks.join('\n\n')}\n`.replace(/\n/g, eol))

describe('trees sent back by the parse workers', () => {
  it('are the trees parsed on this thread, with every node, position and empty field, for random Markdown', async () => {
    const texts = fc.sample(markdown, { seed: 20261130, numRuns: 200 })
    // A budget no machine load can use up: this test is about the trees, not the limits.
    const trees = await parseInWorkers(texts, 2, new ParseBudget({ seconds: 1e6, memoryMb: 1024 }))
    expect(trees).toHaveLength(texts.length)
    // toStrictEqual: a field left undefined must still be there, as this thread's parser leaves it.
    trees.forEach((tree, i) => expect(tree).toStrictEqual(markdownProcessor().parse(texts[i] as string)))
  })
})
