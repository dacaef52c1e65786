import { defineChange, type Detected } from '../define-change.ts'
import type { Framework } from '../../model/types.ts'
import { compareStrings, normaliseLabel } from '../../shared/text.ts'

const FIELDS = ['id', 'title', 'partnership', 'region', 'version', 'status', 'published', 'reviewDue', 'changeNote', 'indicatorLayout', 'contactsTitle', 'linksTitle'] as const
const PAGE_TITLES = new Set<string>(['contactsTitle', 'linksTitle'])

export default defineChange({
  id: 'metadata-changed',
  impact: 'editorial',
  label: 'Metadata changed',
  covers: ['id', 'title', 'partnership', 'region', 'version', 'status', 'published', 'reviewDue', 'changeNote', 'indicatorLayout', 'contactsTitle', 'linksTitle', 'guidance[]', 'guidance[].title', 'guidance[].edition'],
  description: 'The framework’s details changed: title, partnership, version, status, publication or review date, change note, indicator layout, the titles of the contacts and links pages (when both versions give one), or the edition of statutory guidance it cites (one change per field, and per guidance title).',
  detect(context) {
    const subject = { type: 'framework' as const, old: { id: context.old.id, label: context.old.title }, new: { id: context.new.id, label: context.new.title } }
    const out: Detected[] = []
    for (const field of FIELDS) {
      // A package built before page titles were kept records none: only a title both sides give is compared.
      if (PAGE_TITLES.has(field) && (context.old[field] === undefined || context.new[field] === undefined)) continue
      const before = context.old[field] ?? null
      const after = context.new[field] ?? null
      if (before !== after) out.push({ subject, field, old: before, new: after })
    }
    // Guidance is matched by title: an edition change is one change, not a removal and an addition.
    const editions = (framework: Framework) => new Map(framework.guidance.map((g) => [normaliseLabel(g.title), g]))
    const before = editions(context.old)
    const after = editions(context.new)
    for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compareStrings)) {
      const a = before.get(key)
      const b = after.get(key)
      if (a?.edition === b?.edition && a?.title === b?.title) continue
      out.push({ subject, field: 'guidance', old: a ? { title: a.title, edition: a.edition } : null, new: b ? { title: b.title, edition: b.edition } : null })
    }
    return out
  },
})
