import { indicatorRef, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { wordDiff } from '../words.ts'

export default defineChange({
  id: 'indicator-reworded',
  impact: 'editorial',
  label: 'Indicator reworded',
  description: 'The same indicator (same id, or similar enough words) says something in different words. The word-level diff shows what changed; a move to another level is reported separately.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs)
      if (pair.old.text !== pair.new.text)
        out.push({
          subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) },
          match: matchOf(pair),
          old: pair.old.text,
          new: pair.new.text,
          words: wordDiff(pair.old.text, pair.new.text),
        })
    return out
  },
})
