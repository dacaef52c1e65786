/**
 * The diff report as one Markdown syntax tree (mdast), written out as Markdown for pull requests
 * and turned into HTML for the standalone page, so both say the same thing. All content goes in
 * as text nodes: the Markdown writer escapes it and the HTML writer encodes it, so nothing a
 * framework says can become markup in the report.
 */
import type { BlockContent, Heading, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { compareStrings } from '../../shared/text.ts'
import { changeKinds, changeKindsById } from '../registry.ts'
import type { AbsentPart, Change, DiffReport, Entry, FrameworkDiff, Impact, OutlineEntry, SideInfo, Value, WordPart } from '../types.ts'

/** Unchanged words kept either side of a change in a long text; the rest is shown as “…”. */
const CONTEXT_WORDS = 12

// ---- node helpers -------------------------------------------------------------------------

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const strong = (children: PhrasingContent[]): PhrasingContent => ({ type: 'strong', children })
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value })
const paragraph = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children })
const heading = (depth: 1 | 2 | 3 | 4 | 5 | 6, children: PhrasingContent[]): Heading => ({ type: 'heading', depth, children })
const item = (children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(children)] })
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items })

/** Inserted words: bold in Markdown, `<ins>` in HTML. */
function inserted(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)], data: { hName: 'ins', hChildren: [hidden('added: '), { type: 'text', value }] } }
}

/** Deleted words: struck through in Markdown, `<del>` in HTML. */
function deleted(value: string): PhrasingContent {
  return { type: 'delete', children: [text(value)], data: { hChildren: [hidden('removed: '), { type: 'text', value }] } }
}

