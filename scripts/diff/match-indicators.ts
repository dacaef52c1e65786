/**
 * Which indicator in the old version is which in the new one. Indicators are compared by their
 * content words (scripts/diff/meaning.ts), so rewording into the child's voice still pairs, and
 * pairs are chosen by an optimal one-to-one assignment (the Hungarian algorithm, npm `munkres`),
 * not greedily. The steps, each on what the earlier ones left:
 *
 * 1. the same id in the same place (domain, level and list: strengths or needs);
 * 2. the same words in the same place: copies of one wording at several levels pair level to
 *    level even when their ids were renumbered;
 * 3. the same id anywhere (a kept id means the same indicator, moved or reworded);
 * 4. similar words in the same place (at least IN_PLACE);
 * 5. similar words in the same domain at another level or list, then anywhere (at least ACROSS).
 *
 * What is left in one place on both sides, with some words in common (at least POSSIBLY), is
 * paired as “possibly reworded”: a person should look. So is an added or removed indicator whose
 * words are nearly all in a paired neighbour's (part of a split or a merge). Every step is
 * deterministic and symmetric: swapping the versions gives the same pairs.
 */
import { munkres } from 'munkres'
import type { Indicator } from '../model/types.ts'
import { compareStrings } from '../shared/text.ts'
import { finishMatching, referenceKey, type Matching, type Pair } from './match.ts'
import { bagOf, contentWords, letters } from './meaning.ts'
import { indicatorPlace, pairKey } from './model.ts'
import { ACROSS, CONTAINED, IN_PLACE, POSSIBLY, roundScore } from './similarity.ts'

/** Above this many rows or columns an assignment is made greedily, best score first, to bound the time. */
const MAX_ASSIGNMENT = 400

export interface IndicatorMatching extends Matching<Indicator> {
  /** Left over in one place on both sides, with some words in common: a person should look. */
  possiblyReworded: Pair<Indicator>[]
}

interface Side {
  items: readonly Indicator[]
  words: Map<Indicator, string[]>
  position: Map<Indicator, number>
}

