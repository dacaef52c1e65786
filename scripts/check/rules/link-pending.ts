import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-pending',
  severity: 'warning',
  description: 'Links whose address is not known yet (`pending:`) are listed until someone fills them in.',
  messages: {
    pending: 'The address of “{{text}}” is still pending, expected a https:// address once it is known',
  },
  check({ parsed, report }) {
    for (const use of parsed.linkUses)
      if (use.isRegistryEntry && /^pending:/i.test(use.url))
        report({ file: use.file, position: use.position }, 'pending', { text: use.text })
  },
})
