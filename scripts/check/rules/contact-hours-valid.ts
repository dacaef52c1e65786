import { parseHours } from '../../parse/hours.ts'
import { defineRule } from '../define-rule.ts'

/** Apps show “open now”; hours they cannot read are hours they cannot show. */
export default defineRule({
  id: 'contact-hours-valid',
  severity: 'error',
  description: 'Opening hours are written so apps can read them: “Mon-Thu 08:45-17:20; Fri 08:45-16:30”, “24/7”, or “Out of hours (…)”.',
  check({ framework, report }) {
    for (const contact of framework.contacts) {
      if (!contact.hours) continue
      const result = parseHours(contact.hours.text)
      if (!result.ok)
        report(contact.hours, `The opening hours of “${contact.name}” cannot be read: ${result.problem}, expected e.g. “Mon-Thu 08:45-17:20; Fri 08:45-16:30” or “24/7”`)
    }
  },
})
