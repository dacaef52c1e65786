import { ruleTable, swap } from '../rule-tester.ts'

const about = (body: string) => ({ 'sections/01-about.md': `---\nid: about\n---\n\n${body}\n` })
const notKept = (words: string, what: string) =>
  `The heading “${words}” has ${what}, which is not kept: this heading is read as its words alone, expected plain words (put the emphasis in the text under the heading)`

export default ruleTable({
  rule: 'heading-plain-words',
  severity: 'warning',
  valid: [
    { name: 'the minimal framework' },
    { name: 'emphasis in the text under a heading', files: about('# About this framework\n\nRead it **with care**.') },
    {
      name: 'emphasis in a heading inside “What to do”, which is kept as Markdown',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '### *First* steps\n\n- Talk to the family.') },
    },
  ],
  invalid: [
    {
      name: 'italics in a page title, bold in a sub-page title',
      files: about('# About *this* framework\n\nWords.\n\n## Who **it** is for\n\nEveryone.'),
      errors: [
        { file: 'sections/01-about.md', messageId: 'notKept', data: { words: 'About this framework', what: 'italics' }, message: notKept('About this framework', 'italics'), line: 5, column: 1, endLine: 5, endColumn: 25 },
        { file: 'sections/01-about.md', messageId: 'notKept', data: { words: 'Who it is for', what: 'bold' }, message: notKept('Who it is for', 'bold'), line: 9, column: 1, endLine: 9, endColumn: 21 },
      ],
    },
    {
      name: 'a contact name in italics, a level heading in bold in a domain file',
      files: {
        'contacts.md': swap('## Front door {#front-door}', '## Front *door* {#front-door}'),
        'domains/01-health.md': swap('## Early Help', '## Early **Help**'),
      },
      errors: [
        { file: 'contacts.md', messageId: 'notKept', data: { words: 'Front door', what: 'italics' }, message: notKept('Front door', 'italics'), line: 5, column: 1, endLine: 5, endColumn: 30 },
        { file: 'domains/01-health.md', messageId: 'notKept', data: { words: 'Early Help', what: 'bold' }, message: notKept('Early Help', 'bold'), line: 6, column: 1, endLine: 6, endColumn: 18 },
      ],
    },
    {
      name: 'strikethrough and code in a page heading',
      files: about('# About\n\n## The ~~old~~ `new` steps\n\nWords.'),
      errors: [{ file: 'sections/01-about.md', messageId: 'notKept', data: { words: 'The old new steps', what: 'strikethrough' }, message: notKept('The old new steps', 'strikethrough'), line: 7, column: 1, endLine: 7, endColumn: 27 }],
    },
  ],
})
