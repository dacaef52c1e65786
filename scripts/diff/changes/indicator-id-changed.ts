import { indicatorRef, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'indicator-id-changed',
  impact: 'editorial',
  label: 'Indicator id changed',
  covers: ['indicators[].id'],
  description: 'An indicator was recognised by its words but its id changed: apps that bookmarked the old id lose it. Pin ids with `thresholds ids --write` to avoid this.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs)
      if (pair.old.id !== pair.new.id)
        out.push({ subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) }, match: matchOf(pair), old: pair.old.id, new: pair.new.id })
    return out
  },
})
