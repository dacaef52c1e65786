import { readPhone } from '../../shared/phones.ts'
import { defineRule } from '../define-rule.ts'

/** One way of writing numbers, so readers and apps that match on the text see the same thing. */
export default defineRule({
  id: 'contact-phone-format',
  severity: 'warning',
  description: 'Phone numbers are written in the UK national format, spaced the standard way (e.g. “0345 678 9021”, “0121 788 4300”).',
  messages: {
    notNational: 'The phone number “{{phone}}” is not in the usual format, expected “{{national}}”',
  },
  check({ framework, report }) {
    for (const contact of framework.contacts)
      for (const phone of contact.phones) {
        const reading = readPhone(phone.number)
        if (reading.ok && reading.national !== phone.number) report(phone, 'notNational', { phone: phone.number, national: reading.national }, { expected: [reading.national] })
      }
  },
})
