import { matchOf, reorderings, titled } from '../context.ts'
import { defineChange } from '../define-change.ts'
import { flatDomains } from '../../model/flat.ts'

export default defineChange({
  id: 'domain-reordered',
  impact: 'editorial',
  label: 'Domain re-ordered',
  covers: ['domains[]', 'domains[].parent', 'domains[].children[]'],
  description: 'A domain moved among the others, or under another domain. Positions count only domains in both versions, so adding one does not re-order the rest.',
  detect(context) {
    return reorderings(context.domains, flatDomains(context.old), flatDomains(context.new)).map(({ pair, old, new: after }) => ({
      subject: { type: 'domain', old: titled(pair.old), new: titled(pair.new) },
      match: matchOf(pair),
      old,
      new: after,
    }))
  },
})
