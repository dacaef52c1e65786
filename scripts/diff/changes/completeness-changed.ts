import { titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { pairCells } from '../model.ts'
import type { Subject, Value } from '../types.ts'

type Completeness = { status: string; reason: string } | undefined

type Cell = { level?: string; polarity?: string }

/** The mark as a value; for a domain's list, with the list it is on (its level and strengths or needs). */
const valueOf = (completeness: Completeness, cell?: Cell): Value =>
  completeness ? { status: completeness.status, reason: completeness.reason, ...(cell?.level ? { level: cell.level } : {}), ...(cell?.polarity ? { polarity: cell.polarity } : {}) } : null

export default defineChange({
  id: 'completeness-changed',
  impact: 'review',
  impacts: ['review', 'editorial'],
  label: 'Completeness changed',
  covers: [
    'completeness.status',
    'completeness.reason',
    'levels[].completeness.status',
    'levels[].completeness.reason',
    'levels[].whatToDoCompleteness.status',
    'levels[].whatToDoCompleteness.reason',
    'levels[].consentCompleteness.status',
    'levels[].consentCompleteness.reason',
    'levels[].sections[].completeness.status',
    'levels[].sections[].completeness.reason',
    'sections[].completeness.status',
    'sections[].completeness.reason',
    'domains[].completeness.status',
    'domains[].completeness.reason',
    'domains[].cells[].completeness.status',
    'domains[].cells[].completeness.reason',
  ],
  description:
    'What the sources say is partial or missing in the source document changed (a gap marked, filled in, or now “missing” rather than “partial”): a person should check what the list or page now holds. Editorial when only the reason changed.',
  detect(context) {
    const out: Detected[] = []
    const compare = (subject: Subject, field: string, before: Completeness, after: Completeness, cells?: { old?: Cell; new?: Cell }) => {
      if (before?.status === after?.status && before?.reason === after?.reason) return
      out.push({ subject, field, old: valueOf(before, cells?.old), new: valueOf(after, cells?.new), ...(before?.status === after?.status ? { impact: 'editorial' as const } : {}) })
    }
    compare({ type: 'framework', old: { id: context.old.id, label: context.old.title }, new: { id: context.new.id, label: context.new.title } }, 'completeness', context.old.completeness, context.new.completeness)
    for (const pair of context.levels.pairs) {
      const subject: Subject = { type: 'level', old: titled(pair.old), new: titled(pair.new) }
      compare(subject, 'completeness', pair.old.completeness, pair.new.completeness)
      compare(subject, 'whatToDo', pair.old.whatToDoCompleteness, pair.new.whatToDoCompleteness)
      compare(subject, 'consent', pair.old.consentCompleteness, pair.new.consentCompleteness)
    }
    for (const pair of context.sections.pairs) {
      const ref = (item: typeof pair.old) => ({ ...titled(item.section), ...(item.level ? { level: item.level } : {}) })
      compare({ type: 'section', old: ref(pair.old), new: ref(pair.new) }, 'completeness', pair.old.section.completeness, pair.new.section.completeness)
    }
    for (const pair of context.domains.pairs) {
      const subject: Subject = { type: 'domain', old: titled(pair.old), new: titled(pair.new) }
      compare(subject, 'completeness', pair.old.completeness, pair.new.completeness)
      // A domain's lists are known by their level (as matched) and list.
      for (const cells of pairCells(context.levels, pair.old.cells ?? [], pair.new.cells ?? [])) compare(subject, 'list', cells.old?.completeness, cells.new?.completeness, cells)
    }
    return out
  },
})
