import { parseHours } from '../../parse/hours.ts'
import { defineRule } from '../define-rule.ts'

const EXPECTED = 'expected days and times such as “Mon-Thu 08:45-17:20; Fri 08:45-16:30”, “24/7”, “24 hours, 7 days”, “Out of hours (evenings and weekends)”, or words with no times such as “School term time only”'

/** Apps show “open now”; hours they cannot read are hours they cannot show. */
export default defineRule({
  id: 'contact-hours-valid',
  severity: 'error',
  description: 'Opening hours (of a contact, or of one of its numbers) are written so apps can read them: “Mon-Thu 08:45-17:20; Fri 08:45-16:30”, “24/7”, “24 hours, 7 days”, “Out of hours (…)”, or words with no times in them.',
  messages: {
    unreadable: `The opening hours of “{{contact}}” cannot be read: {{problem}}, ${EXPECTED}`,
    unreadableForNumber: `The opening hours of “{{contact}}” ({{number}}) cannot be read: {{problem}}, ${EXPECTED}`,
  },
  check({ framework, report }) {
    for (const contact of framework.contacts) {
      const own = contact.hours && parseHours(contact.hours.text)
      if (contact.hours && own && !own.ok) report(contact.hours, 'unreadable', { contact: contact.name, problem: own.problem })
      for (const phone of contact.phones) {
        const result = phone.hours && parseHours(phone.hours.text)
        if (phone.hours && result && !result.ok) report(phone.hours, 'unreadableForNumber', { contact: contact.name, number: phone.use ?? phone.number, problem: result.problem })
      }
    }
  },
})
