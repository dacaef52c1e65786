/**
 * The diff report as one Markdown syntax tree (mdast), written out as Markdown for pull requests
 * and turned into HTML for the standalone page, so both say the same thing. All content goes in
 * as text nodes: the Markdown writer escapes it and the HTML writer encodes it, so nothing a
 * framework says can become markup in the report.
 */
import type { BlockContent, Heading, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { compareStrings } from '../../shared/text.ts'
import { changeKinds, changeKindsById } from '../registry.ts'
import type { Change, DiffReport, FrameworkDiff, OutlineEntry, SideInfo, Value, WordPart } from '../types.ts'

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

/** What happened to one indicator, all its changes together: “Reworded; moved from Early Help (threshold raised)”. */
function indicatorLine(changes: Change[]): PhrasingContent[] {
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
      case 'indicator-removed':
        add(strong([text('Removed')]))
        break
      case 'indicator-reworded':
        add(strong([text(change.impact === 'review' ? 'Reworded, the meaning may have changed' : 'Reworded')]))
        body = [text('“'), ...wordsInline(change.words ?? []), text('”')]
        break
      case 'indicator-possibly-reworded':
        add(strong([text('Possibly reworded')]), text(' (removed and added in the same place, or part of a split or merge: a person should look)'))
        body = [text('“'), ...wordsInline(change.words ?? []), text('”')]
        break
      case 'indicator-moved-level':
        add(strong([text(`Moved from ${valueText(change.old)} to ${valueText(change.new)}`)]), text(` (${directionWords(change)})`))
        break
      case 'indicator-moved-domain':
        add(strong([text(`Moved from domain ${valueText(change.old)} to ${valueText(change.new)}`)]))
        break
      case 'indicator-polarity-changed':
        add(strong([text(`Now a ${valueText(change.new)}`)]), text(` (was a ${valueText(change.old)})`))
        break
      case 'indicator-id-changed':
        add(strong([text('Id changed')]), text(' '), ...beforeAfter(change, true))
        break
      default:
        add(strong([text(fieldName(change.field))]), text(': '), ...beforeAfter(change, change.field === 'related'))
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
    case 'domain-added':
    case 'contact-added':
    case 'framework-added':
      return [strong([text('Added')]), text(': '), text(name)]
    case 'level-removed':
    case 'domain-removed':
    case 'contact-removed':
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
      return [strong([text(change.field === 'shortTitle' ? 'Short title' : 'Renamed')]), text(': '), ...beforeAfter(change), ...idNote(change), ...matchNote(change)]
    case 'level-reordered':
    case 'domain-reordered':
      return [strong([text('Re-ordered')]), text(`: ${name} ${reorderWords(change, outline)}`)]
    case 'level-contacts-changed':
      return [strong([text('Contacts')]), text(': '), ...beforeAfter(change, true)]
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

function idNote(change: Change): PhrasingContent[] {
  const before = change.subject.old?.id
  const after = change.subject.new?.id
  return before !== undefined && after !== undefined && before !== after ? [text(' (id '), code(before), text(' → '), code(after), text(')')] : []
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

/** Changes of one indicator grouped, the indicator known by its new id (or old id if removed). */
function byIndicator(changes: readonly Change[]): Change[][] {
  const groups = new Map<string, Change[]>()
  for (const change of changes) {
    const key = change.subject.new ? `n:${change.subject.new.id}` : `o:${change.subject.old?.id ?? ''}`
    const group = groups.get(key)
    if (group) group.push(change)
    else groups.set(key, [change])
  }
  const practice = (group: Change[]) => (group.some((change) => change.impact === 'practice') ? 0 : 1)
  return [...groups.values()].sort((a, b) => practice(a) - practice(b) || compareStrings(labelOf(a[0] as Change), labelOf(b[0] as Change)))
}

// ---- sections -----------------------------------------------------------------------------

const IMPACT_ORDER = ['practice', 'review', 'editorial'] as const

/** One row per kind and impact, practice first, then review, then editorial. */
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
    return [[text(kind.label)], [text(impact)], [text(count)]]
  })
}

