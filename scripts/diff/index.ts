/**
 * The version diff: compares two versions of a framework, model against model, and says what
 * changed in practice. Data flows one way: sources → parse → model → diff → report.
 */
import type { Contact, Framework, Level } from '../model/types.ts'
import { UsageError } from '../shared/usage-error.ts'
import { compareStrings } from '../shared/text.ts'
import { createDiffContext } from './context.ts'
import { suggestVersion, versionNotRaised } from './next-version.ts'
import { summariseMatching, type Matching } from './match.ts'
import { flatDomains, flatLevels } from '../model/flat.ts'
import { emptyFramework } from './model.ts'
import { changeKinds } from './registry.ts'
import { IN_PLACE } from './similarity.ts'
import type { AbsentPart, Change, Counts, DiffReport, Entry, FrameworkDiff, Impact, OutlineEntry, OutlineSide, SideInfo, VersionInfo } from './types.ts'
import { shownNumber } from './phones.ts'

/** A stable order for changes: by kind, then what they are about, then the values. */
export function compareChanges(a: Change, b: Change): number {
  return (
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.subject.type, b.subject.type) ||
    compareStrings(a.subject.new?.id ?? '', b.subject.new?.id ?? '') ||
    compareStrings(a.subject.old?.id ?? '', b.subject.old?.id ?? '') ||
    compareStrings(a.field ?? '', b.field ?? '') ||
    compareStrings(JSON.stringify(a.old ?? null), JSON.stringify(b.old ?? null)) ||
    compareStrings(JSON.stringify(a.new ?? null), JSON.stringify(b.new ?? null))
  )
}

/** The changes a person counts as one: every change of one indicator (by its old and new id), or one change of anything else. */
export function groupEntries(changes: readonly Change[]): Entry[] {
  const entries: Entry[] = []
  const byIndicator = new Map<string, Entry>()
  changes.forEach((change, index) => {
    const key = change.subject.type === 'indicator' ? indicatorKey(change.subject.old?.id, change.subject.new?.id) : undefined
    const found = key === undefined ? undefined : byIndicator.get(key)
    if (found) {
      found.kinds.push(change.kind)
      found.changes.push(index)
      if (IMPACT_RANK[change.impact] > IMPACT_RANK[found.impact]) found.impact = change.impact
      return
    }
    const entry: Entry = { impact: change.impact, subject: change.subject, kinds: [change.kind], changes: [index] }
    entries.push(entry)
    if (key !== undefined) byIndicator.set(key, entry)
  })
  return entries
}

const IMPACT_RANK: Record<Impact, number> = { editorial: 0, review: 1, practice: 2 }
const indicatorKey = (oldId: string | undefined, newId: string | undefined) => `${oldId ?? ''}>${newId ?? ''}`

export function countChanges(changes: readonly Change[], entries: readonly Entry[] = groupEntries(changes)): Counts {
  const byKind: Record<string, number> = {}
  for (const change of changes) byKind[change.kind] = (byKind[change.kind] ?? 0) + 1
  const moved = (direction: string) => entries.filter((entry) => entry.changes.some((index) => changes[index]?.direction === direction)).length
  return {
    changes: entries.length,
    practice: entries.filter((entry) => entry.impact === 'practice').length,
    review: entries.filter((entry) => entry.impact === 'review').length,
    editorial: entries.filter((entry) => entry.impact === 'editorial').length,
    findings: changes.length,
    byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => compareStrings(a, b))),
    raised: moved('raised'),
    lowered: moved('lowered'),
  }
}

/** Adds up the frameworks' counts. */
function addCounts(all: readonly Counts[]): Counts {
  const byKind: Record<string, number> = {}
  for (const counts of all) for (const [kind, count] of Object.entries(counts.byKind)) byKind[kind] = (byKind[kind] ?? 0) + count
  const sum = (key: 'changes' | 'practice' | 'review' | 'editorial' | 'findings' | 'raised' | 'lowered') => all.reduce((total, counts) => total + counts[key], 0)
  return {
    changes: sum('changes'),
    practice: sum('practice'),
    review: sum('review'),
    editorial: sum('editorial'),
    findings: sum('findings'),
    byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => compareStrings(a, b))),
    raised: sum('raised'),
    lowered: sum('lowered'),
  }
}

