import { isPlaceholder } from '../../parse/resolve.ts'
import { addressName } from '../../parse/walk.ts'
import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-resolves',
  severity: 'error',
  description: 'Every link inside the framework goes somewhere: an id, a heading, or another file of the framework.',
  check({ parsed, report }) {
    for (const [use, resolution] of parsed.resolutions) {
      if (resolution.kind !== 'broken' || isPlaceholder(use.url)) continue
      const suggestion = resolution.suggestions[0]
      report({ file: use.file, position: use.position }, `${addressName(use)} ${resolution.reason}${suggestion ? `, did you mean “${suggestion}”?` : ', expected an id, a heading in this file, or a file of this framework'}`, {
        expected: resolution.suggestions,
      })
    }
  },
})
