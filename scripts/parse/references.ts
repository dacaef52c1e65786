import type { Definition, Nodes, Parents, Root, RootContent } from 'mdast'
import { copyTree, someNode } from './markdown.ts'
import { eachNode } from './walk.ts'

/** The link reference definitions of a file by identifier; the first one wins, as in CommonMark. */
export function definitionsOf(tree: Root): Map<string, Definition> {
  const found = new Map<string, Definition>()
  eachNode(tree.children, (node) => {
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node)
  })
  return found
}

/**
 * Writes each reference link (`[text][r]`, `[r]`) and reference image as an inline one with its
 * definition's address, and leaves the definitions out. A Markdown field is one part of a file,
 * so a reference whose definition sits in another part would otherwise be published as bare
 * brackets, and a definition would be published away from its references; the address apps get
 * is also the one the checks read (the definition's, already rewritten to `#id` when internal).
 */
export function inlineReferences(source: RootContent[], definitionsFor: () => ReadonlyMap<string, Definition>): RootContent[] {
  // The trees stay as parsed, for the rules: only a copy is rewritten, and only when there is something to rewrite.
  if (!someNode(source, (node) => node.type === 'definition' || node.type === 'linkReference' || node.type === 'imageReference')) return source
  const definitions = definitionsFor()
  const nodes = copyTree(source)
  const replace = (children: Nodes[]): Nodes[] =>
    children
      .filter((child) => child.type !== 'definition')
      .map((child): Nodes => {
        if (child.type !== 'linkReference' && child.type !== 'imageReference') return child
        const definition = definitions.get(child.identifier)
        if (!definition) return child
        if (child.type === 'imageReference') return { type: 'image', url: definition.url, title: definition.title ?? null, alt: child.alt ?? '', position: child.position }
        return { type: 'link', url: definition.url, title: definition.title ?? null, children: child.children, position: child.position }
      })
  const stack: Nodes[] = [...nodes]
  while (stack.length) {
    const node = stack.pop() as Nodes
    if (!('children' in node)) continue
    const parent = node as Parents
    parent.children = replace(parent.children as Nodes[]) as typeof parent.children
    for (const child of parent.children) stack.push(child as Nodes)
  }
  return replace(nodes) as RootContent[]
}