/** Words a screen reader says but the page does not show, since `<ins>`/`<del>` are often not announced. */
function hidden(value: string) {
  return { type: 'element' as const, tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text' as const, value }] }
}

/** A table with column headers, and row headers in the first column (`<th scope="row">` in HTML). */
function table(caption: string, header: string[], rows: PhrasingContent[][][]): Table {
  const cell = (children: PhrasingContent[], data?: TableCell['data']): TableCell => ({ type: 'tableCell', children, ...(data ? { data } : {}) })
  const headRow: TableRow = { type: 'tableRow', children: header.map((name) => cell([text(name)], { hProperties: { scope: 'col' } })) }
  const bodyRows: TableRow[] = rows.map((row) => ({
    type: 'tableRow',
    children: row.map((content, index) => (index === 0 ? cell(content, { hName: 'th', hProperties: { scope: 'row' } }) : cell(content))),
  }))
  return { type: 'table', align: header.map(() => null), children: [headRow, ...bodyRows], data: { hProperties: { dataCaption: caption } } }
}

// ---- text helpers -------------------------------------------------------------------------

/** Line breaks in Markdown fields are shown as spaces: a report line is one line. */
function flat(value: string): string {
  return value.replace(/\s+/g, ' ')
}

function quoted(value: string): PhrasingContent[] {
  return [text(`“${flat(value).trim()}”`)]
}

/** Cuts a long unchanged stretch to its first and/or last few words, keeping the spaces at its edges. */
function keepWords(value: string, keep: 'start' | 'end' | 'both'): string {
  const words = value.trim().split(' ').filter(Boolean)
  if (words.length <= (keep === 'both' ? CONTEXT_WORDS * 2 : CONTEXT_WORDS)) return value
  const lead = value.startsWith(' ') ? ' ' : ''
  const trail = value.endsWith(' ') ? ' ' : ''
  const first = words.slice(0, CONTEXT_WORDS).join(' ')
  const last = words.slice(-CONTEXT_WORDS).join(' ')
  if (keep === 'start') return `${lead}${first} …${trail}`
  if (keep === 'end') return `${lead}… ${last}${trail}`
  return `${lead}${first} … ${last}${trail}`
}

/** A word diff as inline nodes; long unchanged stretches are cut to a few words around each change. */
export function wordsInline(parts: readonly WordPart[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  parts.forEach((part, index) => {
    const value = flat(part.text)
    if (part.op === 'equal') {
      const position = parts.length === 1 ? 'none' : index === 0 ? 'end' : index === parts.length - 1 ? 'start' : 'both'
      out.push(text(position === 'none' ? value : keepWords(value, position)))
      return
    }
    // Only the spacing changed here: show the new spacing, unmarked.
    if (value.trim() === '') {
      if (part.op === 'insert') out.push(text(value))
      return
    }
    // Spaces stay outside the marks: “** word**” is not bold in Markdown.
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? []
    if (lead) out.push(text(lead))
    if (core) {
      const previous = out[out.length - 1]
      if (part.op === 'insert' && previous?.type === 'delete') out.push(text(' '))
      out.push(part.op === 'insert' ? inserted(core) : deleted(core))
    }
    if (trail) out.push(text(trail))
  })
  // No spaces at the very start or end: the line around the diff has its own.
  const first = out[0]
  if (first?.type === 'text') first.value = first.value.trimStart()
  const last = out[out.length - 1]
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

function valueText(value: Value | undefined): string {
  if (value === undefined || value === null) return 'none'
  if (typeof value === 'string') return flat(value)
  if (typeof value === 'number' || typeof value === 'boolean') return value === true ? 'yes' : value === false ? 'no' : String(value)
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : 'none'
  if ('title' in value && 'id' in value && typeof value.title === 'string') return value.title
  if ('title' in value && 'edition' in value) return `${valueText(value.title)} ${valueText(value.edition)}`
  if ('position' in value) return `position ${valueText(value.position)}${value.parent ? ` under ${valueText(value.parent)}` : ''}`
  return JSON.stringify(value)
}

/** “old → new”, with the values as code when they are ids, numbers or addresses. */
function beforeAfter(change: Change, asCode = false): PhrasingContent[] {
  const show = (value: Value | undefined) => (asCode && value !== null && value !== undefined ? code(valueText(value)) : text(valueText(value)))
  return [show(change.old), text(' → '), show(change.new)]
}

/** The text change itself: a word diff when both sides have text, otherwise what was added or removed. */
function textDiff(change: Change): PhrasingContent[] {
  if (change.words && change.old !== null && change.new !== null) return wordsInline(change.words)
  if (change.words) return [text(change.new === null ? 'removed: ' : 'added: '), ...wordsInline(change.words)]
  if (change.new !== null && change.new !== undefined) return [text('added: '), ...wordsInline([{ op: 'insert', text: valueText(change.new) }])]
  return [text('removed: '), ...wordsInline([{ op: 'delete', text: valueText(change.old) }])]
}

function matchNote(change: Change): PhrasingContent[] {
  if (!change.match || change.match.by === 'id') return []
  return [text(change.match.by === 'similarity' ? ` (matched by similarity ${change.match.score ?? ''})` : ` (matched by ${change.match.by})`)]
}

const FIELD_NAMES: Record<string, string> = {
  whatToDo: 'What to do',
  consent: 'Information sharing and consent',
  familyAgreement: 'Family agreement',
  familyAgreementCondition: 'Family agreement condition',
  label: 'Label',
  order: 'Order',
  list: 'List',
  resources: 'Resources',
  completeness: 'Completeness',
  description: 'Description',
  summary: 'Introduction',
  body: 'Text',
  title: 'Title',
  shortTitle: 'Short title',
  notes: 'Notes',
  rule: 'Rule',
  phone: 'Phone',
  hours: 'Hours',
  email: 'Email',
  address: 'Address',
  web: 'Web',
  emergency: 'Emergency',
  useFor: 'Use for',
  age: 'Age group',
  tags: 'Tags',
  related: 'Related indicators',
  markdown: 'Emphasis and links',
  id: 'Id',
  partnership: 'Partnership',
  region: 'Region',
  version: 'Version',
  status: 'Status',
  published: 'Published',
  reviewDue: 'Review due',
  changeNote: 'Change note',
  indicatorLayout: 'Indicator layout',
  guidance: 'Statutory guidance',
  contactsTitle: 'Title of the contacts page',
  linksTitle: 'Title of the links page',
  factorHeading: 'Heading of the factors’ column',
}

const fieldName = (field: string | undefined) => (field ? (FIELD_NAMES[field] ?? field) : '')

function labelOf(change: Change): string {
  return flat(change.subject.new?.label ?? change.subject.old?.label ?? '')
}

// ---- one line per change ------------------------------------------------------------------

function directionWords(change: Change): string {
  return change.direction === 'raised' ? 'threshold raised' : change.direction === 'lowered' ? 'threshold lowered' : change.direction === 'unclear' ? 'levels re-ordered, direction unclear' : 'level'
}

const INDICATOR_ORDER = [
  'indicator-added',
  'indicator-removed',
  'indicator-moved-level',
  'indicator-reworded',
  'indicator-possibly-reworded',
  'indicator-polarity-changed',
  'indicator-age-changed',
  'indicator-moved-domain',
  'indicator-tags-changed',
  'indicator-id-changed',
]

/** What happened to one indicator, all its changes together: “Reworded; moved from Early Help (threshold raised)”. Ids are for the reviewers' part. */
function indicatorLine(changes: Change[], outline: FrameworkDiff['outline']): PhrasingContent[] {
  const labels: PhrasingContent[] = []
  let body: PhrasingContent[] = quoted(labelOf(changes[0] as Change))
  const add = (...nodes: PhrasingContent[]) => {
    if (labels.length) labels.push(text('; '))
    labels.push(...nodes)
  }
  // What matters most to a practitioner first: a move of level, then what it says, its id last.
  const ordered = [...changes].sort((a, b) => INDICATOR_ORDER.indexOf(a.kind) - INDICATOR_ORDER.indexOf(b.kind))
  for (const change of ordered) {
    switch (change.kind) {
      case 'indicator-added':
        add(strong([text('Added')]))
        break
      case 'indicator-removed': {
        const level = change.subject.old?.level
        add(strong([text(level ? `Removed from ${levelName(outline, level, 'old')}` : 'Removed')]))
        break
      }
      case 'indicator-reworded':
        add(strong([text(change.impact === 'review' ? 'Reworded, the meaning may have changed' : 'Reworded')]))
        body = [text('“'), ...wordsInline(change.words ?? []), text('”')]
        break
      case 'indicator-possibly-reworded':
        add(strong([text('Possibly reworded')]), text(' (removed and added in the same place, or part of a split or merge: a person should look)'))
        body = [text('“'), ...wordsInline(change.words ?? []), text('”')]
        break
      case 'indicator-moved-level':
        add(strong([text(`Moved from ${levelValue(outline, change.old, 'old')} to ${levelValue(outline, change.new, 'new')}`)]), text(` (${directionWords(change)})`))
        break
      case 'indicator-moved-domain':
        add(strong([text(`Moved from domain ${valueText(change.old)} to ${valueText(change.new)}`)]))
        break
      case 'indicator-polarity-changed':
        add(strong([text(`Now a ${valueText(change.new)}`)]), text(` (was a ${valueText(change.old)})`))
        break
      case 'indicator-id-changed':
        // The ids are in the reviewers' part; alone, the words are the same.
        if (changes.length === 1) add(strong([text('Renumbered')]), text(' (same words, new id)'))
        break
      case 'indicator-tags-changed':
        if (change.field === 'related') add(strong([text('Related indicators changed')]))
        else add(strong([text(fieldName(change.field))]), text(': '), ...beforeAfter(change))
        break
      default:
        add(strong([text(fieldName(change.field))]), text(': '), ...beforeAfter(change))
    }
  }
  const match = changes.find((change) => change.match)
  return [...labels, text(': '), ...body, ...(match ? matchNote(match) : [])]
}

/** One bullet for any change that is not about an indicator. */
function changeLine(change: Change, outline: FrameworkDiff['outline']): PhrasingContent[] {
  const kind = changeKindsById.get(change.kind)
  const name = labelOf(change)
  switch (change.kind) {
    case 'level-added':
      return [strong([text('Added')]), text(': '), text(levelName(outline, change.subject.new?.id ?? '', 'new'))]
    case 'level-removed':
      return [strong([text('Removed')]), text(': '), text(levelName(outline, change.subject.old?.id ?? '', 'old'))]
    case 'contact-added':
      return [strong([text('Added')]), text(': '), text(name), ...contactDetails(outline, change.subject.new?.id, 'new')]
    case 'contact-removed':
      return [strong([text('Removed')]), text(': '), text(name), ...contactDetails(outline, change.subject.old?.id, 'old')]
    case 'domain-added':
    case 'framework-added':
      return [strong([text('Added')]), text(': '), text(name)]
    case 'domain-removed':
    case 'framework-removed':
      return [strong([text('Removed')]), text(': '), text(name)]
    case 'section-added':
      return [strong([text('Section added')]), text(': '), text(name)]
    case 'section-removed':
      return [strong([text('Section removed')]), text(': '), text(name)]
    case 'link-added':
      return [strong([text('Added')]), text(`: ${name}, `), ...address(change.new)]
    case 'link-removed':
      return [strong([text('Removed')]), text(`: ${name}, `), ...address(change.old)]
    case 'level-renamed':
    case 'domain-renamed':
    case 'contact-renamed':
    case 'link-renamed':
      return [strong([text(change.field === 'shortTitle' ? 'Short title' : change.field === 'label' ? 'Printed label' : 'Renamed')]), text(': '), ...beforeAfter(change), ...matchNote(change)]
    case 'level-reordered':
    case 'domain-reordered':
      return [strong([text('Re-ordered')]), text(`: ${name} ${reorderWords(change, outline)}`)]
    case 'level-contacts-changed':
      return [strong([text('Contacts')]), text(': '), ...contactNames(outline, change.old, 'old'), text(' → '), ...contactNames(outline, change.new, 'new')]
    case 'link-retargeted':
      return [strong([text('Retargeted')]), text(`: ${name}, `), ...address(change.old), text(' → '), ...address(change.new)]
    case 'contact-number-changed':
    case 'contact-hours-changed':
    case 'contact-details-changed':
      return [strong([text(fieldName(change.field))]), text(': '), ...beforeAfter(change, change.field === 'phone' || change.field === 'web' || change.field === 'email')]
    case 'metadata-changed':
      return [strong([text(fieldName(change.field))]), text(': '), ...beforeAfter(change)]
    case 'matrix-rule-changed':
      return [strong([text('Rule')]), text(': '), ...textDiff(change)]
    case 'consent-changed':
      if (change.field === 'familyAgreement') return [strong([text('Family agreement')]), text(': '), ...beforeAfter(change)]
      return [strong([text(fieldName(change.field))]), text(': '), ...textDiff(change)]
    case 'what-to-do-changed':
      return [strong([text('What to do')]), text(': '), ...textDiff(change)]
    case 'narrative-changed': {
      const where = change.subject.type === 'section' || change.subject.type === 'matrix-factor' ? `${name}, ${fieldName(change.field).toLowerCase()}` : fieldName(change.field)
      return [strong([text(where)]), text(': '), ...textDiff(change)]
    }
    default:
      return [strong([text(kind?.label ?? change.kind)]), text(`: ${name}`)]
  }
}

/** A link's address, or that it is not known yet. */
function address(value: Value | undefined): PhrasingContent[] {
  return typeof value === 'string' ? [code(value)] : [text('address pending')]
}

// ---- names instead of ids ----------------------------------------------------------------

/** A level as practitioners know it: “Level 3: Early Help” when the framework numbers its levels, else its title. */
export function levelName(outline: FrameworkDiff['outline'], id: string, side: 'old' | 'new'): string {
  const entry = outline.levels.find((candidate) => candidate[side]?.id === id)?.[side] ?? outline.levels.find((candidate) => candidate.old?.id === id || candidate.new?.id === id)?.[side === 'old' ? 'new' : 'old']
  if (!entry) return id
  return entry.label ? `${flat(entry.label)}: ${flat(entry.title)}` : flat(entry.title)
}

/** A level value of a change ({ id, title }, or null when unplaced) by its name. */
function levelValue(outline: FrameworkDiff['outline'], value: Value | undefined, side: 'old' | 'new'): string {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.id === 'string') return levelName(outline, value.id, side)
  return valueText(value)
}

function contactOf(outline: FrameworkDiff['outline'], id: string, side: 'old' | 'new') {
  return outline.contacts.find((candidate) => candidate[side]?.id === id)?.[side]
}

/** A list of contact ids as the contacts' names. */
function contactNames(outline: FrameworkDiff['outline'], value: Value | undefined, side: 'old' | 'new'): PhrasingContent[] {
  const ids = Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
  if (ids.length === 0) return [text('none')]
  return [text(ids.map((id) => flat(contactOf(outline, id, side)?.title ?? id)).join(', '))]
}

/** “ (phone 0121 704 8007; hours Mon-Fri 09:00-17:00)”: what a reader needs of a contact that came or went. */
function contactDetails(outline: FrameworkDiff['outline'], id: string | undefined, side: 'old' | 'new'): PhrasingContent[] {
  const details = id === undefined ? undefined : contactOf(outline, id, side)?.details
  if (!details?.length) return []
  const out: PhrasingContent[] = [text(' (')]
  details.forEach((detail, index) => {
    if (index > 0) out.push(text('; '))
    out.push(text(`${fieldName(detail.field).toLowerCase()} `), detail.field === 'hours' ? text(flat(detail.value)) : code(flat(detail.value)))
  })
  out.push(text(')'))
  return out
}

/** “moved from position 5 to 2”, “is no longer under Statutory Services”. */
function reorderWords(change: Change, outline: FrameworkDiff['outline']): string {
  const entries = change.subject.type === 'level' ? outline.levels : outline.domains
  const before = change.old as { position: number; parent: string | null }
  const after = change.new as { position: number; parent: string | null }
  const title = (id: string | null, side: 'old' | 'new') => entries.find((entry) => entry[side]?.id === id)?.[side]?.title ?? id ?? ''
  const parts: string[] = []
  if (before.position !== after.position) parts.push(`moved from position ${before.position} to ${after.position}`)
  const parentBefore = title(before.parent, 'old')
  const parentAfter = title(after.parent, 'new')
  if (before.parent !== null && after.parent === null) parts.push(`is no longer under ${parentBefore}`)
  else if (before.parent === null && after.parent !== null) parts.push(`is now under ${parentAfter}`)
  else if (before.parent !== null && parentBefore !== parentAfter) parts.push(`moved from under ${parentBefore} to under ${parentAfter}`)
  return parts.join(' and ')
}

// ---- grouping -----------------------------------------------------------------------------

type Place = 'indicator' | 'level' | 'domain' | 'contact' | 'link' | 'matrix' | 'narrative' | 'framework'

function placeOf(change: Change): Place {
  const { type } = change.subject
  if (type === 'section') return change.subject.new?.level ?? change.subject.old?.level ? 'level' : 'narrative'
  if (type === 'matrix-cell' || type === 'matrix-factor') return 'matrix'
  if (type === 'framework') return change.kind === 'narrative-changed' ? 'narrative' : 'framework'
  return type
}

/** Position of an id in an outline (new side first), so groups follow the framework's order. */
function outlineIndex(outline: readonly OutlineEntry[], newId: string | undefined, oldId: string | undefined): number {
  const found = outline.findIndex((entry) => (newId !== undefined && entry.new?.id === newId) || (newId === undefined && oldId !== undefined && entry.old?.id === oldId))
  return found === -1 ? outline.length : found
}

function outlineTitle(outline: readonly OutlineEntry[], index: number, fallback: string): string {
  const entry = outline[index]
  return entry?.new?.title ?? entry?.old?.title ?? fallback
}

/** Groups items by a key, the groups in key order. */
function groupBy<T>(items: readonly T[], key: (item: T) => number): Array<[number, T[]]> {
  const groups = new Map<number, T[]>()
  for (const value of items) {
    const k = key(value)
    const group = groups.get(k)
    if (group) group.push(value)
    else groups.set(k, [value])
  }
  return [...groups.entries()].sort(([a], [b]) => a - b)
}

/** One real change with its changes: what one line of the report is about. */
interface Shown {
  entry: Entry
  changes: Change[]
  first: Change
}

function shownEntries(framework: FrameworkDiff): Shown[] {
  return framework.entries.map((entry) => {
    const changes = entry.changes.map((index) => framework.changes[index] as Change)
    return { entry, changes, first: changes[0] as Change }
  })
}

const IMPACT_ORDER = ['practice', 'review', 'editorial'] as const
const IMPACT_WORDS: Record<Impact, string> = { practice: 'Practice', review: 'Review', editorial: 'Editorial' }

/** Practice first, then review, then editorial; then by what they are about. */
function byImpact(a: Shown, b: Shown): number {
  return IMPACT_ORDER.indexOf(a.entry.impact) - IMPACT_ORDER.indexOf(b.entry.impact) || compareStrings(labelOf(a.first), labelOf(b.first))
}

/** One line of the report: its impact first, in words, and as a class in HTML. */
function entryItem(shown: Shown, line: PhrasingContent[]): ListItem {
  return { ...item([text(`${IMPACT_WORDS[shown.entry.impact]} — `), ...line]), data: { hProperties: { className: ['change', shown.entry.impact] } } }
}

const NONE = (): RootContent => paragraph([text('None.')])

/** What a part neither version has says instead of “None.”, which would suggest it is there unchanged. */
const NEITHER_HAS: Record<AbsentPart, string> = {
  links: 'Neither version has links.',
  matrix: 'Neither version has a decision-making matrix.',
  narrative: 'Neither version has narrative pages.',
}

/** “None.”, or that neither version has the part at all. */
function nothingIn(framework: FrameworkDiff, part?: AbsentPart): RootContent {
  return part && framework.absent?.includes(part) ? paragraph([text(NEITHER_HAS[part])]) : NONE()
}

// ---- sections -----------------------------------------------------------------------------

/** One row per kind and impact, practice first: how many changes of each kind were found (for reviewers). */
function kindRows(changes: readonly Change[]): PhrasingContent[][][] {
  const counts = new Map<string, Change[]>()
  for (const change of changes) counts.set(`${change.kind} ${change.impact}`, [...(counts.get(`${change.kind} ${change.impact}`) ?? []), change])
  const rows = IMPACT_ORDER.flatMap((impact) => changeKinds.filter((kind) => counts.has(`${kind.id} ${impact}`)).map((kind) => ({ kind, impact })))
  return rows.map(({ kind, impact }) => {
    const these = counts.get(`${kind.id} ${impact}`) ?? []
    let count = String(these.length)
    if (kind.id === 'indicator-moved-level') {
      const parts = (['raised', 'lowered', 'unclear'] as const).map((d) => [d, these.filter((c) => c.direction === d).length] as const).filter(([, n]) => n > 0)
      if (parts.length) count += ` (${parts.map(([d, n]) => `${n} ${d}`).join(', ')})`
    }
    return [[code(kind.id)], [text(kind.label)], [text(impact)], [text(count)]]
  })
}

function thresholdRows(framework: FrameworkDiff, moved: readonly Change[]): PhrasingContent[][][] {
  const rank = { raised: 0, lowered: 1, unclear: 2 } as const
  const { outline } = framework
  const domain = (change: Change) => outlineIndex(outline.domains, change.subject.new?.domain, change.subject.old?.domain)
  return [...moved]
    .sort((a, b) => rank[a.direction ?? 'unclear'] - rank[b.direction ?? 'unclear'] || domain(a) - domain(b) || compareStrings(labelOf(a), labelOf(b)))
    .map((change) => [
      [text(labelOf(change))],
      [text(outlineTitle(outline.domains, domain(change), change.subject.new?.domain ?? ''))],
      [text(levelValue(outline, change.old, 'old'))],
      [text(levelValue(outline, change.new, 'new'))],
      [change.direction === 'raised' || change.direction === 'lowered' ? strong([text(change.direction)]) : text(change.direction ?? 'placed or unplaced')],
    ])
}

function indicatorSection(framework: FrameworkDiff, shown: readonly Shown[], depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth as Heading['depth'], [text('Indicators')])]
  if (shown.length === 0) return [...out, NONE()]
  const { domains, levels } = framework.outline
  const ref = ({ first }: Shown) => first.subject.new ?? first.subject.old
  const domainOf = (one: Shown) => outlineIndex(domains, one.first.subject.new?.domain, one.first.subject.new ? undefined : one.first.subject.old?.domain)
  const levelOf = (one: Shown) => {
    const level = ref(one)?.level
    if (level === undefined) return -1
    return outlineIndex(levels, one.first.subject.new ? level : undefined, one.first.subject.new ? undefined : level)
  }
  for (const [domainIndex, inDomain] of groupBy(shown, domainOf)) {
    out.push(heading((depth + 1) as Heading['depth'], [text(outlineTitle(domains, domainIndex, 'Other'))]))
    for (const [levelIndex, inLevel] of groupBy(inDomain, levelOf)) {
      const entry = levels[levelIndex]
      const name = levelIndex === -1 ? 'Not tied to a level' : entry ? levelName(framework.outline, (entry.new ?? entry.old)?.id ?? '', entry.new ? 'new' : 'old') : 'Other level'
      out.push(heading((depth + 2) as Heading['depth'], [text(name)]))
      out.push(list([...inLevel].sort(byImpact).map((one) => entryItem(one, indicatorLine(one.changes, framework.outline)))))
    }
  }
  return out
}

