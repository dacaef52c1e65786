import { ruleTable, swap } from '../rule-tester.ts'

const dutyTeam = (extra = '') => swap('- Emergency: yes\n', `- Emergency: yes\n\n## Duty team {#duty-team}\n\n- Phone: 0345 678 9021\n${extra}`)
const unlinked = (name: string) =>
  `The contact “${name}” is not linked from any level or text, expected a link such as “[${name}](#duty-team)” in the level that uses it, or remove it`

export default ruleTable({
  rule: 'contact-referenced',
  severity: 'warning',
  valid: [
    { name: 'every contact is under a level’s contacts' },
    {
      name: 'a contact linked only from a level’s “What to do” text',
      files: {
        'contacts.md': dutyTeam(),
        'levels/01-early-help.md': swap('- Talk to the family.', '- Out of hours, call the [duty team](#duty-team).'),
      },
    },
    {
      name: 'a contact linked only from another contact',
      files: { 'contacts.md': (minimal) => dutyTeam()(minimal).replace('- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n\nOut of hours, call the [duty team](#duty-team).') },
    },
  ],
  invalid: [
    {
      name: 'a contact nothing links to',
      files: { 'contacts.md': dutyTeam() },
      errors: [{ file: 'contacts.md', messageId: 'unreferenced', data: { contact: 'Duty team', id: 'duty-team' }, message: unlinked('Duty team'), line: 15, column: 1, endLine: 15, endColumn: 26 }],
    },
    {
      name: 'a contact whose only link is in its own text',
      files: { 'contacts.md': dutyTeam('\nOut of hours the [duty team](#duty-team) answers.\n') },
      errors: [{ file: 'contacts.md', messageId: 'unreferenced', data: { contact: 'Duty team', id: 'duty-team' }, message: unlinked('Duty team'), line: 15, column: 1, endLine: 15, endColumn: 26 }],
    },
    {
      name: 'a level that names the contact in words but without a link',
      files: {
        'contacts.md': dutyTeam(),
        'levels/01-early-help.md': swap('- Talk to the family.', '- Out of hours, call the duty team (#duty-team).'),
      },
      errors: [{ file: 'contacts.md', messageId: 'unreferenced', data: { contact: 'Duty team', id: 'duty-team' }, message: unlinked('Duty team'), line: 15, column: 1, endLine: 15, endColumn: 26 }],
    },
  ],
})
