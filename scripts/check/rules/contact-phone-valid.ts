import { readPhone } from '../../shared/phones.ts'
import { defineRule } from '../define-rule.ts'

/** A mistyped number sends a worried professional to a stranger or to nothing at all. */
export default defineRule({
  id: 'contact-phone-valid',
  severity: 'error',
  description: 'Every phone number of every contact is a real UK number (checked with libphonenumber-js), or a UK short number such as 999 or 116 111.',
  messages: {
    invalid: 'The phone number “{{phone}}” of “{{contact}}” {{problem}}, expected a number such as “0121 788 4300”',
    invalidForUse: 'The phone number “{{phone}}” of “{{contact}}” ({{use}}) {{problem}}, expected a number such as “0121 788 4300”',
  },
  check({ framework, report }) {
    for (const contact of framework.contacts)
      for (const phone of contact.phones) {
        const reading = readPhone(phone.number)
        if (reading.ok) continue
        if (phone.use) report(phone, 'invalidForUse', { phone: phone.number, contact: contact.name, use: phone.use, problem: reading.problem })
        else report(phone, 'invalid', { phone: phone.number, contact: contact.name, problem: reading.problem })
      }
  },
})
