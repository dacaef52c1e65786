import { matchOf, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { referenceKey, sameReferences } from '../match.ts'
import { compareStrings } from '../../shared/text.ts'

export default defineChange({
  id: 'level-contacts-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'Level contacts changed',
  covers: ['levels[].contacts[]'],
  description: 'The contacts a level points practitioners to changed. Contacts are compared through the matching, so a renamed contact is not a change here. The same contacts in another order is editorial (`order`).',
  detect({ levels, contacts }) {
    const out: Detected[] = []
    for (const pair of levels.pairs) {
      const subject = { type: 'level' as const, old: titled(pair.old), new: titled(pair.new) }
      if (sameReferences(contacts, pair.old.contacts, pair.new.contacts)) {
        // The same contacts in another order: which one practitioners see first changed.
        const inOrder = (side: 'old' | 'new', ids: readonly string[]) => ids.map((id) => referenceKey(contacts, side, id)).join('\u0000')
        if (inOrder('old', pair.old.contacts) !== inOrder('new', pair.new.contacts)) out.push({ subject, match: matchOf(pair), field: 'order', old: [...pair.old.contacts], new: [...pair.new.contacts], impact: 'editorial' })
        continue
      }
      const sorted = (ids: readonly string[]) => [...ids].sort(compareStrings)
      out.push({ subject, match: matchOf(pair), old: sorted(pair.old.contacts), new: sorted(pair.new.contacts) })
    }
    return out
  },
})
