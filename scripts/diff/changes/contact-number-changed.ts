import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

/** Spacing is layout, not a different number. */
const digits = (phone: string | undefined) => phone?.replace(/\s+/g, '') ?? ''

export default defineChange({
  id: 'contact-number-changed',
  impact: 'practice',
  label: 'Phone number changed',
  covers: ['contacts[].phone'],
  description: 'A contact’s phone number changed (or was added or removed): calls to the old number may go nowhere. Spacing alone does not count.',
  detect({ contacts }) {
    const out: Detected[] = []
    for (const pair of contacts.pairs)
      if (digits(pair.old.phone) !== digits(pair.new.phone))
        out.push({
          subject: { type: 'contact', old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } },
          match: matchOf(pair),
          field: 'phone',
          old: pair.old.phone ?? null,
          new: pair.new.phone ?? null,
        })
    return out
  },
})
