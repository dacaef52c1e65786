import { isPlaceholder } from '../../parse/resolve.ts'
import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-resolves',
  severity: 'error',
  description: 'Every link inside the framework goes somewhere: an id, a heading, or another file of the framework.',
  check({ parsed, report }) {
    for (const [use, resolution] of parsed.resolutions) {
      if (resolution.kind !== 'broken' || isPlaceholder(use.url)) continue
      const suggestion = resolution.suggestions[0]
      report({ file: use.file, position: use.position }, `The link “${use.text}” ${resolution.reason}${suggestion ? `, did you mean “${suggestion}”?` : ', expected an id, a heading in this file, or a file of this framework'}`, {
        expected: resolution.suggestions,
      })
    }
  },
})
