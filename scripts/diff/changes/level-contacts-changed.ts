import { matchOf, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameReferences } from '../match.ts'
import { compareStrings } from '../../shared/text.ts'

export default defineChange({
  id: 'level-contacts-changed',
  impact: 'practice',
  label: 'Level contacts changed',
  description: 'The contacts a level points practitioners to changed. Contacts are compared through the matching, so a renamed contact is not a change here.',
  detect({ levels, contacts }) {
    const out: Detected[] = []
    for (const pair of levels.pairs) {
      if (sameReferences(contacts, pair.old.contacts, pair.new.contacts)) continue
      const sorted = (ids: readonly string[]) => [...ids].sort(compareStrings)
      out.push({ subject: { type: 'level', old: titled(pair.old), new: titled(pair.new) }, match: matchOf(pair), old: sorted(pair.old.contacts), new: sorted(pair.new.contacts) })
    }
    return out
  },
})
