import { domainById, indicatorRef, matchOf, reference } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameReference } from '../match.ts'

export default defineChange({
  id: 'indicator-moved-domain',
  impact: 'editorial',
  label: 'Indicator moved domain',
  covers: ['indicators[].domain'],
  description: 'An indicator is now listed under another domain. Where it is listed changed, not the level it points to.',
  detect(context) {
    const out: Detected[] = []
    for (const pair of context.indicators.pairs)
      if (!sameReference(context.domains, pair.old.domain, pair.new.domain))
        out.push({
          subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) },
          match: matchOf(pair),
          old: reference(domainById(context.old, pair.old.domain)) ?? pair.old.domain ?? null,
          new: reference(domainById(context.new, pair.new.domain)) ?? pair.new.domain ?? null,
        })
    return out
  },
})
