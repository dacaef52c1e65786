import { defineRule } from '../define-rule.ts'
import { isPlaceholder } from '../../parse/resolve.ts'

export default defineRule({
  id: 'link-not-placeholder',
  severity: 'error',
  description: 'No link points at a placeholder such as “#”, nothing, or “TODO”. An unknown address is written `pending:` in links.md.',
  check({ parsed, report }) {
    for (const use of parsed.linkUses) {
      if (!isPlaceholder(use.url)) continue
      const target = use.url.trim() === '' ? 'an empty address' : `the placeholder “${use.url.trim()}”`
      report({ file: use.file, position: use.position }, `The link “${use.text}” points at ${target}, expected a real address; if it is not known yet, write “pending:” in links.md and link to that entry`)
    }
  },
})
