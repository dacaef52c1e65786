import { titled } from '../context.ts'
import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'domain-removed',
  impact: 'editorial',
  label: 'Domain removed',
  covers: ['domains[]', 'domains[].children[]'],
  inverse: 'domain-added',
  description: 'A domain is gone; its indicators are reported as removed, or as moved to another domain, one by one.',
  detect({ domains }) {
    return domains.removed.map((domain) => ({ subject: { type: 'domain', old: titled(domain) } }))
  },
})