function thresholdRows(framework: FrameworkDiff, moved: readonly Change[]): PhrasingContent[][][] {
  const rank = { raised: 0, lowered: 1, unclear: 2 } as const
  const domain = (change: Change) => outlineIndex(framework.outline.domains, change.subject.new?.domain, change.subject.old?.domain)
  return [...moved]
    .sort((a, b) => rank[a.direction ?? 'unclear'] - rank[b.direction ?? 'unclear'] || domain(a) - domain(b) || compareStrings(labelOf(a), labelOf(b)))
    .map((change) => [
      [text(labelOf(change))],
      [text(outlineTitle(framework.outline.domains, domain(change), change.subject.new?.domain ?? ''))],
      [text(valueText(change.old))],
      [text(valueText(change.new))],
      [change.direction === 'raised' || change.direction === 'lowered' ? strong([text(change.direction)]) : text(change.direction ?? 'placed or unplaced')],
    ])
}

function indicatorSection(framework: FrameworkDiff, changes: readonly Change[], depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth as Heading['depth'], [text('Indicators')])]
  const { domains, levels } = framework.outline
  const domainOf = (change: Change) => outlineIndex(domains, change.subject.new?.domain, change.subject.new ? undefined : change.subject.old?.domain)
  const levelOf = (change: Change) => {
    const ref = change.subject.new ?? change.subject.old
    if (ref?.level === undefined) return -1
    return outlineIndex(levels, change.subject.new ? ref.level : undefined, change.subject.new ? undefined : ref.level)
  }
  for (const [domainIndex, inDomain] of groupBy(changes, domainOf)) {
    out.push(heading((depth + 1) as Heading['depth'], [text(outlineTitle(domains, domainIndex, 'Other'))]))
    for (const [levelIndex, inLevel] of groupBy(inDomain, levelOf)) {
      out.push(heading((depth + 2) as Heading['depth'], [text(levelIndex === -1 ? 'Not tied to a level' : outlineTitle(levels, levelIndex, 'Other level'))]))
      out.push(list(byIndicator(inLevel).map((group) => item(indicatorLine(group)))))
    }
  }
  return out
}

function levelSection(framework: FrameworkDiff, changes: readonly Change[], depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth as Heading['depth'], [text('Levels')])]
  const levels = framework.outline.levels
  const levelOf = (change: Change) => {
    if (change.subject.type === 'section') return outlineIndex(levels, change.subject.new?.level, change.subject.new ? undefined : change.subject.old?.level)
    return outlineIndex(levels, change.subject.new?.id, change.subject.new ? undefined : change.subject.old?.id)
  }
  for (const [index, inLevel] of groupBy(changes, levelOf)) {
    out.push(heading((depth + 1) as Heading['depth'], [text(outlineTitle(levels, index, 'Other'))]))
    out.push(list(inLevel.map((change) => item(changeLine(change, framework.outline)))))
  }
  return out
}

/** A list of changes; `named`: each line says which contact or domain it is about. */
function simpleSection(framework: FrameworkDiff, title: string, changes: readonly Change[], depth: number, named: boolean): RootContent[] {
  const line = (change: Change): PhrasingContent[] => {
    const [label, ...rest] = changeLine(change, framework.outline)
    if (!named || /-(added|removed|renamed|reordered|retargeted)$/.test(change.kind) || !label) return [label as PhrasingContent, ...rest]
    // “**Phone**: a → b” becomes “**Out of hours emergency**, phone: a → b”.
    const field = label.type === 'strong' && label.children[0]?.type === 'text' ? label.children[0].value : ''
    return [strong([text(labelOf(change))]), text(`, ${field.charAt(0).toLowerCase()}${field.slice(1)}`), ...rest]
  }
  return [heading(depth as Heading['depth'], [text(title)]), list(changes.map((change) => item(line(change))))]
}

function matrixSection(framework: FrameworkDiff, changes: readonly Change[], depth: number): RootContent[] {
  const cells = changes.filter((change) => change.kind === 'matrix-cell-changed')
  const other = changes.filter((change) => change.kind !== 'matrix-cell-changed')
  const out: RootContent[] = [heading(depth as Heading['depth'], [text('Decision-making matrix')])]
  if (other.length) out.push(list(other.map((change) => item(changeLine(change, framework.outline)))))
  if (cells.length)
    out.push(
      table(
        'Matrix cells that changed',
        ['Factor / level', 'Before', 'After'],
        cells.map((change) => [[text(labelOf(change))], change.old === null ? [text('none')] : [text(valueText(change.old))], change.words ? wordsInline(change.words) : [text(valueText(change.new))]]),
      ),
    )
  return out
}

