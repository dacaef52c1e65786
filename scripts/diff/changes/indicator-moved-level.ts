import { indicatorRef, levelById, matchOf, reference } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameReference } from '../match.ts'
import { moveDirection } from '../levels.ts'

export default defineChange({
  id: 'indicator-moved-level',
  impact: 'practice',
  label: 'Indicator moved level',
  covers: ['indicators[].level'],
  description: 'An indicator now sits at another level. By the level order, `raised` means it moved to a more serious level (the threshold for it went up), `lowered` to a less serious one; `unclear` when the levels themselves were re-ordered.',
  detect(context) {
    const out: Detected[] = []
    for (const pair of context.indicators.pairs) {
      const before = pair.old.level
      const after = pair.new.level
      if (sameReference(context.levels, before, after)) continue
      out.push({
        subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) },
        match: matchOf(pair),
        old: reference(levelById(context.old, before)) ?? before ?? null,
        new: reference(levelById(context.new, after)) ?? after ?? null,
        ...(before !== undefined && after !== undefined ? { direction: moveDirection(before, after, context.levelOrder.old, context.levelOrder.new, context.levels) } : {}),
      })
    }
    return out
  },
})
