import GithubSlugger from 'github-slugger'
import type { Heading, Nodes, RootContent } from 'mdast'
import type { AddressNode, LinkUse, ParseContext } from './context.ts'
import { FILE_START, type SourceFile } from '../shared/source-file.ts'
import { plainText } from './markdown.ts'

/** Visits nodes depth-first without recursion, so deep input cannot exhaust the stack. */
export function eachNode(nodes: readonly Nodes[], visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [...nodes].reverse()
  while (stack.length) {
    const node = stack.pop() as Nodes
    visit(node)
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
  }
}

/** How a message names an address: by the link's words, the image's description, or the definition's label. */
export function addressName(use: LinkUse, shorten: (text: string) => string = (text) => text): string {
  const words = shorten(use.text || use.url.trim())
  if (use.node.type === 'image') return `The image “${words}”`
  if (use.node.type === 'definition') return `The link definition “[${words}]”`
  return `The link “${words}”`
}

export function isAddressNode(node: Nodes): node is AddressNode {
  return node.type === 'link' || node.type === 'image' || node.type === 'definition'
}

/** Records a use once per node: the first record (and its owner) stands. */
export function addLinkUse(context: ParseContext, use: LinkUse): LinkUse {
  const known = context.usesByNode.get(use.node)
  if (known) return known
  context.usesByNode.set(use.node, use)
  context.linkUses.push(use)
  return use
}

/**
 * Records every address in some nodes (links, images, link reference definitions) as a use to
 * resolve and check, owned by a model node.
 */
export function collectLinks(context: ParseContext, file: SourceFile, nodes: readonly RootContent[], owner: object | undefined): LinkUse[] {
  const found: LinkUse[] = []
  eachNode(nodes, (node) => {
    if (!isAddressNode(node) || !node.position) return
    const text = node.type === 'link' ? plainText(node) : node.type === 'image' ? (node.alt ?? '') : (node.label ?? node.identifier)
    found.push(addLinkUse(context, { file, position: node.position, url: node.url, text, owner, node, isRegistryEntry: false }))
  })
  return found
}

/**
 * Once every file is read: the addresses no reader collected (in a heading, a table, a footnote,
 * a part of a file that is not published), so that every address written anywhere is checked and
 * resolved the same way.
 */
export function collectEveryAddress(context: ParseContext): void {
  for (const [file, tree] of context.trees) collectLinks(context, file, tree.children, undefined)
}

/** GitHub-compatible anchors for every heading of a file, plus explicit `{#id}`s. */
export function recordAnchor(context: ParseContext, file: SourceFile, slugger: GithubSlugger, heading: Heading, text: string, node?: { id: string }): void {
  let anchors = context.anchors.get(file.relative)
  if (!anchors) {
    anchors = new Map()
    context.anchors.set(file.relative, anchors)
  }
  const slug = slugger.slug(text)
  const place = { file, position: heading.position ?? FILE_START }
  if (!anchors.has(slug)) anchors.set(slug, { place, node })
}

export function newSlugger(): GithubSlugger {
  return new GithubSlugger()
}
