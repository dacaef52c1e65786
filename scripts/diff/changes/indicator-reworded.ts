import { indicatorRef, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameMeaning } from '../meaning.ts'
import { wordDiff } from '../words.ts'

export default defineChange({
  id: 'indicator-reworded',
  impact: 'review',
  impacts: ['review', 'editorial'],
  label: 'Indicator reworded',
  covers: ['indicators[].text'],
  description:
    'The same indicator (same id, or similar enough words) says something in other words. `editorial` when only spelling, punctuation, case, spacing, word order or the person of the sentence changed (the same content words); `review` otherwise, even under a kept id: the criterion may have changed and a person should look. A move to another level is reported separately.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs)
      if (pair.old.text !== pair.new.text)
        out.push({
          subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) },
          match: matchOf(pair),
          ...(sameMeaning(pair.old.text, pair.new.text) ? { impact: 'editorial' as const } : {}),
          old: pair.old.text,
          new: pair.new.text,
          words: wordDiff(pair.old.text, pair.new.text),
        })
    return out
  },
})
