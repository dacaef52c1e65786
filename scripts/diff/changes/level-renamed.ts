import { matchOf, reference, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'level-renamed',
  impact: 'editorial',
  label: 'Level renamed',
  covers: ['levels[].title', 'levels[].shortTitle', 'levels[].label', 'levels[].id'],
  description: 'A level’s title, short title, printed label (“Level 2”) or id changed (matched by id, or by title when the id changed); its place in the level order did not.',
  detect({ levels }) {
    const out: Detected[] = []
    for (const pair of levels.pairs) {
      const subject = { type: 'level' as const, old: titled(pair.old), new: titled(pair.new) }
      if (pair.old.title !== pair.new.title || pair.old.id !== pair.new.id) out.push({ subject, match: matchOf(pair), field: 'title', old: reference(pair.old), new: reference(pair.new) })
      if (pair.old.shortTitle !== pair.new.shortTitle) out.push({ subject, match: matchOf(pair), field: 'shortTitle', old: pair.old.shortTitle ?? null, new: pair.new.shortTitle ?? null })
      if (pair.old.label !== pair.new.label) out.push({ subject, match: matchOf(pair), field: 'label', old: pair.old.label ?? null, new: pair.new.label ?? null })
    }
    return out
  },
})
