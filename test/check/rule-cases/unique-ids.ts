import { ruleTable, swap } from '../rule-tester.ts'

const used = (id: string, kind: string, file: string) => `The id “${id}” is already used by a ${kind} in ${file}, expected each id once: rename one of them`

export default ruleTable({
  rule: 'unique-ids',
  severity: 'error',
  valid: [
    { name: 'every id once' },
    { name: 'ids that differ only by a suffix', files: { 'contacts.md': swap('- Emergency: yes', '- Emergency: yes\n\n## Front door out of hours {#front-door-2}\n\n- Phone: 0121 605 6060') } },
  ],
  invalid: [
    {
      name: 'two contacts with one id',
      files: { 'contacts.md': swap('- Emergency: yes', '- Emergency: yes\n\n## Front door out of hours {#front-door}\n\n- Phone: 0121 605 6060') },
      errors: [{ file: 'contacts.md', messageId: 'duplicate', data: { id: 'front-door', kind: 'contact', file: 'contacts.md' }, message: used('front-door', 'contact', 'contacts.md'), line: 15, column: 1, endLine: 15, endColumn: 41, cause: { file: 'contacts.md', line: 5, column: 1, message: 'first defined here' } }],
    },
    {
      name: 'an indicator with a contact’s id, in another file',
      files: { 'domains/01-health.md': swap('{#health-missing-immunisations}', '{#emergency}') },
      errors: [{ file: 'domains/01-health.md', messageId: 'duplicate', data: { id: 'emergency', kind: 'contact', file: 'contacts.md' }, message: used('emergency', 'contact', 'contacts.md'), line: 8, column: 1, endLine: 8, endColumn: 37, cause: { file: 'contacts.md', line: 10, column: 1, message: 'first defined here' } }],
    },
    {
      name: 'one id three times, each repeat pointing at the first',
      files: { 'links.md': swap('{#regional-procedures}', '{#regional-procedures}\n- [Procedures again](https://example.org/p2) {#regional-procedures}\n- [And again](https://example.org/p3) {#regional-procedures}') },
      errors: [
        { file: 'links.md', messageId: 'duplicate', data: { id: 'regional-procedures', kind: 'link', file: 'links.md' }, message: used('regional-procedures', 'link', 'links.md'), line: 6, column: 1, endLine: 6, endColumn: 68, cause: { file: 'links.md', line: 5, column: 1, message: 'first defined here' } },
        { file: 'links.md', messageId: 'duplicate', data: { id: 'regional-procedures', kind: 'link', file: 'links.md' }, message: used('regional-procedures', 'link', 'links.md'), line: 7, column: 1, endLine: 7, endColumn: 61, cause: { file: 'links.md', line: 5, column: 1, message: 'first defined here' } },
      ],
    },
  ],
})
