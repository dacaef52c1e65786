import { ruleTable, swap } from '../rule-tester.ts'

const contacts = (from: string, to: string) => ({ 'contacts.md': swap(from, to) })
const ADDRESS_TOO_LONG = 'Address line 2 of contact “Front door” is too long: 501 characters, expected at most 500 characters'
const NO_AT = 'The email address of contact “Front door” is “frontdoor.example.org”, which has no “@”, expected an address such as help@example.org'
const emailProblem = (address: string, problem: string) => `The email address of contact “Front door” is “${address}”, which ${problem}, expected an address such as help@example.org`
/** An Email line under the front door's hours (line 9, the address from column 10), with the message about it. */
const email = (name: string, address: string, problem: string) => ({
  name,
  files: contacts('- Hours: Mon-Fri 09:00-17:00', `- Hours: Mon-Fri 09:00-17:00\n- Email: ${address}`),
  errors: [{ file: 'contacts.md', messageId: 'schema', data: { problem: emailProblem(address, problem) }, message: emailProblem(address, problem), line: 9, column: 10, endLine: 9, endColumn: 10 + address.length }],
})
const TOO_LONG = 'The setting “title” is too long: 550 characters, expected at most 500 characters'

export default ruleTable({
  rule: 'model-schema',
  severity: 'error',
  valid: [
    { name: 'the minimal framework' },
    { name: 'a phone number of exactly 30 characters', files: contacts('- Phone: 0121 788 4300', `- Phone: ${'0121 788 4300'.padEnd(30, ' ').replace(/ +$/, (s) => '0'.repeat(s.length))}`) },
    { name: 'an e-mail address', files: contacts('- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- Email: frontdoor@example.org') },
    { name: 'a version not in the schema’s form (version-scheme reports it)', files: { 'framework.md': swap('version: "1.0"', 'version: "draft"') } },
  ],
  invalid: [
    {
      name: 'a phone number longer than 30 characters',
      files: contacts('- Phone: 0121 788 4300', '- Phone: 0121 788 4300 then ask for the duty manager on call'),
      errors: [{ file: 'contacts.md', messageId: 'schema', data: { problem: 'Phone number “0121 788 4300 then ask for the duty manager on call” of contact “Front door” is too long: 51 characters, expected at most 30 characters' }, message: 'Phone number “0121 788 4300 then ask for the duty manager on call” of contact “Front door” is too long: 51 characters, expected at most 30 characters', line: 7, column: 1, endLine: 7, endColumn: 61 }],
    },
    {
      // At the address as written on its line, not at the contact's heading.
      name: 'an e-mail address without an @, at the address',
      files: contacts('- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- Email: frontdoor.example.org'),
      errors: [{ file: 'contacts.md', messageId: 'schema', data: { problem: NO_AT }, message: NO_AT, line: 9, column: 10, endLine: 9, endColumn: 31 }],
    },
    {
      // The address inside its angle brackets, after “mailto:”, and after a label in bold.
      name: 'an e-mail address without an @ written as a mailto: link, at the address',
      files: contacts('- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- **Email:** <mailto:frontdoor.example.org>'),
      errors: [{ file: 'contacts.md', messageId: 'schema', data: { problem: NO_AT }, message: NO_AT, line: 9, column: 22, endLine: 9, endColumn: 43 }],
    },
    {
      // Written with an escape, the address as read is not in the text: the whole line.
      name: 'an e-mail address without an @ written with an escape, at its line',
      files: contacts('- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- Email: front\\_door.example.org'),
      errors: [{ file: 'contacts.md', messageId: 'schema', data: { problem: emailProblem('front_door.example.org', 'has no “@”') }, message: emailProblem('front_door.example.org', 'has no “@”'), line: 9, column: 1, endLine: 9, endColumn: 33 }],
    },
    email('an e-mail address with two “@”', 'frontdoor@council@example.org', 'has more than one “@”'),
    email('an e-mail address with nothing before the “@”', '@example.org', 'has nothing before the “@”'),
    email('an e-mail address with nothing after the “@”', 'frontdoor@', 'has nothing after the “@”'),
    email('an e-mail address with a comma in its name', 'front,door@example.org', 'has “,” before the “@”, which an address cannot hold'),
    email('an e-mail address with an underscore in its domain', 'frontdoor@example_council.org', 'has “_” after the “@”, where only the letters a to z, digits, dots and hyphens go'),
    email('an e-mail address whose domain has no dot', 'frontdoor@example', 'has no dot after the “@”, where a domain such as example.org goes'),
    email('an e-mail address with two dots together', 'front..door@example.org', 'has a dot or hyphen out of place (at the start or end of a part, or two dots together)'),
    email('an e-mail address whose domain starts with a hyphen', 'frontdoor@-example.org', 'has a dot or hyphen out of place (at the start or end of a part, or two dots together)'),
    {
      // Said once, by the check of the settings: the model's copy of the same words is not reported again.
      name: 'a level title too long in front-matter, reported by frontmatter-schema only',
      files: { 'levels/01-early-help.md': swap('title: Early Help', `title: Early Help ${'and more '.repeat(60)}\nshortTitle: Early Help`) },
      errors: [{ ruleId: 'frontmatter-schema', file: 'levels/01-early-help.md', message: TOO_LONG, line: 3, column: 8, endLine: 3, endColumn: 558 }],
    },
    {
      name: 'a framework title too long in front-matter, reported by frontmatter-schema only',
      files: { 'framework.md': swap('title: Minimal Framework', `title: Minimal Framework ${'and more '.repeat(60)}`) },
      errors: [{ ruleId: 'frontmatter-schema', file: 'framework.md', message: 'The setting “title” is too long: 557 characters, expected at most 500 characters', line: 3, column: 8, endLine: 3, endColumn: 565 }],
    },
    {
      name: 'an address line of more than 500 characters, at that line',
      files: contacts('- Hours: Mon-Fri 09:00-17:00', `- Hours: Mon-Fri 09:00-17:00\n- Address: Council House\n  ${'B'.repeat(501)}\n  Solihull B91 3QB`),
      errors: [{ file: 'contacts.md', messageId: 'schema', data: { problem: ADDRESS_TOO_LONG }, message: ADDRESS_TOO_LONG, line: 10, column: 3, endLine: 10, endColumn: 504 }],
    },
    {
      name: 'an indicator of more than 2,000 characters',
      files: { 'domains/01-health.md': swap('- Missing immunisations', `- Missing ${'very '.repeat(400)}immunisations`) },
      errors: [{ file: 'domains/01-health.md', messageId: 'schema', data: { problem: 'Indicator “Missing very very very very very very very very very very...” is too long: 2,021 characters, expected at most 2,000 characters' }, message: 'Indicator “Missing very very very very very very very very very very...” is too long: 2,021 characters, expected at most 2,000 characters', line: 8, column: 1, endLine: 8, endColumn: 2056 }],
    },
  ],
})
