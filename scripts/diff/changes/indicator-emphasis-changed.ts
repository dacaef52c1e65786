import { indicatorRef, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

/** Emphasis and links only: a change of the words themselves is indicator-reworded's. */
export default defineChange({
  id: 'indicator-emphasis-changed',
  impact: 'review',
  label: 'Indicator emphasis or links changed',
  covers: ['indicators[].markdown'],
  description:
    'The same words, with other emphasis or links (“**harmful**”, a link to guidance added or removed): emphasis often marks what decides the level, so a person should look. Values are the words as written; absent when they hold no formatting.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs)
      if (pair.old.text === pair.new.text && pair.old.markdown !== pair.new.markdown)
        out.push({ subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) }, match: matchOf(pair), field: 'markdown', old: pair.old.markdown ?? pair.old.text, new: pair.new.markdown ?? pair.new.text })
    return out
  },
})