function levelSection(framework: FrameworkDiff, shown: readonly Shown[], depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth as Heading['depth'], [text('Levels')])]
  if (shown.length === 0) return [...out, NONE()]
  const levels = framework.outline.levels
  const levelOf = ({ first }: Shown) => {
    if (first.subject.type === 'section') return outlineIndex(levels, first.subject.new?.level, first.subject.new ? undefined : first.subject.old?.level)
    return outlineIndex(levels, first.subject.new?.id, first.subject.new ? undefined : first.subject.old?.id)
  }
  for (const [index, inLevel] of groupBy(shown, levelOf)) {
    const entry = levels[index]
    out.push(heading((depth + 1) as Heading['depth'], [text(entry ? levelName(framework.outline, (entry.new ?? entry.old)?.id ?? '', entry.new ? 'new' : 'old') : 'Other')]))
    out.push(list(inLevel.map((one) => entryItem(one, changeLine(one.first, framework.outline)))))
  }
  return out
}

/** A list of changes; `named`: each line says which contact or domain it is about. */
function simpleSection(framework: FrameworkDiff, title: string, shown: readonly Shown[], depth: number, named: boolean, part?: AbsentPart): RootContent[] {
  const line = (change: Change): PhrasingContent[] => {
    const [label, ...rest] = changeLine(change, framework.outline)
    if (!named || /-(added|removed|renamed|reordered|retargeted)$/.test(change.kind) || !label) return [label as PhrasingContent, ...rest]
    // “**Phone**: a → b” becomes “**Out of hours emergency**, phone: a → b”.
    const field = label.type === 'strong' && label.children[0]?.type === 'text' ? label.children[0].value : ''
    return [strong([text(labelOf(change))]), text(`, ${field.charAt(0).toLowerCase()}${field.slice(1)}`), ...rest]
  }
  const out: RootContent[] = [heading(depth as Heading['depth'], [text(title)])]
  return shown.length === 0 ? [...out, nothingIn(framework, part)] : [...out, list(shown.map((one) => entryItem(one, line(one.first))))]
}

