/** Everything a change kind needs to compare two versions of one framework: both models and how their parts match. */
import type { Contact, Domain, Framework, Indicator, Level, Link, MatrixFactor } from '../model/types.ts'
import { labelKey, matchItems, referenceKey, sameReference, type Matching, type Pair } from './match.ts'
import { matchIndicators, type IndicatorMatching } from './match-indicators.ts'
import { flatDomains, flatLevels } from '../model/flat.ts'
import { flatSections, type PlacedSection } from './model.ts'
import { compareStrings } from '../shared/text.ts'
import type { MatchBy, SubjectRef, Value } from './types.ts'
import { linkTargets, readableText } from './text.ts'
import { normaliseWords, wordDiff } from './words.ts'
import { sameMeaning } from './meaning.ts'

/** A section with its id on top, so sections match like everything else. */
export type SectionItem = PlacedSection & { id: string }

export interface DiffContext {
  old: Framework
  new: Framework
  levels: Matching<Level>
  domains: Matching<Domain>
  indicators: IndicatorMatching
  contacts: Matching<Contact>
  links: Matching<Link>
  sections: Matching<SectionItem>
  factors: Matching<MatrixFactor>
  /** Set when the framework is in one version only; the other side is then an empty framework. */
  only?: 'old' | 'new'
  /** Level ids in each version's level order, least serious first. */
  levelOrder: { old: string[]; new: string[] }
}

export function createDiffContext(oldFramework: Framework, newFramework: Framework, only?: 'old' | 'new'): DiffContext {
  const sectionItems = (framework: Framework): SectionItem[] => flatSections(framework).map((placed) => ({ ...placed, id: placed.section.id }))
  const levels = matchItems(flatLevels(oldFramework), flatLevels(newFramework), [{ by: 'title', key: labelKey((level) => level.title) }])
  const domains = matchItems(flatDomains(oldFramework), flatDomains(newFramework), [{ by: 'title', key: labelKey((domain) => domain.title) }])
  return {
    old: oldFramework,
    new: newFramework,
    ...(only ? { only } : {}),
    levels,
    domains,
    indicators: matchIndicators(oldFramework.indicators, newFramework.indicators, levels, domains),
    contacts: matchItems(oldFramework.contacts, newFramework.contacts, [{ by: 'name', key: labelKey((contact) => contact.name) }]),
    links: matchItems(oldFramework.links, newFramework.links, [
      { by: 'url', key: (link) => link.url },
      { by: 'text', key: labelKey((link) => link.text) },
    ]),
    sections: matchItems(sectionItems(oldFramework), sectionItems(newFramework), [{ by: 'title', key: labelKey((item) => item.section.title) }]),
    factors: matchItems(oldFramework.matrix?.factors ?? [], newFramework.matrix?.factors ?? [], [{ by: 'title', key: labelKey((factor) => factor.title) }]),
    levelOrder: { old: flatLevels(oldFramework).map((level) => level.id), new: flatLevels(newFramework).map((level) => level.id) },
  }
}

/** How a pair was matched, as the report shows it. */
export function matchOf(pair: Pair<unknown>): { by: MatchBy; score?: number } {
  return pair.score === undefined ? { by: pair.by } : { by: pair.by, score: pair.score }
}

export function indicatorRef(indicator: Indicator): SubjectRef {
  return { id: indicator.id, label: indicator.text, ...(indicator.domain ? { domain: indicator.domain } : {}), ...(indicator.level ? { level: indicator.level } : {}) }
}

export function titled(item: { id: string; title: string }): SubjectRef {
  return { id: item.id, label: item.title }
}

/** A level or domain as a change's value: its id and title in that version. */
export function reference(item: { id: string; title: string } | undefined): Value {
  return item ? { id: item.id, title: item.title } : null
}

export function levelById(framework: Framework, id: string | undefined): Level | undefined {
  return id === undefined ? undefined : flatLevels(framework).find((level) => level.id === id)
}

export function domainById(framework: Framework, id: string | undefined): Domain | undefined {
  return id === undefined ? undefined : flatDomains(framework).find((domain) => domain.id === id)
}

/**
 * A text field compared: null for a side without it (the word diff is then all inserted or deleted). The word diff is of the words as read, so
 * for Markdown fields link addresses and emphasis marks are left out of it (they are in old/new).
 */
export function textChange(before: string | undefined, after: string | undefined, markdown = false): { old: Value; new: Value; words?: ReturnType<typeof wordDiff> } | undefined {
  if ((before ?? '') === (after ?? '')) return undefined
  const read = (value: string) => (markdown ? readableText(value) : value)
  const words = before && after ? wordDiff(read(before), read(after)) : normaliseWords(before ? [{ op: 'delete', text: read(before) }] : [{ op: 'insert', text: read(after ?? '') }])
  return { old: before ?? null, new: after ?? null, words }
}

