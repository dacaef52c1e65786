import { defineRule } from '../define-rule.ts'

/** An empty bullet or heading is a slip that shows up in apps as a blank row or a bare number. */
export default defineRule({
  id: 'content-not-empty',
  severity: 'error',
  description: 'No bullet point and no heading is empty.',
  messages: {
    emptyHeading: 'This heading is empty, expected some words after the “#”',
    emptyBullet: 'This bullet point is empty, expected some words after the “-”, or remove the line',
  },
  check({ derived, report }) {
    for (const { file, nodes } of derived.nodes())
      for (const node of nodes) {
        if (!node.position) continue
        if (node.type === 'heading' && derived.plainText(node) === '')
          report({ file, position: node.position }, 'emptyHeading')
        if (node.type === 'listItem' && node.children.every((child) => child.type === 'paragraph' && derived.plainText(child) === ''))
          report({ file, position: node.position }, 'emptyBullet')
      }
  },
})
