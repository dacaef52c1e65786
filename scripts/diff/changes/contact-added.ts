import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'contact-added',
  impact: 'practice',
  label: 'Contact added',
  covers: ['contacts[]'],
  inverse: 'contact-removed',
  description: 'A new phone line, portal or address for practitioners to use.',
  detect({ contacts }) {
    return contacts.added.map((contact) => ({ subject: { type: 'contact', new: { id: contact.id, label: contact.name } } }))
  },
})
