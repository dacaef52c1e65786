import GithubSlugger from 'github-slugger'
import type { Heading, Nodes, RootContent } from 'mdast'
import type { LinkUse, ParseContext } from './context.ts'
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

/** Records every link in some nodes as a use to resolve and check, owned by a model node. */
export function collectLinks(context: ParseContext, file: SourceFile, nodes: readonly RootContent[], owner: object | undefined): LinkUse[] {
  const found: LinkUse[] = []
  eachNode(nodes, (node) => {
    if (node.type !== 'link' || !node.position) return
    const use: LinkUse = { file, position: node.position, url: node.url, text: plainText(node), owner, node, isRegistryEntry: false }
    found.push(use)
    context.linkUses.push(use)
  })
  return found
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
