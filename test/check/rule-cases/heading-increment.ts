import { ruleTable } from '../rule-tester.ts'

const about = (body: string) => ({ 'sections/01-about.md': `---\nid: about\n---\n\n${body}\n` })
const skipped = (depth: number, previous: number) =>
  `This heading is level ${depth} right after a level ${previous} heading, expected level ${previous + 1} (“${'#'.repeat(previous + 1)} …”)`

export default ruleTable({
  rule: 'heading-increment',
  severity: 'warning',
  valid: [
    { name: 'the minimal framework' },
    { name: 'headings one level at a time, and back up several at once', files: about('# About\n\n## Who\n\n### Children\n\n# More\n\n## Also') },
    { name: 'a file that starts at level 3', files: about('### Who it is for\n\nEveryone.') },
  ],
  invalid: [
    {
      name: 'level 1 then level 3',
      files: about('# About this framework\n\n### Who it is for\n\nEveryone.'),
      errors: [{ file: 'sections/01-about.md', messageId: 'skipped', data: { depth: 3, previous: 1, expected: 2, marker: '##' }, message: skipped(3, 1), line: 7, column: 1, endLine: 7, endColumn: 18, suggestions: ['##'] }],
    },
    {
      name: 'level 2 then level 4',
      files: about('# About\n\n## Who\n\n#### Children'),
      errors: [{ file: 'sections/01-about.md', messageId: 'skipped', data: { depth: 4, previous: 2, expected: 3, marker: '###' }, message: skipped(4, 2), line: 9, column: 1, endLine: 9, endColumn: 14, suggestions: ['###'] }],
    },
    {
      name: 'two skips, each against the heading just before',
      files: about('# About\n\n### Who\n\n###### Deep'),
      errors: [
        { file: 'sections/01-about.md', messageId: 'skipped', data: { depth: 3, previous: 1, expected: 2, marker: '##' }, message: skipped(3, 1), line: 7, column: 1, endLine: 7, endColumn: 8, suggestions: ['##'] },
        { file: 'sections/01-about.md', messageId: 'skipped', data: { depth: 6, previous: 3, expected: 4, marker: '####' }, message: skipped(6, 3), line: 9, column: 1, endLine: 9, endColumn: 12, suggestions: ['####'] },
      ],
    },
  ],
})
