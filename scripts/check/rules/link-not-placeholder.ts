import { defineRule } from '../define-rule.ts'
import { isPlaceholder } from '../../parse/resolve.ts'

export default defineRule({
  id: 'link-not-placeholder',
  severity: 'error',
  description: 'No link points at a placeholder such as “#”, nothing, or “TODO”. An unknown address is written `pending:` in links.md.',
  messages: {
    empty: 'The link “{{text}}” points at an empty address, expected a real address; if it is not known yet, write “pending:” in links.md and link to that entry',
    placeholder: 'The link “{{text}}” points at the placeholder “{{url}}”, expected a real address; if it is not known yet, write “pending:” in links.md and link to that entry',
  },
  check({ parsed, report }) {
    for (const use of parsed.linkUses) {
      if (!isPlaceholder(use.url)) continue
      const at = { file: use.file, position: use.position }
      const url = use.url.trim()
      if (url === '') report(at, 'empty', { text: use.text })
      else report(at, 'placeholder', { text: use.text, url })
    }
  },
})
