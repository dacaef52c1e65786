import { matchOf, textChange, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { phoneNumbers } from '../meaning.ts'
import type { Subject } from '../types.ts'

export default defineChange({
  id: 'narrative-changed',
  impact: 'editorial',
  impacts: ['editorial', 'practice'],
  label: 'Narrative changed',
  description:
    'Descriptive text changed: the introduction, what a level or domain means, a narrative page or a level’s extra section (title or text), a contact’s description, or the matrix’s title, notes or factor names. Practice when a phone number in the text was added, removed or changed: readers dial what the text shows.',
  detect(context) {
    const out: Detected[] = []
    const compare = (subject: Subject, match: Detected['match'], field: string, before: string | undefined, after: string | undefined, markdown = true) => {
      const text = textChange(before, after, markdown)
      const numbers = (value: string | undefined) => phoneNumbers(value ?? '').join(' ')
      if (text) out.push({ subject, ...(match ? { match } : {}), field, ...text, ...(numbers(before) !== numbers(after) ? { impact: 'practice' as const } : {}) })
    }
    const framework = { type: 'framework' as const, old: { id: context.old.id, label: context.old.title }, new: { id: context.new.id, label: context.new.title } }
    compare(framework, undefined, 'summary', context.old.summary, context.new.summary)
    for (const pair of context.levels.pairs) compare({ type: 'level', old: titled(pair.old), new: titled(pair.new) }, matchOf(pair), 'description', pair.old.description, pair.new.description)
    for (const pair of context.domains.pairs) compare({ type: 'domain', old: titled(pair.old), new: titled(pair.new) }, matchOf(pair), 'description', pair.old.description, pair.new.description)
    for (const pair of context.sections.pairs) {
      const ref = (item: typeof pair.old) => ({ ...titled(item.section), ...(item.level ? { level: item.level } : {}) })
      const subject: Subject = { type: 'section', old: ref(pair.old), new: ref(pair.new) }
      compare(subject, matchOf(pair), 'title', pair.old.section.title, pair.new.section.title, false)
      compare(subject, matchOf(pair), 'body', pair.old.section.body, pair.new.section.body)
    }
    for (const pair of context.contacts.pairs)
      compare({ type: 'contact', old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } }, matchOf(pair), 'description', pair.old.description, pair.new.description)
    const oldMatrix = context.old.matrix
    const newMatrix = context.new.matrix
    if (oldMatrix || newMatrix) {
      const matrix: Subject = {
        type: 'matrix',
        ...(oldMatrix ? { old: { id: 'matrix', label: oldMatrix.title } } : {}),
        ...(newMatrix ? { new: { id: 'matrix', label: newMatrix.title } } : {}),
      }
      compare(matrix, undefined, 'title', oldMatrix?.title, newMatrix?.title, false)
      compare(matrix, undefined, 'description', oldMatrix?.description, newMatrix?.description)
      compare(matrix, undefined, 'notes', oldMatrix?.notes, newMatrix?.notes)
    }
    for (const pair of context.factors.pairs) compare({ type: 'matrix-factor', old: titled(pair.old), new: titled(pair.new) }, matchOf(pair), 'title', pair.old.title, pair.new.title, false)
    return out
  },
})
