import { readPhone } from '../../shared/phones.ts'
import { defineRule } from '../define-rule.ts'

/** A mistyped number sends a worried professional to a stranger or to nothing at all. */
export default defineRule({
  id: 'contact-phone-valid',
  severity: 'error',
  description: 'Every phone number is a real UK number (checked with libphonenumber-js), or a UK short number such as 999 or 116 111.',
  messages: {
    invalid: 'The phone number “{{phone}}” of “{{contact}}” {{problem}}, expected a number such as “0121 788 4300”',
  },
  check({ framework, parsed, report }) {
    for (const contact of framework.contacts) {
      if (contact.phone === undefined) continue
      const reading = readPhone(contact.phone)
      if (!reading.ok)
        report(parsed.phonePlaces.get(contact) ?? contact, 'invalid', { phone: contact.phone, contact: contact.name, problem: reading.problem })
    }
  },
})
