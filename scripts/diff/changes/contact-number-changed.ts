import type { Phone } from '../../model/types.ts'
import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { dialled, digits, pairPhones, shownNumber, useKey } from '../phones.ts'

export default defineChange({
  id: 'contact-number-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'Phone number changed',
  covers: ['contacts[].phones[]', 'contacts[].phones[].number', 'contacts[].phones[].use'],
  description:
    'One of a contact’s phone numbers changed, was added or removed, or is now for another use (“Out of hours”, “Text phone”): calls to the old number may go nowhere. Each number is compared with the one for the same use; spacing, and the case of a use, alone do not count. Editorial when the number dialled is the same, written another way (“(0121) 788-4300”, “+44 121 788 4300”). A number is shown with its use in brackets.',
  detect({ contacts }) {
    const out: Detected[] = []
    for (const pair of contacts.pairs)
      for (const phones of pairPhones(pair.old, pair.new))
        if (digits(phones.old) !== digits(phones.new) || (phones.old && phones.new && useKey(phones.old) !== useKey(phones.new)))
          out.push({
            ...(dialled(phones.old) === dialled(phones.new) && useKey(phones.old as Phone) === useKey(phones.new as Phone) ? { impact: 'editorial' as const } : {}),
            subject: { type: 'contact', old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } },
            match: matchOf(pair),
            field: 'phone',
            old: shownNumber(phones.old),
            new: shownNumber(phones.new),
          })
    return out
  },
})
