import { indicatorRef, matchOf, reorderings } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { matchItems } from '../match.ts'
import { indicatorPlace, pairKey } from '../model.ts'
import type { Indicator } from '../../model/types.ts'

/** An indicator paired across the versions, known by both its ids (in sorted order, so either version can be old). */
interface Placed {
  id: string
  indicator: Indicator
}

export default defineChange({
  id: 'indicator-reordered',
  impact: 'editorial',
  label: 'Indicator re-ordered',
  covers: ['indicators[]'],
  description:
    'An indicator moved up or down its list (the same domain, level and strengths or needs list). Positions count only indicators in that list in both versions, and only the ones that moved are reported, not the ones they passed.',
  detect(context) {
    const { indicators, domains, levels } = context
    const place = (side: 'old' | 'new', indicator: Indicator) => indicatorPlace(domains, levels, side, indicator)
    const key = (a: Indicator, b: Indicator) => pairKey(a.id, b.id)
    // Only pairs that stayed in their list: a move to another list is reported as such.
    const stayed = indicators.pairs.filter((pair) => place('old', pair.old) === place('new', pair.new))
    const lists = new Map<string, typeof stayed>()
    for (const pair of stayed) lists.set(place('new', pair.new), [...(lists.get(place('new', pair.new)) ?? []), pair])
    const out: Detected[] = []
    for (const pairs of lists.values()) {
      if (pairs.length < 2) continue
      const byOld = new Map(pairs.map((pair) => [pair.old, pair]))
      const byNew = new Map(pairs.map((pair) => [pair.new, pair]))
      const olds: Placed[] = context.old.indicators.filter((item) => byOld.has(item)).map((item) => ({ id: key(item, (byOld.get(item) as (typeof pairs)[number]).new), indicator: item }))
      const news: Placed[] = context.new.indicators.filter((item) => byNew.has(item)).map((item) => ({ id: key((byNew.get(item) as (typeof pairs)[number]).old, item), indicator: item }))
      for (const { pair: moved, old, new: after } of reorderings(matchItems(olds, news), olds, news)) {
        const pair = byOld.get(moved.old.indicator) as (typeof pairs)[number]
        out.push({ subject: { type: 'indicator', old: indicatorRef(pair.old), new: indicatorRef(pair.new) }, match: matchOf(pair), field: 'order', old: old.position, new: after.position })
      }
    }
    return out
  },
})
