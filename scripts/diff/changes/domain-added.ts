import { titled } from '../context.ts'
import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'domain-added',
  impact: 'editorial',
  label: 'Domain added',
  covers: ['domains[]', 'domains[].children[]'],
  inverse: 'domain-removed',
  description: 'A new domain (area of a child’s life); its indicators are reported as added one by one.',
  detect({ domains }) {
    return domains.added.map((domain) => ({ subject: { type: 'domain', new: titled(domain) } }))
  },
})
