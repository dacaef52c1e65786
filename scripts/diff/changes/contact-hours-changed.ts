import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameMeaning } from '../meaning.ts'
import type { Hours } from '../../model/types.ts'
import { pairPhones, shownNumber } from '../phones.ts'

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
  covers: [
    ...['contacts[].hours', 'contacts[].phones[].hours'].flatMap((hours) => [`${hours}.text`, `${hours}.always`, `${hours}.outOfHours`, `${hours}.weekly[]`, `${hours}.weekly[].days[]`, `${hours}.weekly[].opens`, `${hours}.weekly[].closes`]),
  ],
  description:
    'When a contact, or one of its numbers, answers changed (its hours text, or what is read from it): a call outside the new hours may not be picked up. A number’s own hours are compared with those of the number for the same use, and shown with the number; a number with no hours of its own on one side is said to have none (the contact’s hours apply), not shown as nothing. Editorial when the weekly times read from the text are the same, or the text only changed punctuation, case or spacing.',
  detect({ contacts }) {
    const out: Detected[] = []
    for (const pair of contacts.pairs) {
      const subject = { type: 'contact' as const, old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } }
      const compare = (before: Hours | undefined, after: Hours | undefined, shown: (text: string) => string, none: { old: string | null; new: string | null }) => {
        if (readHours(before) === readHours(after) && (before?.text ?? '') === (after?.text ?? '')) return
        out.push({ subject, match: matchOf(pair), field: 'hours', old: before ? shown(before.text) : none.old, new: after ? shown(after.text) : none.new, ...impactOf(before, after) })
      }
      compare(pair.old.hours, pair.new.hours, (text) => text, { old: null, new: null })
      // A number added or removed is reported with its number; here only the hours of one kept.
      // A number without hours of its own answers in the contact's hours: a reader is told so, not shown nothing.
      for (const phones of pairPhones(pair.old, pair.new)) {
        if (!phones.old || !phones.new) continue
        const number = shownNumber(phones.new)
        compare(phones.old.hours, phones.new.hours, (text) => `${text}, for ${number}`, { old: `no hours of its own before, for ${number}`, new: `no hours of its own now (the contact’s hours apply), for ${number}` })
      }
    }
    return out
  },
})