/**
 * Which matched items moved in the order, or under another parent. Positions count only items
 * in both versions (1 = first), so adding or removing one never re-orders the rest. When one
 * item moves up three places, only that item is reported, not the three it passed: items that
 * moved under another parent are taken out first, then, one at a time, the item out of order
 * with the most others (ties: the smaller id), until the rest are in the same order in both
 * versions. Pairs out of order are the same from either version, so swapping the versions
 * reports the same items.
 */
export function reorderings<T extends { id: string; parent?: string }>(matching: Matching<T>, oldOrder: readonly T[], newOrder: readonly T[]): Array<{ pair: Pair<T>; old: { position: number; parent: string | null }; new: { position: number; parent: string | null } }> {
  const matchedOld = oldOrder.filter((item) => matching.newIdOf.has(item.id))
  const matchedNew = newOrder.filter((item) => matching.oldIdOf.has(item.id))
  const pairs = matching.pairs.filter((pair) => matchedOld.includes(pair.old) && matchedNew.includes(pair.new))
  const oldPosition = new Map(pairs.map((pair) => [pair, matchedOld.indexOf(pair.old)]))
  const newPosition = new Map(pairs.map((pair) => [pair, matchedNew.indexOf(pair.new)]))
  const key = (pair: Pair<T>) => (compareStrings(pair.old.id, pair.new.id) <= 0 ? `${pair.old.id}\u0000${pair.new.id}` : `${pair.new.id}\u0000${pair.old.id}`)
  const parentMoved = (pair: Pair<T>) => !sameReference(matching, pair.old.parent, pair.new.parent)
  // An item that moved under another parent moved anyway: it is taken out first.
  const moved = new Set<Pair<T>>(pairs.filter(parentMoved))
  for (;;) {
    const crossings = new Map<Pair<T>, number>()
    for (const a of pairs) {
      if (moved.has(a)) continue
      for (const b of pairs) {
        if (b === a || moved.has(b)) continue
        if (Math.sign((oldPosition.get(a) as number) - (oldPosition.get(b) as number)) !== Math.sign((newPosition.get(a) as number) - (newPosition.get(b) as number)))
          crossings.set(a, (crossings.get(a) ?? 0) + 1)
      }
    }
    if (crossings.size === 0) break
    const [worst] = [...crossings.entries()].sort(([a, x], [b, y]) => y - x || compareStrings(key(a), key(b)))
    moved.add((worst as [Pair<T>, number])[0])
  }
  const out: ReturnType<typeof reorderings<T>> = []
  for (const pair of pairs) {
    if (moved.has(pair))
      out.push({
        pair,
        old: { position: (oldPosition.get(pair) as number) + 1, parent: pair.old.parent ?? null },
        new: { position: (newPosition.get(pair) as number) + 1, parent: pair.new.parent ?? null },
      })
  }
  return out
}

/**
 * `{ impact: 'editorial' }` when two versions of a text read the same (only spelling, punctuation,
 * case, spacing, “&” for “and”, word order or person changed), for kinds whose changes are
 * otherwise practice; nothing when the meaning may have changed.
 */
export function editorialIfSame(before: string | undefined, after: string | undefined): { impact?: 'editorial' } {
  if (before === undefined || after === undefined) return {}
  return sameMeaning(before, after) ? { impact: 'editorial' } : {}
}

/**
 * editorialIfSame for a Markdown field: the words as a reader sees them read the same, and its
 * links still go to the same things. A link that now goes elsewhere (“Ask [the duty team](#emergency)”
 * for “(#front-door)”) sends the reader elsewhere, even though the words did not change.
 */
export function editorialIfSameMarkdown(context: DiffContext, before: string | undefined, after: string | undefined): { impact?: 'editorial' } {
  if (before === undefined || after === undefined) return {}
  const targets = (side: 'old' | 'new', markdown: string) => linkTargets(markdown).map((target) => targetKey(context, side, target)).join('\u0000')
  if (targets('old', before) !== targets('new', after)) return {}
  return sameMeaning(readableText(before), readableText(after)) ? { impact: 'editorial' } : {}
}

/** A link target comparable across the versions: an id as the thing it names (renamed ids count as the same), an address as written. */
function targetKey(context: DiffContext, side: 'old' | 'new', target: string): string {
  if (!target.startsWith('#')) return target
  const id = target.slice(1)
  const ids = (matching: Matching<{ id: string }>) => (side === 'old' ? matching.oldIds : matching.newIds)
  const kinds = [context.contacts, context.links, context.levels, context.domains, context.indicators, context.sections] as Array<Matching<{ id: string }>>
  const index = kinds.findIndex((matching) => ids(matching).has(id))
  return index === -1 ? target : `${index}${referenceKey(kinds[index] as Matching<{ id: string }>, side, id)}`
}
