import { indicatorRef, matchOf } from '../context.ts'
import { defineChange } from '../define-change.ts'
import { wordDiff } from '../words.ts'

export default defineChange({
  id: 'indicator-possibly-reworded',
  impact: 'review',
  label: 'Indicator possibly reworded',
  covers: ['indicators[].text'],
  description:
    'An indicator was removed and another added in the same place (domain, level and list) with some words in common, or one shares nearly all its words with a neighbour (part of a split or a merge): it may be the same indicator reworded, or a changed criterion. A person should look.',
  detect({ indicators }) {
    return indicators.possiblyReworded.map((pair) => ({
      subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) },
      match: matchOf(pair),
      old: pair.old.text,
      new: pair.new.text,
      words: wordDiff(pair.old.text, pair.new.text),
    }))
  },
})
