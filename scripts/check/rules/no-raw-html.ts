import { eachNode } from '../../parse/walk.ts'
import { defineRule } from '../define-rule.ts'

/** Apps render this Markdown; HTML inside it would reach their pages unescaped. Comments are notes, and never leave the source. */
const COMMENT = /^\s*<!--[\s\S]*-->\s*$/

export default defineRule({
  id: 'no-raw-html',
  severity: 'error',
  description: 'Markdown holds no HTML tags (they would reach apps unescaped); HTML comments `<!-- … -->` are allowed as notes and are never published.',
  check({ parsed, report }) {
    for (const [file, tree] of parsed.trees)
      eachNode(tree.children, (node) => {
        if (node.type !== 'html' || !node.position || COMMENT.test(node.value)) return
        const snippet = node.value.trim().split('\n')[0] ?? ''
        report({ file, position: node.position }, `This text holds HTML (“${snippet.length > 40 ? `${snippet.slice(0, 39)}…` : snippet}”), which apps would show unescaped, expected Markdown instead: **bold**, *italic*, [links](#id), “-” lists`)
      })
  },
})
