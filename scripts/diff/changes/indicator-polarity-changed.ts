import { indicatorRef, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'indicator-polarity-changed',
  impact: 'practice',
  label: 'Indicator polarity changed',
  covers: ['indicators[].polarity'],
  description: 'An indicator changed from a strength (a need that is met, a protective factor) to a need or risk, or the other way round.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs)
      if (pair.old.polarity !== pair.new.polarity)
        out.push({ subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) }, match: matchOf(pair), old: pair.old.polarity, new: pair.new.polarity })
    return out
  },
})
