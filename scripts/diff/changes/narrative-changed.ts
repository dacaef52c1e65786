import { editorialIfSame, editorialIfSameMarkdown, matchOf, textChange, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { samePhoneNumbers } from '../meaning.ts'
import { pairCells } from '../model.ts'
import type { Subject } from '../types.ts'

export default defineChange({
  id: 'narrative-changed',
  impact: 'review',
  impacts: ['review', 'editorial', 'practice'],
  label: 'Narrative changed',
  covers: ['summary', 'levels[].description', 'domains[].description', 'sections[].title', 'sections[].body', 'levels[].sections[].title', 'levels[].sections[].body', 'contacts[].description', 'matrix.title', 'matrix.factorHeading', 'matrix.description', 'matrix.notes', 'matrix.factors[].title', 'domains[].cells[]', 'domains[].cells[].level', 'domains[].cells[].polarity', 'domains[].cells[].text'],
  description:
    'Descriptive text changed: the introduction, what a level or domain means, a narrative page or a level’s extra section (title or text), a contact’s description, the words under one of a domain’s lists, or the matrix’s title, notes or factor names. A person should review it: these words define levels and carry guidance. Editorial when only spelling, punctuation, case, spacing, “&” for “and” or word order changed; practice when a phone number in the text was added, removed or changed: readers dial what the text shows.',
  detect(context) {
    const out: Detected[] = []
    const compare = (subject: Subject, match: Detected['match'], field: string, before: string | undefined, after: string | undefined, markdown = true) => {
      const text = textChange(before, after, markdown)
      if (text) out.push({ subject, ...(match ? { match } : {}), field, ...text, ...(samePhoneNumbers(before, after) ? (markdown ? editorialIfSameMarkdown(context, before, after) : editorialIfSame(before, after)) : { impact: 'practice' as const }) })
    }
    const framework = { type: 'framework' as const, old: { id: context.old.id, label: context.old.title }, new: { id: context.new.id, label: context.new.title } }
    compare(framework, undefined, 'summary', context.old.summary, context.new.summary)
    for (const pair of context.levels.pairs) compare({ type: 'level', old: titled(pair.old), new: titled(pair.new) }, matchOf(pair), 'description', pair.old.description, pair.new.description)
    for (const pair of context.domains.pairs) {
      const subject: Subject = { type: 'domain', old: titled(pair.old), new: titled(pair.new) }
      compare(subject, matchOf(pair), 'description', pair.old.description, pair.new.description)
      // Words under one of the domain's lists, the list known by its level (as matched) and strengths or needs.
      for (const cells of pairCells(context.levels, pair.old.cells ?? [], pair.new.cells ?? [])) compare(subject, matchOf(pair), 'list', cells.old?.text, cells.new?.text)
    }
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
      // A package built before the column's heading was kept records none: not a change of words.
      if (!(oldMatrix && newMatrix && (oldMatrix.factorHeading === undefined || newMatrix.factorHeading === undefined)))
        compare(matrix, undefined, 'factorHeading', oldMatrix?.factorHeading, newMatrix?.factorHeading, false)
      compare(matrix, undefined, 'description', oldMatrix?.description, newMatrix?.description)
      compare(matrix, undefined, 'notes', oldMatrix?.notes, newMatrix?.notes)
    }
    for (const pair of context.factors.pairs) compare({ type: 'matrix-factor', old: titled(pair.old), new: titled(pair.new) }, matchOf(pair), 'title', pair.old.title, pair.new.title, false)
    return out
  },
})