/** Levels, domains or contacts in the new version's order, then those only in the old one, each with its other side. */
function outline<T extends { id: string }>(matching: Matching<T>, newOrder: readonly T[], entry: (item: T) => OutlineSide): OutlineEntry[] {
  const oldOf = new Map(matching.pairs.map((pair) => [pair.new, pair.old]))
  return [
    ...newOrder.map((item) => {
      const old = oldOf.get(item)
      return { ...(old ? { old: entry(old) } : {}), new: entry(item) }
    }),
    ...matching.removed.map((item) => ({ old: entry(item) })),
  ]
}

const titled = (item: { id: string; title: string }): OutlineSide => ({ id: item.id, title: item.title })
const levelSide = (level: Level): OutlineSide => ({ id: level.id, title: level.title, ...(level.label ? { label: level.label } : {}) })

/** A contact's name and the details a reader would use to reach it (a removed contact keeps them in the report). */
function contactSide(framework: Framework): (contact: Contact) => OutlineSide {
  return (contact) => {
    const web = contact.web === undefined ? undefined : framework.links.find((link) => link.id === contact.web)
    const details = [
      // Every number, with its use and its own hours, as the change lines show them.
      ...contact.phones.flatMap((phone) => [{ field: 'phone', value: shownNumber(phone) ?? phone.number }, ...(phone.hours ? [{ field: 'hours', value: `${phone.hours.text}, for ${shownNumber(phone)}` }] : [])]),
      contact.hours ? { field: 'hours', value: contact.hours.text } : undefined,
      contact.email ? { field: 'email', value: contact.email } : undefined,
      // A web address still pending is no way to reach anyone: left out.
      web?.url && /^https?:/i.test(web.url) ? { field: 'web', value: web.url } : undefined,
    ].filter((detail): detail is { field: string; value: string } => detail !== undefined)
    return { id: contact.id, title: contact.name, ...(details.length ? { details } : {}) }
  }
}

function versionInfo(framework: Framework): VersionInfo {
  return { id: framework.id, title: framework.title, version: framework.version, status: framework.status, ...(framework.published ? { published: framework.published } : {}) }
}

/** Compares two versions of one framework; either may be missing (a framework added or removed). */
export function diffFrameworks(oldFramework: Framework | undefined, newFramework: Framework | undefined, kinds?: readonly string[]): FrameworkDiff {
  if (!oldFramework && !newFramework) throw new Error('diffFrameworks needs at least one framework')
  const only = !oldFramework ? 'new' : !newFramework ? 'old' : undefined
  const before = oldFramework ?? emptyFramework((newFramework as Framework).id)
  const after = newFramework ?? emptyFramework((oldFramework as Framework).id)
  const context = createDiffContext(before, after, only)
  const changes: Change[] = []
  for (const kind of changeKinds) {
    if ((kind.when ?? 'both') !== (only ? 'one' : 'both') || (kinds && !kinds.includes(kind.id))) continue
    for (const { impact, ...detected } of kind.detect(context)) changes.push({ kind: kind.id, impact: impact ?? kind.impact, ...detected })
  }
  changes.sort(compareChanges)
  const entries = groupEntries(changes)
  const summary = countChanges(changes, entries)
  const absent = absentParts(before, after)
  const suggestedVersion = oldFramework && newFramework ? suggestVersion(oldFramework.version, summary) : undefined
  return {
    id: after.id,
    title: (newFramework ?? oldFramework)?.title ?? after.id,
    status: only === 'new' ? 'added' : only === 'old' ? 'removed' : changes.length ? 'changed' : 'unchanged',
    ...(oldFramework ? { old: versionInfo(oldFramework) } : {}),
    ...(newFramework ? { new: versionInfo(newFramework) } : {}),
    summary,
    ...(suggestedVersion ? { suggestedVersion } : {}),
    outline: {
      levels: outline(context.levels, flatLevels(after), levelSide),
      domains: outline(context.domains, flatDomains(after), titled),
      contacts: outline(context.contacts, after.contacts, (contact) => (context.contacts.removed.includes(contact) ? contactSide(before) : contactSide(after))(contact)),
    },
    flags: oldFramework && newFramework ? [versionNotRaised(oldFramework.version, newFramework.version, summary)].filter((flag) => flag !== undefined) : [],
    matching: only
      ? {}
      : {
          levels: summariseMatching(context.levels),
          domains: summariseMatching(context.domains),
          indicators: summariseMatching(context.indicators),
          contacts: summariseMatching(context.contacts),
          links: summariseMatching(context.links),
          sections: summariseMatching(context.sections),
          factors: summariseMatching(context.factors),
        },
    ...(absent.length ? { absent } : {}),
    changes,
    entries,
  }
}

