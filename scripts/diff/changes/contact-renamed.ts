import { matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'contact-renamed',
  impact: 'editorial',
  label: 'Contact renamed',
  covers: ['contacts[].name', 'contacts[].id'],
  description: 'A contact’s name or id changed; the number and hours did not.',
  detect({ contacts }) {
    const out: Detected[] = []
    for (const pair of contacts.pairs)
      if (pair.old.name !== pair.new.name || pair.old.id !== pair.new.id)
        out.push({
          subject: { type: 'contact', old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } },
          match: matchOf(pair),
          old: { id: pair.old.id, title: pair.old.name },
          new: { id: pair.new.id, title: pair.new.name },
        })
    return out
  },
})
