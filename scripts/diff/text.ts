import type { Nodes } from 'mdast'
import { markdownProcessor, nestingTooDeep, plainText } from '../parse/markdown.ts'

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code'])

/**
 * A Markdown field as a reader sees it: link text without its address, no emphasis marks,
 * one line per paragraph, heading, list item or table cell. Word diffs of Markdown fields are
 * taken on this, so a report shows changed words rather than escaped Markdown.
 */
export function readableText(markdown: string): string {
  // The model's Markdown comes from checked sources or a validated file, but a framework.json
  // could still nest deeply enough to exhaust the parser's stack: show such text as written.
  if (nestingTooDeep(markdown)) return markdown
  const lines: string[] = []
  const walk = (node: Nodes) => {
    if (BLOCKS.has(node.type)) {
      const line = plainText(node)
      if (line) lines.push(line)
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(markdownProcessor().parse(markdown))
  return lines.join('\n')
}

/** Where the links of a Markdown field go (`#id` or an address), in reading order. */
export function linkTargets(markdown: string): string[] {
  if (nestingTooDeep(markdown)) return []
  const targets: string[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') targets.push(node.url)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(markdownProcessor().parse(markdown))
  return targets
}
