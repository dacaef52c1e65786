import type { Change, Value } from '../types.ts'

type Ref = { id: string; title: string }

function isRef(value: Value | undefined): value is Ref {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.id === 'string' && typeof value.title === 'string' && Object.keys(value).length === 2
}

function valueText(value: Value | undefined, show: 'id' | 'title' | 'both' = 'both'): string {
  if (value === undefined || value === null) return 'none'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map((v) => valueText(v)).join(', ')}]`
  if (isRef(value)) return show === 'id' ? value.id : show === 'title' ? JSON.stringify(value.title) : `${value.id} ${JSON.stringify(value.title)}`
  return JSON.stringify(value)
}

/** Both values, each shown by what tells them apart: ids for moves, titles for renames. */
function values(change: Change): string {
  const { old: before, new: after } = change
  if (before === undefined && after === undefined) return ''
  if (before === undefined) return `: ${valueText(after)}`
  if (after === undefined) return `: ${valueText(before)}`
  if (change.words && before !== null && after !== null)
    return `: ${change.words
      .filter((part) => part.op !== 'equal' && part.text.trim() !== '')
      .map((part) => `${part.op === 'delete' ? '-' : '+'}${JSON.stringify(part.text.trim())}`)
      .join(' ')}`
  if (isRef(before) && isRef(after)) {
    const show = before.id === after.id ? 'title' : before.title === after.title ? 'id' : 'both'
    return `: ${valueText(before, show)} → ${valueText(after, show)}`
  }
  return `: ${valueText(before)} → ${valueText(after)}`
}

/**
 * One change on one plain line, for the fixture files the tests compare against and the
 * examples in docs/changes.md:
 * `kind (impact) subject-type old-id → new-id field: old → new [direction] {matched by}`.
 * Text changes show only the words deleted (-) and inserted (+).
 */
export function plainChangeLine(change: Change): string {
  const { old: before, new: after } = change.subject
  const ids = before && after ? (before.id === after.id ? before.id : `${before.id} → ${after.id}`) : (after?.id ?? before?.id ?? '')
  const match = change.match && change.match.by !== 'id' ? ` {by ${change.match.by}${change.match.score !== undefined ? ` ${change.match.score}` : ''}}` : ''
  return `${change.kind} (${change.impact}) ${change.subject.type} ${ids}${change.field ? ` ${change.field}` : ''}${values(change)}${change.direction ? ` [${change.direction}]` : ''}${match}`
}
