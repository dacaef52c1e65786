import { ruleTable, swap } from '../rule-tester.ts'

const phone = (text: string) => ({ 'contacts.md': swap('- Phone: 0121 788 4300', `- Phone: ${text}`) })
const invalid = (written: string, problem: string) => `The phone number “${written}” of “Front door” ${problem}, expected a number such as “0121 788 4300”`

export default ruleTable({
  rule: 'contact-phone-valid',
  severity: 'error',
  valid: [
    { name: 'a UK landline and 999' },
    { name: 'a UK short number', files: phone('116 111') },
    { name: 'a UK number in the international format', files: phone('+44 121 788 4300') },
    { name: 'several numbers, each valid', files: phone('0121 788 4300\n- Phone (out of hours): 0121 605 6060\n- Phone (text phone): 0121 496 0000') },
    { name: 'a contact with an e-mail address and no phone number', files: { 'contacts.md': swap('- Phone: 0121 788 4300', '- Email: frontdoor@example.org') } },
  ],
  invalid: [
    {
      name: 'a digit short',
      files: phone('0121 788 430'),
      errors: [{ file: 'contacts.md', messageId: 'invalid', data: { phone: '0121 788 430', contact: 'Front door', problem: 'is not a valid UK number (it does not match any UK number range)' }, message: invalid('0121 788 430', 'is not a valid UK number (it does not match any UK number range)'), line: 7, column: 1, endLine: 7, endColumn: 22 }],
    },
    {
      name: 'words instead of a number',
      files: phone('ask reception'),
      errors: [{ file: 'contacts.md', messageId: 'invalid', data: { phone: 'ask reception', contact: 'Front door', problem: 'has characters other than digits, spaces and brackets' }, message: invalid('ask reception', 'has characters other than digits, spaces and brackets'), line: 7, column: 1, endLine: 7, endColumn: 23 }],
    },
    {
      name: 'a number abroad',
      files: phone('+33 1 42 68 53 00'),
      errors: [{ file: 'contacts.md', messageId: 'invalid', data: { phone: '+33 1 42 68 53 00', contact: 'Front door', problem: 'is not a UK number' }, message: invalid('+33 1 42 68 53 00', 'is not a UK number'), line: 7, column: 1, endLine: 7, endColumn: 27 }],
    },
    {
      name: 'a second number, for a use, a digit short',
      files: phone('0121 788 4300\n- Phone (out of hours): 0121 605 606'),
      errors: [
        {
          file: 'contacts.md',
          messageId: 'invalidForUse',
          data: { phone: '0121 605 606', contact: 'Front door', use: 'out of hours', problem: 'is not a valid UK number (it does not match any UK number range)' },
          message: 'The phone number “0121 605 606” of “Front door” (out of hours) is not a valid UK number (it does not match any UK number range), expected a number such as “0121 788 4300”',
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 37,
        },
      ],
    },
  ],
})
