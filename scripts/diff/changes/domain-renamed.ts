import { matchOf, reference, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'domain-renamed',
  impact: 'editorial',
  label: 'Domain renamed',
  covers: ['domains[].title', 'domains[].id'],
  description: 'A domain’s title or id changed (matched by id, or by title when the id changed).',
  detect({ domains }) {
    const out: Detected[] = []
    for (const pair of domains.pairs)
      if (pair.old.title !== pair.new.title || pair.old.id !== pair.new.id)
        out.push({ subject: { type: 'domain', old: titled(pair.old), new: titled(pair.new) }, match: matchOf(pair), old: reference(pair.old), new: reference(pair.new) })
    return out
  },
})