export function matchIndicators(olds: readonly Indicator[], news: readonly Indicator[], levels: Matching<{ id: string }>, domains: Matching<{ id: string }>): IndicatorMatching {
  // A place as seen across the versions (see referenceKey), so a renamed level is the same place.
  const place = (side: 'old' | 'new', indicator: Indicator) => indicatorPlace(domains, levels, side, indicator)
  const domainOf = (side: 'old' | 'new', indicator: Indicator) => (indicator.domain === undefined ? '' : referenceKey(domains, side, indicator.domain))
  const side = (items: readonly Indicator[]): Side => ({ items, words: new Map(items.map((item) => [item, contentWords(item.text)])), position: new Map(items.map((item, index) => [item, index / Math.max(1, items.length - 1)])) })
  const before = side(olds)
  const after = side(news)
  const pairs: Pair<Indicator>[] = []
  const usedOld = new Set<Indicator>()
  const usedNew = new Set<Indicator>()
  const add = (a: Indicator, b: Indicator, by: Pair<Indicator>['by'], score?: number) => {
    pairs.push(score === undefined ? { old: a, new: b, by } : { old: a, new: b, by, score })
    usedOld.add(a)
    usedNew.add(b)
  }
  const left = (s: Side, used: Set<Indicator>) => s.items.filter((item) => !used.has(item))

  // 1 and 3: by id, first only where the place is the same.
  const newById = new Map<string, Indicator>()
  for (const item of news) if (!newById.has(item.id)) newById.set(item.id, item)
  for (const item of olds) {
    const other = newById.get(item.id)
    if (other && !usedNew.has(other) && !usedOld.has(item) && place('old', item) === place('new', other)) add(item, other, 'id')
  }
  // 2: the same words in the same place, the first old with the first new, and so on.
  const waiting = new Map<string, Indicator[]>()
  for (const item of left(after, usedNew)) {
    const key = `${place('new', item)}\u0000${letters(item.text)}`
    waiting.set(key, [...(waiting.get(key) ?? []), item])
  }
  for (const item of left(before, usedOld)) {
    const other = waiting.get(`${place('old', item)}\u0000${letters(item.text)}`)?.shift()
    if (other) add(item, other, 'text')
  }
  for (const item of left(before, usedOld)) {
    const other = newById.get(item.id)
    if (other && !usedNew.has(other)) add(item, other, 'id')
  }
  // 4 and 5: similar words, in the same place, then the same domain, then anywhere.
  const score = (a: Indicator, b: Indicator) => dice(before.words.get(a) ?? [], after.words.get(b) ?? [])
  const stages: Array<{ group: (s: 'old' | 'new', item: Indicator) => string; threshold: number }> = [
    { group: place, threshold: IN_PLACE },
    { group: domainOf, threshold: ACROSS },
    { group: () => '', threshold: ACROSS },
  ]
  for (const stage of stages) {
    for (const [a, b, s] of assignGroups(left(before, usedOld), left(after, usedNew), stage.group, score, stage.threshold, before, after)) add(a, b, 'similarity', s)
  }
  // Possibly reworded: what is left in one place, with some words in common.
  const possiblyReworded: Pair<Indicator>[] = []
  const possiblyOld = new Set<Indicator>()
  const possiblyNew = new Set<Indicator>()
  for (const [a, b, s] of assignGroups(left(before, usedOld), left(after, usedNew), place, score, POSSIBLY, before, after)) {
    possiblyReworded.push({ old: a, new: b, by: 'similarity', score: s })
    possiblyOld.add(a)
    possiblyNew.add(b)
  }
  // Part of a split (an added indicator inside an old neighbour that was paired) or a merge.
  const contained = (words: readonly string[], within: readonly string[]) => {
    if (words.length < 2) return 0
    const bag = bagOf(within)
    let found = 0
    for (const word of words) {
      const count = bag.get(word) ?? 0
      if (count > 0) {
        found++
        bag.set(word, count - 1)
      }
    }
    return found / words.length
  }
  const paired = pairs.filter((pair) => place('old', pair.old) === place('new', pair.new))
  for (const item of left(after, new Set([...usedNew, ...possiblyNew]))) {
    const best = bestBy(paired.filter((pair) => place('old', pair.old) === place('new', item)), (pair) => contained(after.words.get(item) ?? [], before.words.get(pair.old) ?? []), (pair) => pair.old.id)
    if (best && best.value >= CONTAINED) possiblyReworded.push({ old: best.item.old, new: item, by: 'similarity', score: roundScore(score(best.item.old, item)) })
  }
  for (const item of left(before, new Set([...usedOld, ...possiblyOld]))) {
    const best = bestBy(paired.filter((pair) => place('new', pair.new) === place('old', item)), (pair) => contained(before.words.get(item) ?? [], after.words.get(pair.new) ?? []), (pair) => pair.new.id)
    if (best && best.value >= CONTAINED) possiblyReworded.push({ old: item, new: best.item.new, by: 'similarity', score: roundScore(score(item, best.item.new)) })
  }
  const inPossible = (item: Indicator, sideOf: 'old' | 'new') => possiblyReworded.some((pair) => pair[sideOf] === item)
  const matching = finishMatching(pairs, olds, news, usedOld, usedNew)
  return {
    ...matching,
    removed: matching.removed.filter((item) => !inPossible(item, 'old')),
    added: matching.added.filter((item) => !inPossible(item, 'new')),
    possiblyReworded,
  }
}