function matrixLine(change: Change, outline: FrameworkDiff['outline']): PhrasingContent[] {
  if (change.kind !== 'matrix-cell-changed') return changeLine(change, outline)
  const after = change.words ? wordsInline(change.words) : [text(valueText(change.new))]
  return [strong([text(labelOf(change))]), text(': '), ...(change.old === null ? [text('none → ')] : change.words ? [] : [text(`${valueText(change.old)} → `)]), ...after]
}

/** How the versions were matched (for reviewers): counts, then every match not made by id. */
function matchingParts(framework: FrameworkDiff): RootContent[] {
  const entries = Object.entries(framework.matching).flatMap(([type, summary]) => (summary?.other ?? []).map((match) => ({ type, ...match })))
  const indicators = framework.matching.indicators
  const out: RootContent[] = []
  if (indicators)
    out.push(
      paragraph([
        text(
          `Indicators: ${indicators.byId} by id, ${indicators.other.length} by similarity of their words, ${indicators.added} only in the new version, ${indicators.removed} only in the old one.`,
        ),
      ]),
    )
  if (entries.length)
    out.push(
      list(
        entries.map((entry) => item([text(`${entry.type.replace(/s$/, '')} `), code(entry.old), text(' → '), code(entry.new), text(entry.by === 'similarity' ? ` by similarity ${entry.score ?? ''}` : ` by ${entry.by}`)])),
      ),
    )
  return out
}

