import { ruleTable, swap } from '../rule-tester.ts'

const pending = (text: string) => `The address of “${text}” is still pending, expected a https:// address once it is known`

export default ruleTable({
  rule: 'link-pending',
  severity: 'warning',
  valid: [
    { name: 'an entry with an address' },
    { name: 'a level that links to an entry with an address', files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Follow the [procedures](#regional-procedures).') } },
    { name: 'an address with “pending:” later in it', files: { 'links.md': swap('https://example.org/procedures', 'https://example.org/pending:review') } },
  ],
  invalid: [
    {
      name: 'an entry still pending',
      files: { 'links.md': swap('https://example.org/procedures', 'pending:') },
      errors: [{ file: 'links.md', messageId: 'pending', data: { text: 'Regional procedures' }, message: pending('Regional procedures'), line: 5, column: 3, endLine: 5, endColumn: 34 }],
    },
    {
      name: 'PENDING in capitals, with a note after the colon',
      files: { 'links.md': swap('https://example.org/procedures', 'PENDING:ask-the-partnership') },
      errors: [{ file: 'links.md', messageId: 'pending', data: { text: 'Regional procedures' }, message: pending('Regional procedures'), line: 5, column: 3, endLine: 5, endColumn: 53 }],
    },
    {
      name: 'two pending entries, the one used from a level reported once, at the entry',
      files: {
        'links.md': swap('https://example.org/procedures) {#regional-procedures}', 'pending:) {#regional-procedures}\n- [Family hubs](pending:) {#family-hubs}'),
        'levels/01-early-help.md': swap('- Talk to the family.', '- Follow the [procedures](#regional-procedures).'),
      },
      errors: [
        { file: 'links.md', messageId: 'pending', data: { text: 'Regional procedures' }, message: pending('Regional procedures'), line: 5, column: 3, endLine: 5, endColumn: 34 },
        { file: 'links.md', messageId: 'pending', data: { text: 'Family hubs' }, message: pending('Family hubs'), line: 6, column: 3, endLine: 6, endColumn: 26 },
      ],
    },
  ],
})
