import { indicatorRef, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'indicator-age-changed',
  impact: 'practice',
  label: 'Indicator age group changed',
  covers: ['indicators[].age'],
  description: 'The age group an indicator is about changed (or it now applies to every age, or only to one): it applies to different children.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs)
      if (pair.old.age !== pair.new.age)
        out.push({ subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) }, match: matchOf(pair), field: 'age', old: pair.old.age ?? null, new: pair.new.age ?? null })
    return out
  },
})