/** The parts neither version has, so the report does not list them as if they were there unchanged. */
function absentParts(before: Framework, after: Framework): AbsentPart[] {
  const lacks = (has: (framework: Framework) => boolean) => !has(before) && !has(after)
  return [
    ...(lacks((framework) => framework.links.length > 0) ? ['links' as const] : []),
    ...(lacks((framework) => framework.matrix !== undefined) ? ['matrix' as const] : []),
    ...(lacks((framework) => framework.sections.length > 0) ? ['narrative' as const] : []),
  ]
}

export interface DiffOptions {
  /** Compare only this framework. */
  framework?: string
  /** Look for only these change kinds (the change-kind tables, so each case exercises one kind); default all. */
  kinds?: readonly string[]
}

/**
 * Pairs the frameworks of two versions by id and compares each pair. Two sides holding one
 * framework each are compared whatever their ids (a folder against a framework.json of another name).
 */
export function diffVersions(olds: readonly Framework[], news: readonly Framework[], sides: { old: SideInfo; new: SideInfo }, options: DiffOptions = {}): DiffReport {
  let before = olds
  let after = news
  if (options.framework !== undefined) {
    const id = options.framework
    before = olds.filter((framework) => framework.id === id)
    after = news.filter((framework) => framework.id === id)
    if (before.length === 0 && after.length === 0) {
      const known = [...new Set([...olds, ...news].map((framework) => framework.id))].sort(compareStrings)
      throw new UsageError(`No framework “${id}” in either version, expected one of ${known.map((k) => `“${k}”`).join(', ') || '(none)'}`)
    }
  }
  const pairs: Array<[Framework | undefined, Framework | undefined]> = []
  if (before.length === 1 && after.length === 1) pairs.push([before[0], after[0]])
  else {
    const ids = [...new Set([...before, ...after].map((framework) => framework.id))].sort(compareStrings)
    for (const id of ids) pairs.push([before.find((framework) => framework.id === id), after.find((framework) => framework.id === id)])
  }
  const frameworks = pairs.map(([a, b]) => diffFrameworks(a, b, options.kinds))
  return {
    formatVersion: 1,
    old: sides.old,
    new: sides.new,
    similarityThreshold: IN_PLACE,
    summary: { ...addCounts(frameworks.map((framework) => framework.summary)), flags: frameworks.reduce((total, framework) => total + framework.flags.length, 0) },
    frameworks,
  }
}

/** The report without the frameworks that did not change, named in `unchanged` instead (what every format shows unless --all). */
export function leaveOutUnchanged(report: DiffReport): DiffReport {
  const unchanged = report.frameworks.filter((framework) => framework.status === 'unchanged')
  if (unchanged.length === 0) return report
  return { ...report, frameworks: report.frameworks.filter((framework) => framework.status !== 'unchanged'), unchanged: unchanged.map((framework) => ({ id: framework.id, title: framework.title })) }
}

/** The same change seen from the other side: added for removed, raised for lowered, old for new. */
export { invertChange } from './invert.ts'
export { changeKinds }