/** Dice coefficient over two word lists: 2 × shared ÷ all, rounded to three decimals. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1
  const bag = bagOf(a)
  let shared = 0
  for (const word of b) {
    const count = bag.get(word) ?? 0
    if (count > 0) {
      shared++
      bag.set(word, count - 1)
    }
  }
  return roundScore((2 * shared) / (a.length + b.length))
}

function bestBy<T>(items: readonly T[], value: (item: T) => number, key: (item: T) => string): { item: T; value: number } | undefined {
  let best: { item: T; value: number } | undefined
  for (const item of items) {
    const v = value(item)
    if (!best || v > best.value || (v === best.value && compareStrings(key(item), key(best.item)) < 0)) best = { item, value: v }
  }
  return best
}

/**
 * The optimal one-to-one pairs within each group, every pair at least `threshold`. Costs carry
 * two tiny tie-breakers that do not depend on which version is old: how far apart the two sit in
 * their lists, then the pair's ids in sorted order.
 */
function assignGroups(
  olds: readonly Indicator[],
  news: readonly Indicator[],
  group: (side: 'old' | 'new', item: Indicator) => string,
  score: (a: Indicator, b: Indicator) => number,
  threshold: number,
  before: Side,
  after: Side,
): Array<[Indicator, Indicator, number]> {
  const out: Array<[Indicator, Indicator, number]> = []
  const groups = new Map<string, { olds: Indicator[]; news: Indicator[] }>()
  for (const item of olds) {
    const key = group('old', item)
    const entry = groups.get(key) ?? { olds: [], news: [] }
    entry.olds.push(item)
    groups.set(key, entry)
  }
  for (const item of news) {
    const entry = groups.get(group('new', item))
    if (entry) entry.news.push(item)
  }
  for (const key of [...groups.keys()].sort(compareStrings)) {
    const { olds: rows, news: columns } = groups.get(key) as { olds: Indicator[]; news: Indicator[] }
    if (rows.length === 0 || columns.length === 0) continue
    const candidates: Array<{ r: number; c: number; score: number; key: string }> = []
    rows.forEach((a, r) =>
      columns.forEach((b, c) => {
        const s = score(a, b)
        if (s >= threshold) candidates.push({ r, c, score: s, key: pairKey(a.id, b.id) })
      }),
    )
    if (candidates.length === 0) continue
    const rank = new Map([...candidates].sort((x, y) => compareStrings(x.key, y.key)).map((candidate, index) => [candidate, index]))
    const cost = (candidate: (typeof candidates)[number]) =>
      1 - candidate.score + 1e-5 * Math.abs((before.position.get(rows[candidate.r] as Indicator) ?? 0) - (after.position.get(columns[candidate.c] as Indicator) ?? 0)) + 1e-9 * (rank.get(candidate) ?? 0)
    const chosen: Array<(typeof candidates)[number]> = []
    if (rows.length > MAX_ASSIGNMENT || columns.length > MAX_ASSIGNMENT) {
      const usedRows = new Set<number>()
      const usedColumns = new Set<number>()
      for (const candidate of [...candidates].sort((x, y) => cost(x) - cost(y))) {
        if (usedRows.has(candidate.r) || usedColumns.has(candidate.c)) continue
        usedRows.add(candidate.r)
        usedColumns.add(candidate.c)
        chosen.push(candidate)
      }
    } else {
      // A pair below the threshold costs as much as one with nothing in common: the assignment
      // then has the greatest total similarity, and such pairs are dropped after it.
      const NONE = 1
      const matrix = rows.map(() => columns.map(() => NONE))
      for (const candidate of candidates) (matrix[candidate.r] as number[])[candidate.c] = cost(candidate)
      const byCell = new Map(candidates.map((candidate) => [`${candidate.r}:${candidate.c}`, candidate]))
      for (const [r, c] of munkres(matrix)) {
        const candidate = byCell.get(`${r}:${c}`)
        if (candidate) chosen.push(candidate)
      }
    }
    for (const candidate of chosen) out.push([rows[candidate.r] as Indicator, columns[candidate.c] as Indicator, candidate.score])
  }
  return out
}
