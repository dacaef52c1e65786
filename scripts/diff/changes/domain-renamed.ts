import { matchOf, reference, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'domain-renamed',
  impact: 'editorial',
  label: 'Domain renamed',
  covers: ['domains[].title', 'domains[].id', 'domains[].titleAtLevel'],
  description: 'A domain’s title or id changed (matched by id, or by title when the id changed), or the title the source gives it at one level (`titleAtLevel`, one change per level, the subject naming the level).',
  detect({ domains, levels }) {
    const out: Detected[] = []
    for (const pair of domains.pairs) {
      if (pair.old.title !== pair.new.title || pair.old.id !== pair.new.id)
        out.push({ subject: { type: 'domain', old: titled(pair.old), new: titled(pair.new) }, match: matchOf(pair), old: reference(pair.old), new: reference(pair.new) })
      // Titles at a level, compared level by level (a renamed level id is the same level).
      const before = pair.old.titleAtLevel ?? {}
      const after = pair.new.titleAtLevel ?? {}
      const asNew = (id: string) => levels.newIdOf.get(id) ?? id
      const asOld = (id: string) => levels.oldIdOf.get(id) ?? id
      const keys = [...new Set([...Object.keys(before).map(asNew), ...Object.keys(after)])].sort()
      for (const key of keys) {
        // Own keys only: a level may be called “constructor”.
        const was = Object.hasOwn(before, asOld(key)) ? before[asOld(key)] : undefined
        const now = Object.hasOwn(after, key) ? after[key] : undefined
        if (was === now) continue
        out.push({
          subject: { type: 'domain', old: { ...titled(pair.old), level: asOld(key) }, new: { ...titled(pair.new), level: key } },
          match: matchOf(pair),
          field: 'titleAtLevel',
          old: was ?? null,
          new: now ?? null,
        })
      }
    }
    return out
  },
})
