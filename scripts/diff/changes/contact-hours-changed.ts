import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameMeaning } from '../meaning.ts'
import type { Hours } from '../../model/types.ts'

/** The hours as read from the text (flags and weekly times); empty when nothing was read. */
function readHours(hours: Hours | undefined): string {
  if (!hours) return ''
  return JSON.stringify([hours.always ?? false, hours.outOfHours ?? false, hours.weekly ?? []])
}

/**
 * Practice, unless the text changed in a way that does not change when the line answers: the
 * weekly times read from it are the same (“Mon-Fri” for “Monday to Friday”), or the text reads the
 * same (punctuation, case, “&”). `outOfHours: true` alone does not say when: the words do
 * (“Evenings, weekends or bank holidays” and “Weekends only” are different hours).
 */
function impactOf(before: Hours | undefined, after: Hours | undefined): { impact?: 'editorial' } {
  if (!before || !after || readHours(before) !== readHours(after)) return {}
  if ((before.weekly?.length ?? 0) > 0 || sameMeaning(before.text, after.text)) return { impact: 'editorial' }
  return {}
}

export default defineChange({
  id: 'contact-hours-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'Opening hours changed',
  covers: ['contacts[].hours.text', 'contacts[].hours.always', 'contacts[].hours.outOfHours', 'contacts[].hours.weekly[]', 'contacts[].hours.weekly[].days[]', 'contacts[].hours.weekly[].opens', 'contacts[].hours.weekly[].closes'],
  description:
    'When a contact answers changed (its hours text, or what is read from it): a call outside the new hours may not be picked up. Editorial when the weekly times read from the text are the same, or the text only changed punctuation, case or spacing.',
  detect({ contacts }) {
    const out: Detected[] = []
    for (const pair of contacts.pairs)
      if (readHours(pair.old.hours) !== readHours(pair.new.hours) || (pair.old.hours?.text ?? '') !== (pair.new.hours?.text ?? ''))
        out.push({
          subject: { type: 'contact', old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } },
          match: matchOf(pair),
          field: 'hours',
          old: pair.old.hours?.text ?? null,
          new: pair.new.hours?.text ?? null,
          ...impactOf(pair.old.hours, pair.new.hours),
        })
    return out
  },
})
