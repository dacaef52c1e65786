import { defineRule } from '../define-rule.ts'

/** Screen-reader users move by heading level; a jump from ## to #### hides where they are. */
export default defineRule({
  id: 'heading-increment',
  severity: 'warning',
  description: 'Headings go down one level at a time (# then ## then ###), never skipping one (WCAG 1.3.1).',
  messages: {
    skipped: 'This heading is level {{depth}} right after a level {{previous}} heading, expected level {{expected}} (“{{marker}} …”)',
  },
  check({ derived, report }) {
    for (const { file, nodes } of derived.ofType('heading')) {
      let previous = 0
      for (const node of nodes) {
        if (!node.position) continue
        if (previous > 0 && node.depth > previous + 1)
          report({ file, position: node.position }, 'skipped', { depth: node.depth, previous, expected: previous + 1, marker: '#'.repeat(previous + 1) }, {
            expected: ['#'.repeat(previous + 1)],
          })
        previous = node.depth
      }
    }
  },
})
