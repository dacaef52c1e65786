import type { Root, RootContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { parseMarkdown, serialise } from '../../scripts/parse/markdown.ts'
import { definitionsOf, inlineReferences } from '../../scripts/parse/references.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'

/*
 * Reference links and images (scripts/parse/references.ts): each is written as an inline one with
 * its definition's address, and the definitions are left out, so a Markdown field published on
 * its own never shows bare brackets.
 */

const parsed = (text: string): Root => parseMarkdown(createSourceFile('sources/x/a.md', 'a.md', text))

describe('the definitions of a file', () => {
  it('are found at any depth by identifier, the first of two with the same identifier winning', () => {
    const definitions = definitionsOf(parsed('[a]: https://example.org/1\n[A]: https://example.org/2\n\n> - item\n>\n>   [b]: https://example.org/3 "Bee"\n'))
    expect([...definitions].map(([id, definition]) => [id, definition.url, definition.title])).toEqual([
      ['a', 'https://example.org/1', null],
      ['b', 'https://example.org/3', 'Bee'],
    ])
  })
})

describe('reference links and images', () => {
  it('become inline ones with their definition’s address and title, at any depth, and the definitions go', () => {
    const tree = parsed('See [the guide][g] and [g].\n\n- ![A map][m] in a list\n\n[g]: https://example.org/guide "Guide"\n[m]: https://example.org/map.png\n')
    const definitions = definitionsOf(tree)
    expect(serialise(inlineReferences(tree.children, () => definitions))).toBe('See [the guide](https://example.org/guide "Guide") and [g](https://example.org/guide "Guide").\n\n- ![A map](https://example.org/map.png) in a list')
  })

  it('without a definition stay as written', () => {
    const tree = parsed('See [the guide][nowhere].\n')
    expect(serialise(inlineReferences(tree.children, () => new Map()))).toBe('See \\[the guide]\\[nowhere].')
  })

  it('keep where they were written', () => {
    const tree = parsed('See [g].\n\n[g]: https://example.org/guide\n')
    const [paragraph] = inlineReferences(tree.children, () => definitionsOf(tree)) as Array<RootContent & { children: RootContent[] }>
    expect(paragraph?.children[1]).toMatchObject({ type: 'link', url: 'https://example.org/guide', title: null, position: { start: { line: 1, column: 5 }, end: { line: 1, column: 8 } } })
  })

  it('leave the tree as parsed, and a field without any is given back as it is, without looking up definitions', () => {
    const tree = parsed('See [g].\n\n[g]: https://example.org/guide\n')
    const before = structuredClone(tree)
    inlineReferences(tree.children, () => definitionsOf(tree))
    expect(tree).toEqual(before)
    const plain = parsed('Just [a link](https://example.org).\n').children
    expect(inlineReferences(plain, () => {
      throw new Error('looked up')
    })).toBe(plain)
  })
})

describe('a field that is one part of a file', () => {
  const tree = parsed('See [g], ![a map][m] and [^g].\n\n[^g]: A note.\n\n[g]: https://example.org/guide\n[m]: https://example.org/map.png "The map"\n')
  const definitions = definitionsOf(tree)
  const [paragraph, footnote, ...definitionNodes] = tree.children as RootContent[]

  it('with only definitions gives nothing, its definitions being left out', () => {
    expect(serialise(inlineReferences(definitionNodes, () => definitions))).toBe('')
  })

  it('with only a reference link, or only a reference image, gets the address from a definition in another part', () => {
    const link = parsed('See [g].\n\n[g]: https://example.org/guide\n')
    expect(serialise(inlineReferences(link.children.slice(0, 1), () => definitionsOf(link)))).toBe('See [g](https://example.org/guide).')
    const image = parsed('![a map][m]\n\n[m]: https://example.org/map.png "The map"\n')
    expect(serialise(inlineReferences(image.children.slice(0, 1), () => definitionsOf(image)))).toBe('![a map](https://example.org/map.png "The map")')
  })

  it('keeps a footnote reference a footnote reference, even where a link definition shares its name', () => {
    expect(serialise(inlineReferences([paragraph as RootContent, footnote as RootContent], () => definitions))).toBe('See [g](https://example.org/guide), ![a map](https://example.org/map.png "The map") and [^g].\n\n[^g]: A note.')
  })
})
