import { isPlaceholder } from '../../parse/resolve.ts'
import { addressName } from '../../parse/walk.ts'
import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-resolves',
  severity: 'error',
  description: 'Every link inside the framework goes somewhere: an id, a heading, or another file of the framework.',
  messages: {
    // With a close id, heading or file in `expected`, shown as “did you mean”.
    broken: '{{link}} {{reason}}',
    brokenNothingClose: '{{link}} {{reason}}, expected an id, a heading in this file, or a file of this framework',
    // A link to a whole file that is no one thing with an id (contacts.md): what to write instead.
    wholeFile: '{{link}} {{reason}}, expected {{instead}}',
  },
  check({ parsed, report }) {
    for (const [use, resolution] of parsed.resolutions) {
      if (resolution.kind !== 'broken' || isPlaceholder(use.url)) continue
      const at = { file: use.file, position: use.position }
      const data = { link: addressName(use), reason: resolution.reason }
      if (resolution.instead !== undefined) report(at, 'wholeFile', { ...data, instead: resolution.instead })
      else if (resolution.suggestions.length) report(at, 'broken', data, { expected: resolution.suggestions })
      else report(at, 'brokenNothingClose', data)
    }
  },
})
