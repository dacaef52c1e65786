import { ruleTable, swap, swaps } from '../rule-tester.ts'

const noLink = 'Level “Child protection” is the highest level but does not link to “Emergency services” (999), expected “- [Emergency services](#emergency)” under its “## Contacts”'
const noRoute = 'Level “Child protection” is the highest level but gives no emergency route, expected a contact with “Phone: 999” in contacts.md linked under its “## Contacts”'
/** A third level, above child protection, with `contacts` under its “## Contacts”. */
const third = (contacts: string) => ({ 'levels/03-immediate-danger.md': `---\nid: immediate-danger\ntitle: Immediate danger\nrank: 3\n---\n\nA child in danger now.\n\n## Contacts\n\n${contacts}\n` })
const unlinked = swaps(['Call [999](#emergency)', 'Call the [front door](#front-door)'], ['- [Emergency services](#emergency)\n', ''])

export default ruleTable({
  rule: 'highest-level-has-emergency-route',
  severity: 'error',
  valid: [
    { name: 'the highest level links to 999' },
    { name: 'the emergency number written 112', files: { 'contacts.md': swap('- Phone: 999', '- Phone: 112') } },
    { name: 'of three levels, the highest links to 999', files: third('- [Emergency services](#emergency)') },
    {
      name: 'a sub-level of the highest level links to 999',
      files: {
        'levels/02-child-protection.md': unlinked,
        'levels/03-immediate.md': '---\nid: immediate\ntitle: Immediate danger\nparent: child-protection\nrank: 1\n---\n\nA child in danger now.\n\n## Contacts\n\n- [Emergency services](#emergency)\n',
      },
    },
  ],
  invalid: [
    {
      name: 'the highest level links only to the daytime team',
      files: { 'levels/02-child-protection.md': unlinked },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'notLinked', data: { level: 'Child protection', contact: 'Emergency services', id: 'emergency' }, message: noLink, line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'no contact has an emergency number',
      files: { 'contacts.md': swap('- Phone: 999', '- Phone: 0121 464 6060') },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'noEmergencyContact', data: { level: 'Child protection' }, message: noRoute, line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'only the lower level links to 999',
      files: {
        'levels/02-child-protection.md': unlinked,
        'levels/01-early-help.md': swap('- [Front door](#front-door)', '- [Front door](#front-door)\n- [Emergency services](#emergency)'),
      },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'notLinked', data: { level: 'Child protection', contact: 'Emergency services', id: 'emergency' }, message: noLink, line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'a number that only contains 999',
      files: { 'contacts.md': swap('- Phone: 999', '- Phone: 0121 999 0000') },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'noEmergencyContact', data: { level: 'Child protection' }, message: noRoute, line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'of three levels, only the middle one links to 999',
      files: third('- [Front door](#front-door)'),
      errors: [
        {
          file: 'levels/03-immediate-danger.md', messageId: 'notLinked', data: { level: 'Immediate danger', contact: 'Emergency services', id: 'emergency' },
          message: 'Level “Immediate danger” is the highest level but does not link to “Emergency services” (999), expected “- [Emergency services](#emergency)” under its “## Contacts”',
          line: 3, column: 8, endLine: 3, endColumn: 24,
        },
      ],
    },
    {
      name: 'the highest level links only to a contact with no phone number',
      files: { 'levels/02-child-protection.md': unlinked, 'contacts.md': swap('- Phone: 0121 788 4300', '- Email: frontdoor@example.org') },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'notLinked', data: { level: 'Child protection', contact: 'Emergency services', id: 'emergency' }, message: noLink, line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
  ],
})