/** Each real change with the ids it is about and the kinds found, for a reviewer to look up. */
function idLines(shown: readonly Shown[]): ListItem[] {
  return shown.map(({ entry, first }) => {
    const before = first.subject.old?.id
    const after = first.subject.new?.id
    const ids: PhrasingContent[] = before !== undefined && after !== undefined && before !== after ? [code(before), text(' → '), code(after)] : [code(after ?? before ?? '')]
    return item([text(`${first.subject.type} `), ...ids, text(`${first.field && entry.changes.length === 1 ? ` ${first.field}` : ''}: ${entry.kinds.join(', ')}`)])
  })
}

/**
 * A part shown folded: `<details>` in HTML, and in Markdown the same raw tags, which GitHub shows
 * folded too. The summary is fixed text of the report, never content.
 */
function details(summary: string, children: RootContent[], target: ReportTarget): RootContent[] {
  if (target === 'markdown') return [{ type: 'html', value: `<details><summary>${summary}</summary>` }, ...children, { type: 'html', value: '</details>' }]
  return [
    {
      type: 'blockquote',
      data: { hName: 'details' },
      children: [{ type: 'paragraph', data: { hName: 'summary' }, children: [text(summary)] }, ...(children as BlockContent[])],
    },
  ]
}

function sideName(side: SideInfo): string {
  return side.source === 'git' && side.commit ? `${side.label} (${side.commit.slice(0, 12)})` : side.label
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

function frameworkSection(report: DiffReport, framework: FrameworkDiff, depth: number, target: ReportTarget): RootContent[] {
  const out: RootContent[] = [heading(depth as Heading['depth'], [text(flat(framework.title))])]
  const version = (info: FrameworkDiff['old'], side: SideInfo) => [text(info ? `version ${info.version}` : 'not there'), text(' in '), code(sideName(side))]
  out.push(paragraph([text('From '), ...version(framework.old, report.old), text(' to '), ...version(framework.new, report.new), text('.')]))
  const { summary } = framework
  if (summary.changes === 0) {
    out.push(paragraph([text('No changes.')]))
    return out
  }
  out.push(
    paragraph([
      text(`${plural(summary.changes, 'change')}: `),
      strong([text(`${summary.practice} affect${summary.practice === 1 ? 's' : ''} practice`)]),
      text(', '),
      strong([text(`${summary.review} for a person to review`)]),
      text(`, ${summary.editorial} editorial.`),
    ]),
  )
  if (framework.suggestedVersion) {
    const { version, because } = framework.suggestedVersion
    const why = because === 'practice' ? 'a change affects practice' : because === 'review' ? 'a change needs a person to review it' : 'the changes are editorial only'
    out.push(paragraph([text('Suggested next version: '), strong([text(version)]), text(` (${why}; it is ${framework.new?.version ?? 'not stated'} in the new version).`)]))
  }
  for (const flag of framework.flags) out.push({ type: 'blockquote', children: [paragraph([strong([text('Version not raised.')]), text(` ${flag.message}.`)])] })

  const sub = depth + 1
  const shown = shownEntries(framework)
  const moved = framework.changes.filter((change) => change.kind === 'indicator-moved-level')
  out.push(heading(sub as Heading['depth'], [text('Thresholds raised and lowered')]))
  out.push(moved.length ? table('Indicators that moved level', ['Indicator', 'Domain', 'Before', 'After', 'Threshold'], thresholdRows(framework, moved)) : NONE())

  const at = (place: Place) => shown.filter((one) => placeOf(one.first) === place)
  out.push(...indicatorSection(framework, at('indicator'), sub))
  out.push(...levelSection(framework, at('level'), sub))
  out.push(...simpleSection(framework, 'Domains', at('domain'), sub, true))
  out.push(...simpleSection(framework, 'Contacts', at('contact'), sub, true))
  out.push(...simpleSection(framework, 'Links', at('link'), sub, false, 'links'))
  const matrix = at('matrix')
  out.push(heading(sub as Heading['depth'], [text('Decision-making matrix')]), matrix.length ? list(matrix.map((one) => entryItem(one, matrixLine(one.first, framework.outline)))) : nothingIn(framework, 'matrix'))
  out.push(...simpleSection(framework, 'Narrative pages', at('narrative'), sub, false, 'narrative'))
  out.push(...simpleSection(framework, 'Framework details', at('framework'), sub, false))

  out.push(
    ...details(
      'For reviewers: ids, change kinds and matching',
      [
        paragraph([text('Framework id '), code(framework.id), text(`. ${plural(summary.findings, 'change')} found, ${plural(summary.changes, 'real change')} above.`)]),
        table('Changes found, by kind', ['Kind', 'Change', 'Impact', 'Found'], kindRows(framework.changes)),
        list(idLines(shown)),
        ...matchingParts(framework),
      ],
      target,
    ),
  )
  return out
}

/** Markdown for pull requests and terminals, or HTML for the standalone page: the same content, folded parts written for each. */
export type ReportTarget = 'markdown' | 'html'

/** The whole report: a title, what changed overall, then one part per framework that changed. */
export function reportTree(report: DiffReport, target: ReportTarget = 'markdown'): Root {
  const children: RootContent[] = [heading(1, [text('What changed: '), code(report.old.label), text(' → '), code(report.new.label)])]
  const { summary } = report
  const unchanged = report.unchanged ?? []
  const total = report.frameworks.length + unchanged.length
  const changed = report.frameworks.filter((framework) => framework.summary.changes > 0).length
  children.push(
    paragraph([
      text(
        summary.changes === 0
          ? `No changes in ${plural(total, 'framework')}.`
          : `${plural(summary.changes, 'change')} in ${changed} of ${plural(total, 'framework')}: ${summary.practice} affect${summary.practice === 1 ? 's' : ''} practice, ${summary.review} for a person to review, ${summary.editorial} editorial.`,
      ),
    ]),
  )
  if (unchanged.length)
    children.push(paragraph([text(`Unchanged, left out (thresholds diff --all shows them): ${unchanged.map((framework) => flat(framework.title)).join(', ')}.`)]))
  for (const framework of report.frameworks) children.push(...frameworkSection(report, framework, 2, target))
  return { type: 'root', children }
}
