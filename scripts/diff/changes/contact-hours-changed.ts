import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import type { Hours } from '../../model/types.ts'

/** The hours as read (days and times), so rewording “Mon-Fri” as “Monday to Friday” is not a change. */
function meaning(hours: Hours | undefined): string {
  if (!hours) return ''
  if (hours.always || hours.outOfHours || hours.weekly?.length) return JSON.stringify([hours.always ?? false, hours.outOfHours ?? false, hours.weekly ?? []])
  return hours.text.replace(/\s+/g, ' ').trim()
}

export default defineChange({
  id: 'contact-hours-changed',
  impact: 'practice',
  label: 'Opening hours changed',
  description: 'When a contact answers changed: a call outside the new hours may not be picked up.',
  detect({ contacts }) {
    const out: Detected[] = []
    for (const pair of contacts.pairs)
      if (meaning(pair.old.hours) !== meaning(pair.new.hours))
        out.push({
          subject: { type: 'contact', old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } },
          match: matchOf(pair),
          field: 'hours',
          old: pair.old.hours?.text ?? null,
          new: pair.new.hours?.text ?? null,
        })
    return out
  },
})
