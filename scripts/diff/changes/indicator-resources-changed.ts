import { editorialIfSame, indicatorRef, matchOf, textChange } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { samePhoneNumbers } from '../meaning.ts'

export default defineChange({
  id: 'indicator-resources-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'Indicator resources changed',
  covers: ['indicators[].resources'],
  description:
    'The services, resources or “read more” links listed under an indicator changed: where practitioners are sent for it is different. Editorial when the text only changed spelling, punctuation, case, spacing, “&” for “and” or word order, and no phone number changed.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs) {
      const text = textChange(pair.old.resources, pair.new.resources, true)
      if (!text) continue
      const same = samePhoneNumbers(pair.old.resources, pair.new.resources) ? editorialIfSame(pair.old.resources, pair.new.resources, true) : {}
      out.push({ subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) }, match: matchOf(pair), field: 'resources', ...text, ...same })
    }
    return out
  },
})