function matchingSection(framework: FrameworkDiff, depth: number): RootContent[] {
  const entries = Object.entries(framework.matching).flatMap(([type, summary]) => (summary?.other ?? []).map((match) => ({ type, ...match })))
  const indicators = framework.matching.indicators
  if (!indicators && entries.length === 0) return []
  const out: RootContent[] = [heading(depth as Heading['depth'], [text('How the versions were matched')])]
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

function sideName(side: SideInfo): string {
  return side.source === 'git' && side.commit ? `${side.label} (${side.commit.slice(0, 12)})` : side.label
}

function frameworkSection(report: DiffReport, framework: FrameworkDiff, depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth as Heading['depth'], [text(`${flat(framework.title)} `), code(framework.id)])]
  const version = (info: FrameworkDiff['old'], side: SideInfo) => [text(info ? `version ${info.version}` : 'not there'), text(' in '), code(sideName(side))]
  out.push(paragraph([text('From '), ...version(framework.old, report.old), text(' to '), ...version(framework.new, report.new), text('.')]))
  const { summary } = framework
  if (summary.changes === 0) {
    out.push(paragraph([text('No changes.')]))
    return out
  }
  out.push(
    paragraph([
      text(`${summary.changes} change${summary.changes === 1 ? '' : 's'}: `),
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
  out.push(table('Changes by kind', ['Change', 'Impact', 'Count'], kindRows(framework.changes)))

  const sub = depth + 1
  const moved = framework.changes.filter((change) => change.kind === 'indicator-moved-level')
  if (moved.length) out.push(heading(sub as Heading['depth'], [text('Thresholds raised and lowered')]), table('Indicators that moved level', ['Indicator', 'Domain', 'Before', 'After', 'Threshold'], thresholdRows(framework, moved)))

  const at = (place: Place) => framework.changes.filter((change) => placeOf(change) === place)
  const indicators = at('indicator')
  if (indicators.length) out.push(...indicatorSection(framework, indicators, sub))
  const levels = at('level')
  if (levels.length) out.push(...levelSection(framework, levels, sub))
  const domains = at('domain')
  if (domains.length) out.push(...simpleSection(framework, 'Domains', domains, sub, true))
  const contacts = at('contact')
  if (contacts.length) out.push(...simpleSection(framework, 'Contacts', contacts, sub, true))
  const links = at('link')
  if (links.length) out.push(...simpleSection(framework, 'Links', links, sub, false))
  const matrix = at('matrix')
  if (matrix.length) out.push(...matrixSection(framework, matrix, sub))
  const narrative = at('narrative')
  if (narrative.length) out.push(...simpleSection(framework, 'Narrative pages', narrative, sub, false))
  const details = at('framework')
  if (details.length) out.push(...simpleSection(framework, 'Framework details', details, sub, false))
  out.push(...matchingSection(framework, sub))
  return out
}

/** The whole report: a title, then one part per framework. */
export function reportTree(report: DiffReport): Root {
  const children: RootContent[] = [heading(1, [text('What changed: '), code(report.old.label), text(' → '), code(report.new.label)])]
  const { summary } = report
  if (report.frameworks.length > 1 || summary.changes === 0)
    children.push(
      paragraph([
        text(
          summary.changes === 0
            ? `No changes in ${report.frameworks.length} framework${report.frameworks.length === 1 ? '' : 's'}.`
            : `${summary.changes} changes in ${report.frameworks.filter((f) => f.summary.changes > 0).length} of ${report.frameworks.length} frameworks: ${summary.practice} affect practice, ${summary.review} for a person to review, ${summary.editorial} editorial.`,
        ),
      ]),
    )
  for (const framework of report.frameworks) children.push(...frameworkSection(report, framework, 2))
  return { type: 'root', children }
}
