import { ruleTable, swap } from '../rule-tester.ts'

const placeholder = (text: string, target: string) =>
  `The link “${text}” points at ${target}, expected a real address; if it is not known yet, write “pending:” in links.md and link to that entry`

export default ruleTable({
  rule: 'link-not-placeholder',
  severity: 'error',
  valid: [
    { name: 'a real address' },
    { name: 'a pending entry', files: { 'links.md': swap('https://example.org/procedures', 'pending:') } },
    { name: 'a link to an id', files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Call the [front door](#front-door).') } },
  ],
  invalid: [
    {
      name: 'a “#” with spaces around it',
      files: { 'links.md': swap('(https://example.org/procedures)', '(< # >)') },
      errors: [{ file: 'links.md', messageId: 'placeholder', data: { text: 'Regional procedures', url: '#' }, message: placeholder('Regional procedures', 'the placeholder “#”'), line: 5, column: 3, endLine: 5, endColumn: 31 }],
    },
    {
      name: 'a bare “#”',
      files: { 'links.md': swap('https://example.org/procedures', '#') },
      errors: [{ file: 'links.md', messageId: 'placeholder', data: { text: 'Regional procedures', url: '#' }, message: placeholder('Regional procedures', 'the placeholder “#”'), line: 5, column: 3, endLine: 5, endColumn: 27 }],
    },
    {
      name: 'TODO as the address, in a level',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Use the [referral form](TODO).') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'placeholder', data: { text: 'referral form', url: 'TODO' }, message: placeholder('referral form', 'the placeholder “TODO”'), line: 11, column: 11, endLine: 11, endColumn: 32 }],
    },
    {
      name: 'an empty address',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Use the [referral form]().') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'empty', data: { text: 'referral form' }, message: placeholder('referral form', 'an empty address'), line: 11, column: 11, endLine: 11, endColumn: 28 }],
    },
    {
      name: 'an address of only spaces, which is empty too',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Use the [referral form](<  >).') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'empty', data: { text: 'referral form' }, message: placeholder('referral form', 'an empty address'), line: 11, column: 11, endLine: 11, endColumn: 32 }],
    },
  ],
})
