import { ruleTable, swap } from '../rule-tester.ts'

const level = (to: string) => ({ 'levels/01-early-help.md': swap('- Talk to the family.', to) })
/** The front door with a second number, for out of hours, and `to` in the Early Help level. */
const twoNumbers = (to: string) => ({ ...level(to), 'contacts.md': swap('- Phone: 0121 788 4300\n', '- Phone: 0121 788 4300\n- Phone (out of hours): 0121 605 6060\n') })
/** The front door with an email address, and `to` in the Early Help level. */
const withEmail = (to: string) => ({ ...level(to), 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00\n', '- Hours: Mon-Fri 09:00-17:00\n- Email: help@example.org\n') })
const ending = (kind: 'number' | 'address') => `expected the link to go to the ${kind} its words show, or words that show where it goes`

export default ruleTable({
  rule: 'link-text-matches-address',
  severity: 'error',
  valid: [
    { name: 'a number that dials itself, written another way', files: level('- Call [0121 788 4300](tel:+441217884300) or [(0121) 788-4300](#front-door).') },
    { name: 'a web address by host and path, and an email address with its domain in capitals', files: level('- Read [www.Example.org/procedures/](https://example.org/procedures) or write to [help@example.org](mailto:help@EXAMPLE.ORG).') },
    { name: 'words naming the second of a contact’s numbers, linking to the contact', files: twoNumbers('- Out of hours, call [0121 605 6060](#front-door).') },
    { name: 'words naming the first of a contact’s two numbers, linking to the contact', files: twoNumbers('- Call [0121 788 4300](#front-door).') },
    { name: 'words that are not an address', files: level('- Call [the front door](tel:+441217884300) or read [Working Together 2026](https://example.org/wt).') },
    { name: 'a contact’s own email address, its domain in capitals, linking to the contact', files: withEmail('- Write to [help@EXAMPLE.org](#front-door).') },
    { name: 'an email address linking to a contact that has none (nothing to compare with)', files: level('- Write to [help@example.org](#front-door).') },
    { name: 'a web address linking to a links.md entry still pending (nothing to compare with)', files: { ...level('- Read [example.org/help](#regional-procedures).'), 'links.md': swap('https://example.org/procedures', 'pending:') } },
    { name: 'a plain http address in the words and the link', files: level('- Read [http://example.org/procedures](http://example.org/procedures).') },
  ],
  invalid: [
    {
      name: 'words that show one number, and a tel: link that dials another',
      files: level('- Call [0121 788 4300](tel:+449098790000).'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: '0121 788 4300', claimed: 'a phone number', goes: 'dials', destination: '+449098790000', what: 'number' },
          message: `The link's words “0121 788 4300” are a phone number, but the link dials “+449098790000”, ${ending('number')}`,
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'a number that is none of the contact’s two numbers (the link dials the first)',
      files: twoNumbers('- Call [0121 704 8007](#front-door).'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: '0121 704 8007', claimed: 'a phone number', goes: 'dials', destination: '0121 788 4300', what: 'number' },
          message: `The link's words “0121 704 8007” are a phone number, but the link dials “0121 788 4300”, ${ending('number')}`,
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'a number that links to a contact with another number',
      files: level('- Call [0121 788 4300](#emergency).'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: '0121 788 4300', claimed: 'a phone number', goes: 'dials', destination: '999', what: 'number' },
          message: `The link's words “0121 788 4300” are a phone number, but the link dials “999”, ${ending('number')}`,
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 35,
        },
      ],
    },
    {
      name: 'a web address that opens another site, and one that links to a links.md entry elsewhere',
      files: level('- Read [www.example.org](https://evil.example.com/) or [example.org/help](#regional-procedures).'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: 'www.example.org', claimed: 'a web address', goes: 'opens', destination: 'https://evil.example.com/', what: 'address' },
          message: `The link's words “www.example.org” are a web address, but the link opens “https://evil.example.com/”, ${ending('address')}`,
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 52,
        },
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: 'example.org/help', claimed: 'a web address', goes: 'opens', destination: 'https://example.org/procedures', what: 'address' },
          message: `The link's words “example.org/help” are a web address, but the link opens “https://example.org/procedures”, ${ending('address')}`,
          line: 11,
          column: 56,
          endLine: 11,
          endColumn: 96,
        },
      ],
    },
    {
      name: 'an email address that writes to someone else, and a number that opens a web page',
      files: level('- Write to [help@example.org](mailto:other@example.org) or [0121 788 4300](https://example.org/call).'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: 'help@example.org', claimed: 'an email address', goes: 'writes to', destination: 'other@example.org', what: 'address' },
          message: `The link's words “help@example.org” are an email address, but the link writes to “other@example.org”, ${ending('address')}`,
          line: 11,
          column: 12,
          endLine: 11,
          endColumn: 56,
        },
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: '0121 788 4300', claimed: 'a phone number', goes: 'opens', destination: 'https://example.org/call', what: 'number' },
          message: `The link's words “0121 788 4300” are a phone number, but the link opens “https://example.org/call”, ${ending('number')}`,
          line: 11,
          column: 60,
          endLine: 11,
          endColumn: 101,
        },
      ],
    },
    {
      name: 'an email address that is not the address of the contact it links to',
      files: withEmail('- Write to [office@example.org](#front-door).'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: 'office@example.org', claimed: 'an email address', goes: 'writes to', destination: 'help@example.org', what: 'address' },
          message: `The link's words “office@example.org” are an email address, but the link writes to “help@example.org”, ${ending('address')}`,
          line: 11,
          column: 12,
          endLine: 11,
          endColumn: 45,
        },
      ],
    },
    {
      name: 'a web address whose http link opens another site',
      files: level('- Read [example.org/procedures](http://other.example.net/procedures).'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'mismatch', data: { text: 'example.org/procedures', claimed: 'a web address', goes: 'opens', destination: 'http://other.example.net/procedures', what: 'address' },
          message: `The link's words “example.org/procedures” are a web address, but the link opens “http://other.example.net/procedures”, ${ending('address')}`,
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 69,
        },
      ],
    },
  ],
})
