import { ruleTable, swap } from '../rule-tester.ts'

const about = (body: string) => ({ 'sections/01-about.md': `---\nid: about\n---\n\n# About this framework\n\n${body}\n` })
const emptyBullet = 'This bullet point is empty, expected some words after the “-”, or remove the line'
const emptyHeading = 'This heading is empty, expected some words after the “#”'

export default ruleTable({
  rule: 'content-not-empty',
  severity: 'error',
  valid: [
    { name: 'the minimal framework' },
    { name: 'a section with headings and bullets that all have words', files: about('## Who it is for\n\n- Everyone who works with children.\n- Volunteers.') },
    { name: 'a bullet holding only a link', files: about('- [Front door](../contacts.md#front-door)') },
    { name: 'a bullet holding only a list of its own, whose bullets have words', files: about('- - Everyone who works with children.\n  - Volunteers.') },
  ],
  invalid: [
    {
      name: 'an empty bullet in a level',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the family.\n-') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'emptyBullet', data: {}, message: emptyBullet, line: 12, column: 1, endLine: 12, endColumn: 2 }],
    },
    {
      name: 'an empty heading in a section',
      files: about('##\n\nWho it is for.'),
      errors: [{ file: 'sections/01-about.md', messageId: 'emptyHeading', data: {}, message: emptyHeading, line: 7, column: 1, endLine: 7, endColumn: 3 }],
    },
    {
      name: 'a heading of only spaces and a bullet of only spaces, both reported in order',
      files: about('###   \n\n- Volunteers.\n-   \n'),
      errors: [
        { file: 'sections/01-about.md', messageId: 'emptyHeading', data: {}, message: emptyHeading, line: 7, column: 1, endLine: 7, endColumn: 7 },
        { file: 'sections/01-about.md', messageId: 'emptyBullet', data: {}, message: emptyBullet, line: 10, column: 1, endLine: 10, endColumn: 5 },
      ],
    },
  ],
})
