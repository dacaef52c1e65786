import { editorialIfSameMarkdown, indicatorRef, matchOf, textChange } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { samePhoneNumbers } from '../meaning.ts'

export default defineChange({
  id: 'indicator-resources-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'Indicator resources changed',
  covers: ['indicators[].resources'],
  description:
    'The services, resources or “read more” links listed under an indicator changed: where practitioners are sent for it is different. Editorial when the text only changed spelling, punctuation, case, spacing, “&” for “and” or word order, no phone number changed and its links go to the same places.',
  detect(context) {
    const { indicators } = context
    const out: Detected[] = []
    for (const pair of indicators.pairs) {
      const text = textChange(pair.old.resources, pair.new.resources, true)
      if (!text) continue
      const same = samePhoneNumbers(pair.old.resources, pair.new.resources) ? editorialIfSameMarkdown(context, pair.old.resources, pair.new.resources) : {}
      out.push({ subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) }, match: matchOf(pair), field: 'resources', ...text, ...same })
    }
    return out
  },
})
