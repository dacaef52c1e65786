import { ruleTable, swap } from '../rule-tester.ts'

const phone = (text: string) => ({ 'contacts.md': swap('- Phone: 0121 788 4300', `- Phone: ${text}`) })
const unusual = (written: string, national: string) => `The phone number “${written}” is not in the usual format, expected “${national}”`

export default ruleTable({
  rule: 'contact-phone-format',
  severity: 'warning',
  valid: [
    { name: 'a Birmingham number spaced the standard way' },
    { name: 'a non-geographic number spaced the standard way', files: phone('0345 678 9021') },
    { name: 'a short number', files: phone('116 111') },
  ],
  invalid: [
    {
      name: 'a number without spaces',
      files: phone('01217884300'),
      errors: [{ file: 'contacts.md', messageId: 'notNational', data: { phone: '01217884300', national: '0121 788 4300' }, message: unusual('01217884300', '0121 788 4300'), line: 7, column: 1, endLine: 7, endColumn: 21, suggestions: ['0121 788 4300'] }],
    },
    {
      name: 'a number in the international format',
      files: phone('+44 345 678 9021'),
      errors: [{ file: 'contacts.md', messageId: 'notNational', data: { phone: '+44 345 678 9021', national: '0345 678 9021' }, message: unusual('+44 345 678 9021', '0345 678 9021'), line: 7, column: 1, endLine: 7, endColumn: 26, suggestions: ['0345 678 9021'] }],
    },
    {
      name: 'a number spaced the wrong way',
      files: phone('012 1788 4300'),
      errors: [{ file: 'contacts.md', messageId: 'notNational', data: { phone: '012 1788 4300', national: '0121 788 4300' }, message: unusual('012 1788 4300', '0121 788 4300'), line: 7, column: 1, endLine: 7, endColumn: 23, suggestions: ['0121 788 4300'] }],
    },
  ],
})
