import type { ParseContext, Place } from '../parse/context.ts'
import { plainText } from '../parse/markdown.ts'
import { schemeOf } from '../parse/resolve.ts'
import { eachNode } from '../parse/walk.ts'

export interface WrittenLink {
  url: string
  text: string
  scheme: string | undefined
  place: Place
  image: boolean
}

/**
 * Every address written in the framework's Markdown: links, autolinks, images and link
 * definitions, wherever they sit. The safety rules read this rather than the links the parser
 * kept, so a link in an unexpected place cannot slip past them.
 */
export function linksIn(parsed: ParseContext): WrittenLink[] {
  const links: WrittenLink[] = []
  for (const [file, tree] of parsed.trees)
    eachNode(tree.children, (node) => {
      if (!node.position) return
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        const text = node.type === 'link' ? plainText(node) : node.type === 'image' ? (node.alt ?? '') : node.label ?? node.identifier
        links.push({ url: node.url, text, scheme: schemeOf(node.url.trim()), place: { file, position: node.position }, image: node.type === 'image' })
      }
    })
  return links
}
