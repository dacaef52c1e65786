import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'contact-removed',
  impact: 'practice',
  label: 'Contact removed',
  covers: ['contacts[]'],
  inverse: 'contact-added',
  description: 'A contact is no longer in the framework: anyone who still uses it needs to be told where to go instead.',
  detect({ contacts }) {
    return contacts.removed.map((contact) => ({ subject: { type: 'contact', old: { id: contact.id, label: contact.name } } }))
  },
})
