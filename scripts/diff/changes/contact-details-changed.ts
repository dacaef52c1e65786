import { editorialIfSameMarkdown, matchOf } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { sameReference } from '../match.ts'
import type { Contact } from '../../model/types.ts'
import type { Value } from '../types.ts'

export default defineChange({
  id: 'contact-details-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'Contact details changed',
  covers: ['contacts[].email', 'contacts[].web', 'contacts[].address[]', 'contacts[].emergency', 'contacts[].useFor'],
  description: 'A contact’s email address, web address, postal address, emergency status or “use for” guidance changed: how or when practitioners reach it is different. A postal address with the same words in the same order is the same, however it is split into lines or separated by commas. A “use for” text that only changed spelling, punctuation, case, spacing, word order or small words, with its links going to the same places, is editorial.',
  detect(context) {
    const { contacts, links } = context
    const out: Detected[] = []
    for (const pair of contacts.pairs) {
      const subject = { type: 'contact' as const, old: { id: pair.old.id, label: pair.old.name }, new: { id: pair.new.id, label: pair.new.name } }
      const add = (field: string, before: Value, after: Value, impact: { impact?: 'editorial' } = {}) => out.push({ subject, match: matchOf(pair), field, old: before, new: after, ...impact })
      const text = (contact: Contact, key: 'email' | 'useFor') => contact[key] ?? null
      if (text(pair.old, 'email') !== text(pair.new, 'email')) add('email', text(pair.old, 'email'), text(pair.new, 'email'))
      // The web address is a link id: a link that only changed its id is still the same link.
      if (!sameReference(links, pair.old.web, pair.new.web)) add('web', pair.old.web ?? null, pair.new.web ?? null)
      // The address on one line, as a report shows it; spacing inside a line is layout.
      const address = (contact: Contact) => (contact.address ? contact.address.map((line) => line.replace(/\s+/g, ' ')).join(', ') : null)
      // The same words in the same order are the same address, however they are split into lines
      // or separated by commas: a letter reaches it either way.
      const words = (contact: Contact) => (contact.address ? contact.address.join(' ').replace(/[\s,]+/g, ' ').trim() : null)
      if (words(pair.old) !== words(pair.new)) add('address', address(pair.old), address(pair.new))
      if (pair.old.emergency !== pair.new.emergency) add('emergency', pair.old.emergency, pair.new.emergency)
      if (text(pair.old, 'useFor') !== text(pair.new, 'useFor')) add('useFor', text(pair.old, 'useFor'), text(pair.new, 'useFor'), editorialIfSameMarkdown(context, pair.old.useFor, pair.new.useFor))
    }
    return out
  },
})
