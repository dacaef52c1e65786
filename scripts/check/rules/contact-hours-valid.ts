import { parseHours } from '../../parse/hours.ts'
import { defineRule } from '../define-rule.ts'

/** Apps show “open now”; hours they cannot read are hours they cannot show. */
export default defineRule({
  id: 'contact-hours-valid',
  severity: 'error',
  description: 'Opening hours are written so apps can read them: “Mon-Thu 08:45-17:20; Fri 08:45-16:30”, “24/7”, “24 hours, 7 days”, “Out of hours (…)”, or words with no times in them.',
  messages: {
    unreadable:
      'The opening hours of “{{contact}}” cannot be read: {{problem}}, expected days and times such as “Mon-Thu 08:45-17:20; Fri 08:45-16:30”, “24/7”, “24 hours, 7 days”, “Out of hours (evenings and weekends)”, or words with no times such as “School term time only”',
  },
  check({ framework, report }) {
    for (const contact of framework.contacts) {
      if (!contact.hours) continue
      const result = parseHours(contact.hours.text)
      if (!result.ok)
        report(contact.hours, 'unreadable', { contact: contact.name, problem: result.problem })
    }
  },
})
