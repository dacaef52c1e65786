import { matchOf, reorderings, titled } from '../context.ts'
import { defineChange } from '../define-change.ts'
import { flatLevels } from '../../model/flat.ts'

export default defineChange({
  id: 'level-reordered',
  impact: 'practice',
  label: 'Level re-ordered',
  covers: ['levels[].rank', 'levels[].order', 'levels[].parent', 'levels[].children[]'],
  description: 'A level moved in the level order (its rank changed against the others, or it moved under another level): what counts as more serious changed. Positions count only levels in both versions.',
  detect(context) {
    return reorderings(context.levels, flatLevels(context.old), flatLevels(context.new)).map(({ pair, old, new: after }) => ({
      subject: { type: 'level', old: titled(pair.old), new: titled(pair.new) },
      match: matchOf(pair),
      old,
      new: after,
    }))
  },
})
