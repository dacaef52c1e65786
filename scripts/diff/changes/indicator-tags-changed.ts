import { indicatorRef, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameReferences } from '../match.ts'
import { compareStrings } from '../../shared/text.ts'

const sorted = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort(compareStrings)

export default defineChange({
  id: 'indicator-tags-changed',
  impact: 'editorial',
  label: 'Indicator tags or related indicators changed',
  covers: ['indicators[].tags[]', 'indicators[].related[]'],
  description: 'An indicator’s free tags, or the indicators it names as the same concern at another level, changed. Related indicators are compared through the matching, so a renamed id is not a change.',
  detect({ indicators }) {
    const out: Detected[] = []
    for (const pair of indicators.pairs) {
      const subject = { type: 'indicator' as const, old: indicatorRef(pair.old), new: indicatorRef(pair.new) }
      const oldTags = sorted(pair.old.tags)
      const newTags = sorted(pair.new.tags)
      if (oldTags.join() !== newTags.join()) out.push({ subject, match: matchOf(pair), field: 'tags', old: oldTags, new: newTags })
      if (!sameReferences(indicators, pair.old.related, pair.new.related)) out.push({ subject, match: matchOf(pair), field: 'related', old: sorted(pair.old.related), new: sorted(pair.new.related) })
    }
    return out
  },
})
