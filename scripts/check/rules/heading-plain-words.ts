import type { Nodes } from 'mdast'
import type { Position } from 'unist'
import { eachNode } from '../../parse/walk.ts'
import { defineRule } from '../define-rule.ts'

/** What each kind of formatting is called in a message. */
const WHAT: Partial<Record<Nodes['type'], string>> = { emphasis: 'italics', strong: 'bold', delete: 'strikethrough', inlineCode: 'code' }

/**
 * A heading that names something (a level, a contact, a page, a part of a level) is read as its
 * words alone, so bold or italics in it would vanish from every output without a word. Headings
 * inside text the model keeps as Markdown (a page's body) keep theirs and are left alone.
 */
export default defineRule({
  id: 'heading-plain-words',
  severity: 'warning',
  description: 'A heading that names something is written in plain words: bold, italics, strikethrough or code in it is not kept, since such a heading is read as its words alone.',
  messages: {
    notKept: 'The heading “{{words}}” has {{what}}, which is not kept: this heading is read as its words alone, expected plain words (put the emphasis in the text under the heading)',
  },
  check({ parsed, derived, report }) {
    // Every heading of the text the model keeps as Markdown, where formatting survives.
    const kept = new Set<Nodes>()
    for (const item of parsed.deferred)
      eachNode(item.nodes as Nodes[], (node) => {
        if (node.type === 'heading') kept.add(node)
      })
    for (const { file, nodes } of derived.ofType('heading'))
      for (const node of nodes) {
        if (!node.position || kept.has(node)) continue
        let what: string | undefined
        eachNode(node.children, (child) => (what ??= WHAT[child.type]))
        if (what) report({ file, position: node.position as Position }, 'notKept', { words: derived.plainText(node), what })
      }
  },
})
