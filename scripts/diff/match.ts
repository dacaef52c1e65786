/**
 * Matching: which thing in the old version is which thing in the new one. Always by id first;
 * then by a second key (a title, a name, an address). Indicators are matched by their words in
 * match-indicators.ts.
 * Every step is deterministic and symmetric: swapping the versions gives the same pairs.
 */
import { compareStrings, normaliseLabel } from '../shared/text.ts'
import type { MatchBy, MatchSummary } from './types.ts'

export interface Pair<T> {
  old: T
  new: T
  by: MatchBy
  score?: number
}

export interface Matching<T> {
  pairs: Pair<T>[]
  /** In the old version only, in their old order. */
  removed: T[]
  /** In the new version only, in their new order. */
  added: T[]
  /** New id of each matched old id, and the other way round. */
  newIdOf: Map<string, string>
  oldIdOf: Map<string, string>
  newOf: Map<string, T>
  oldOf: Map<string, T>
  /** Every id in each version. */
  oldIds: Set<string>
  newIds: Set<string>
}

export interface SecondKey<T> {
  by: MatchBy
  /** The key, or undefined when this thing has none (it is then not matched this way). */
  key(item: T): string | undefined
}

/** Pairs items with the same id, then pairs what is left by each second key in turn, in order. */
export function matchItems<T extends { id: string }>(olds: readonly T[], news: readonly T[], secondKeys: readonly SecondKey<T>[] = []): Matching<T> {
  const pairs: Pair<T>[] = []
  const newById = new Map<string, T>()
  for (const item of news) if (!newById.has(item.id)) newById.set(item.id, item)
  const matchedOld = new Set<T>()
  const matchedNew = new Set<T>()
  for (const item of olds) {
    const other = newById.get(item.id)
    if (other && !matchedNew.has(other) && !matchedOld.has(item)) {
      pairs.push({ old: item, new: other, by: 'id' })
      matchedOld.add(item)
      matchedNew.add(other)
    }
  }
  for (const second of secondKeys) {
    // Items with the same key pair up in order: the first old with the first new, and so on.
    const waiting = new Map<string, T[]>()
    for (const item of news) {
      if (matchedNew.has(item)) continue
      const key = second.key(item)
      if (key === undefined || key === '') continue
      const queue = waiting.get(key)
      if (queue) queue.push(item)
      else waiting.set(key, [item])
    }
    for (const item of olds) {
      if (matchedOld.has(item)) continue
      const key = second.key(item)
      if (key === undefined || key === '') continue
      const other = waiting.get(key)?.shift()
      if (!other) continue
      pairs.push({ old: item, new: other, by: second.by })
      matchedOld.add(item)
      matchedNew.add(other)
    }
  }
  return finishMatching(pairs, olds, news, matchedOld, matchedNew)
}

/** The matching from its pairs: what is left on each side, and lookups both ways. */
export function finishMatching<T extends { id: string }>(pairs: Pair<T>[], olds: readonly T[], news: readonly T[], matchedOld: Set<T>, matchedNew: Set<T>): Matching<T> {
  const newIdOf = new Map<string, string>()
  const oldIdOf = new Map<string, string>()
  const newOf = new Map<string, T>()
  const oldOf = new Map<string, T>()
  for (const pair of pairs) {
    if (!newIdOf.has(pair.old.id)) newIdOf.set(pair.old.id, pair.new.id)
    if (!oldIdOf.has(pair.new.id)) oldIdOf.set(pair.new.id, pair.old.id)
    if (!newOf.has(pair.old.id)) newOf.set(pair.old.id, pair.new)
    if (!oldOf.has(pair.new.id)) oldOf.set(pair.new.id, pair.old)
  }
  return {
    pairs,
    removed: olds.filter((item) => !matchedOld.has(item)),
    added: news.filter((item) => !matchedNew.has(item)),
    newIdOf,
    oldIdOf,
    newOf,
    oldOf,
    oldIds: new Set(olds.map((item) => item.id)),
    newIds: new Set(news.map((item) => item.id)),
  }
}

/**
 * A reference (a parent, a level, a related indicator ...) as something comparable across the
 * versions: a matched item by its new id, an item only in one version marked as such, and an id
 * that names nothing in its version as itself. Two references, one from each version, point to
 * the same thing exactly when their keys are equal, whichever version is called old.
 */
export function referenceKey(matching: Matching<{ id: string }>, side: 'old' | 'new', id: string): string {
  if (side === 'old') {
    const other = matching.newIdOf.get(id)
    return other !== undefined ? `=${other}` : matching.oldIds.has(id) ? `-${id}` : `?${id}`
  }
  return matching.oldIdOf.has(id) ? `=${id}` : matching.newIds.has(id) ? `+${id}` : `?${id}`
}

/** Whether a reference in the old version and one in the new point to the same thing (both absent counts). */
export function sameReference(matching: Matching<{ id: string }>, oldId: string | undefined, newId: string | undefined): boolean {
  if (oldId === undefined || newId === undefined) return oldId === newId
  return referenceKey(matching, 'old', oldId) === referenceKey(matching, 'new', newId)
}

/** Two lists of references as comparable keys, sorted: equal when they point to the same things. */
export function sameReferences(matching: Matching<{ id: string }>, oldIds: readonly string[] = [], newIds: readonly string[] = []): boolean {
  const keys = (side: 'old' | 'new', ids: readonly string[]) => ids.map((id) => referenceKey(matching, side, id)).sort(compareStrings).join('\u0000')
  return keys('old', oldIds) === keys('new', newIds)
}

/** A title or name as a matching key: case, accents, punctuation and spacing do not count. */
export function labelKey<T>(label: (item: T) => string | undefined): (item: T) => string | undefined {
  return (item) => {
    const text = label(item)
    return text === undefined ? undefined : normaliseLabel(text)
  }
}

/** What the JSON report says about a matching: how many by id, and every other choice. */
export function summariseMatching<T extends { id: string }>(matching: Matching<T>): MatchSummary {
  return {
    byId: matching.pairs.filter((pair) => pair.by === 'id').length,
    other: matching.pairs
      .filter((pair) => pair.by !== 'id')
      .map((pair) => ({ old: pair.old.id, new: pair.new.id, by: pair.by, ...(pair.score !== undefined ? { score: pair.score } : {}) }))
      .sort((a, b) => compareStrings(a.new, b.new) || compareStrings(a.old, b.old)),
    added: matching.added.length,
    removed: matching.removed.length,
  }
}
