/**
 * The tree walking the reader shares (scripts/parse/walk.ts): the order nodes are visited in, how
 * an address is named in messages, which addresses are recorded (once each), and the anchors of
 * headings. In this process, on small Markdown trees.
 */
import type { Definition, Heading, Image, Link, Nodes, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { createContext, type LinkUse } from '../../scripts/parse/context.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import type { FrameworkFolder } from '../../scripts/parse/read.ts'
import { addLinkUse, addressName, collectEveryAddress, collectLinks, eachNode, isAddressNode, newSlugger, recordAnchor } from '../../scripts/parse/walk.ts'
import { createSourceFile, FILE_START } from '../../scripts/shared/source-file.ts'

const file = createSourceFile('sources/demo/links.md', 'links.md', '')
const treeOf = (markdown: string): Root => markdownProcessor().parse(markdown)
const emptyFolder = (): FrameworkFolder => ({ id: 'demo', dir: '/demo', files: [], folderFile: createSourceFile('framework.md', 'framework.md', ''), unread: [] })

/** A node as `type` or `type:value`, to show the order of a walk. */
const label = (node: Nodes) => ('value' in node ? `${node.type}:${node.value}` : node.type)

describe('eachNode', () => {
  it('visits every node depth-first, in document order', () => {
    const tree = treeOf('# One *two*\n\n- three\n- four\n')
    const seen: string[] = []
    eachNode(tree.children, (node) => seen.push(label(node)))
    expect(seen).toEqual(['heading', 'text:One ', 'emphasis', 'text:two', 'list', 'listItem', 'paragraph', 'text:three', 'listItem', 'paragraph', 'text:four'])
  })

  it('walks a nesting far deeper than the call stack allows, and leaves the list it is given as it was', () => {
    let node: Nodes = { type: 'text', value: 'bottom' }
    for (let depth = 0; depth < 200_000; depth++) node = { type: 'emphasis', children: [node] } as Nodes
    const nodes = [node]
    let count = 0
    let last = ''
    eachNode(nodes, (visited) => {
      count++
      last = label(visited)
    })
    expect([count, last]).toEqual([200_001, 'text:bottom'])
    expect(nodes).toEqual([node])
  })
})

describe('addresses', () => {
  const use = (node: LinkUse['node'], text: string, url = 'https://example.org'): LinkUse => ({ file, position: FILE_START, url, text, owner: undefined, node, isRegistryEntry: false })

  it('names a link by its words, an image by its description and a definition by its label, else by the address', () => {
    const link: Link = { type: 'link', url: 'https://example.org', children: [] }
    const image: Image = { type: 'image', url: 'https://example.org/a.png' }
    const definition: Definition = { type: 'definition', url: 'https://example.org', identifier: 'nspcc' }
    expect(addressName(use(link, 'NSPCC'))).toBe('The link “NSPCC”')
    expect(addressName(use(image, 'A chart'))).toBe('The image “A chart”')
    expect(addressName(use(definition, 'nspcc'))).toBe('The link definition “[nspcc]”')
    expect(addressName(use(link, '', '  https://example.org/x  '))).toBe('The link “https://example.org/x”')
    expect(addressName(use(link, 'A long name'), (text) => `${text.slice(0, 6)}…`)).toBe('The link “A long…”')
  })

  it('knows links, images and definitions as addresses, and nothing else', () => {
    const kinds = ['link', 'image', 'definition', 'linkReference', 'imageReference', 'text', 'html'] as const
    expect(kinds.filter((type) => isAddressNode({ type } as Nodes))).toEqual(['link', 'image', 'definition'])
  })

  it('collects every address in the nodes with its words, place and owner, and records each node once', () => {
    const context = createContext(emptyFolder())
    const tree = treeOf('See [the **NSPCC**](https://nspcc.org.uk) and ![A chart](chart.png) and ![](blank.png).\n\n[nspcc]: https://nspcc.org.uk\n[Label]: <x.md>\n')
    const owner = { id: 'level' }
    const found = collectLinks(context, file, tree.children, owner)
    expect(found.map((found) => [found.node.type, found.url, found.text, found.position.start.line, found.position.start.column, found.owner === owner, found.isRegistryEntry, found.file === file])).toEqual([
      ['link', 'https://nspcc.org.uk', 'the NSPCC', 1, 5, true, false, true],
      ['image', 'chart.png', 'A chart', 1, 47, true, false, true],
      ['image', 'blank.png', '', 1, 73, true, false, true],
      ['definition', 'https://nspcc.org.uk', 'nspcc', 3, 1, true, false, true],
      ['definition', 'x.md', 'Label', 4, 1, true, false, true],
    ])
    expect(context.linkUses).toEqual(found)
    // Read again (a level's body, then its sections): the same uses, with their first owner.
    const again = collectLinks(context, file, tree.children, { id: 'other' })
    expect(again.every((use, index) => use === found[index])).toBe(true)
    expect(context.linkUses).toHaveLength(5)
  })

  it('passes over an address node without a place, which no message could point at', () => {
    const context = createContext(emptyFolder())
    const placed = treeOf('[a](https://a.example)\n').children
    const unplaced = { type: 'paragraph', children: [{ type: 'link', url: 'https://b.example', children: [{ type: 'text', value: 'b' }] }] } as Root['children'][number]
    expect(collectLinks(context, file, [unplaced, ...placed], undefined).map((use) => use.url)).toEqual(['https://a.example'])
  })

  it('keeps the first record of a node, and adds each new node once', () => {
    const context = createContext(emptyFolder())
    const node: Link = { type: 'link', url: 'https://a.example', children: [] }
    const first = use(node, 'first')
    expect(addLinkUse(context, first)).toBe(first)
    expect(addLinkUse(context, use(node, 'second'))).toBe(first)
    expect(context.linkUses).toEqual([first])
    expect(context.usesByNode.get(node)).toBe(first)
  })

  it('collects, once every file is read, the addresses of every tree, owned by nothing', () => {
    const context = createContext(emptyFolder())
    const other = createSourceFile('sources/demo/matrix.md', 'matrix.md', '')
    context.trees.set(file, treeOf('# [Heading link](https://a.example)\n'))
    context.trees.set(other, treeOf('| [Cell](https://b.example) |\n| --- |\n'))
    collectEveryAddress(context)
    expect(context.linkUses.map((use) => [use.file.relative, use.url, use.text, use.owner])).toEqual([
      ['links.md', 'https://a.example', 'Heading link', undefined],
      ['matrix.md', 'https://b.example', 'Cell', undefined],
    ])
  })
})

describe('anchors', () => {
  const heading = (line: number): Heading => ({ type: 'heading', depth: 2, children: [], position: { start: { line, column: 1, offset: 0 }, end: { line, column: 5, offset: 4 } } })

  it('records a GitHub-style anchor per heading of a file, numbering repeats, keeping the first place of each', () => {
    const context = createContext(emptyFolder())
    const slugger = newSlugger()
    const node = { id: 'early-help' }
    recordAnchor(context, file, slugger, heading(1), 'Early Help!', node)
    recordAnchor(context, file, slugger, heading(3), 'Early help')
    recordAnchor(context, file, slugger, { type: 'heading', depth: 2, children: [] }, 'No place')
    const anchors = context.anchors.get('links.md')
    expect([...(anchors?.keys() ?? [])]).toEqual(['early-help', 'early-help-1', 'no-place'])
    expect(anchors?.get('early-help')).toEqual({ place: { file, position: heading(1).position }, node })
    expect(anchors?.get('early-help-1')?.place.position.start.line).toBe(3)
    expect(anchors?.get('no-place')?.place.position).toBe(FILE_START)
  })

  it('keeps the first anchor when a fresh slugger of the same file gives a slug again, and keeps files apart', () => {
    const context = createContext(emptyFolder())
    recordAnchor(context, file, newSlugger(), heading(1), 'Contacts', { id: 'first' })
    recordAnchor(context, file, newSlugger(), heading(9), 'Contacts', { id: 'second' })
    const other = createSourceFile('sources/demo/contacts.md', 'contacts.md', '')
    recordAnchor(context, other, newSlugger(), heading(2), 'Contacts')
    expect(context.anchors.get('links.md')?.get('contacts')?.node).toEqual({ id: 'first' })
    expect(context.anchors.get('links.md')?.size).toBe(1)
    expect(context.anchors.get('contacts.md')?.get('contacts')?.place.position.start.line).toBe(2)
  })
})
