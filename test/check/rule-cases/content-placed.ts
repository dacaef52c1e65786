import { ruleTable, swap } from '../rule-tester.ts'

const contacts = (before: string) => swap('## Front door {#front-door}', `${before}\n\n## Front door {#front-door}`)
const where = {
  contacts: 'expected it under a contact’s “##” heading, or in a “<!-- note -->” if it is a note for editors',
  links: 'expected it as a link entry “- [Name](https://...) {#id}” alone on its line, or in a “<!-- note -->” if it is a note for editors',
  level: 'expected it as a link alone on its line under “Contacts” (say what a contact is for in contacts.md, with “Use for:”), other words under another heading of the level, or in a “<!-- note -->” if it is a note for editors',
}
const lost = (words: string, expected: string) => `“${words}” is not read into the framework here, so it would be lost, ${expected}`

const FOOTNOTE = (label: string) => `The footnote “[^${label}]” is not carried into the framework (apps and the package would show the marker without its note), expected the note’s words in the text itself`

export default ruleTable({
  rule: 'content-placed',
  severity: 'error',
  valid: [
    { name: 'the minimal framework' },
    { name: 'a note for editors before the first contact', files: { 'contacts.md': contacts('<!-- Numbers checked in May. -->') } },
    { name: 'headings grouping the entries of links.md', files: { 'links.md': swap('- [Regional', '## Procedures\n\n- [Regional') } },
    { name: 'emphasis in a heading (its words are kept)', files: { 'contacts.md': swap('## Front door {#front-door}', '## Front *door* {#front-door}') } },
    { name: 'a paragraph under a level heading in a domain file', files: { 'domains/01-health.md': swap('## Early Help\n', '## Early Help\n\nSeen by the school nurse.\n') } },
    { name: 'an empty code block before the first contact (it holds no words to lose)', files: { 'contacts.md': contacts('```\n```') } },
  ],
  invalid: [
    {
      name: 'a footnote on an indicator: its marker and its note',
      files: { 'domains/01-health.md': swap('- Missing immunisations {#health-missing-immunisations}', '- Missing immunisations[^imm] {#health-missing-immunisations}\n\n[^imm]: As set out in the NHS schedule.') },
      errors: [
        { file: 'domains/01-health.md', messageId: 'footnote', data: { label: 'imm' }, message: FOOTNOTE('imm'), line: 8, column: 24, endLine: 8, endColumn: 30 },
        { file: 'domains/01-health.md', messageId: 'footnote', data: { label: 'imm' }, message: FOOTNOTE('imm'), line: 10, column: 1, endLine: 10, endColumn: 40 },
      ],
    },
    {
      name: 'a paragraph before the first contact',
      files: { 'contacts.md': contacts('All numbers are answered by the council.') },
      errors: [{ file: 'contacts.md', messageId: 'notPlaced', data: { words: 'All numbers are answered by the council.', where: 'under a contact’s “##” heading, or in a “<!-- note -->” if it is a note for editors' }, message: lost('All numbers are answered by the council.', where.contacts), line: 5, column: 1, endLine: 5, endColumn: 41 }],
    },
    {
      name: 'words beside a link in links.md',
      files: { 'links.md': swap('(https://example.org/procedures) {#', '(https://example.org/procedures) (West Midlands) {#') },
      errors: [{ file: 'links.md', messageId: 'notPlaced', data: { words: '(West Midlands)', where: 'as a link entry “- [Name](https://...) {#id}” alone on its line, or in a “<!-- note -->” if it is a note for editors' }, message: lost('(West Midlands)', where.links), line: 5, column: 57, endLine: 5, endColumn: 72 }],
    },
    {
      name: 'words beside a contact link, and a contact that is not a link, in a level',
      files: { 'levels/01-early-help.md': swap('- [Front door](#front-door)', '- [Front door](#front-door) for advice\n- The health visitor') },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'notPlaced', data: { words: 'for advice', where: 'as a link alone on its line under “Contacts” (say what a contact is for in contacts.md, with “Use for:”), other words under another heading of the level, or in a “<!-- note -->” if it is a note for editors' }, message: lost('for advice', where.level), line: 15, column: 29, endLine: 15, endColumn: 39 },
        { file: 'levels/01-early-help.md', messageId: 'notPlaced', data: { words: 'The health visitor', where: 'as a link alone on its line under “Contacts” (say what a contact is for in contacts.md, with “Use for:”), other words under another heading of the level, or in a “<!-- note -->” if it is a note for editors' }, message: lost('The health visitor', where.level), line: 16, column: 1, endLine: 16, endColumn: 21 },
      ],
    },
    {
      name: 'a code block before the first contact: its words, without the fence',
      files: { 'contacts.md': contacts('```\n  dial 9 first  \n```') },
      errors: [{ file: 'contacts.md', messageId: 'notPlaced', data: { words: 'dial 9 first', where: where.contacts.replace('expected it ', '') }, message: lost('dial 9 first', where.contacts), line: 5, column: 1, endLine: 7, endColumn: 4 }],
    },
    {
      name: 'inline code beside a link in links.md',
      files: { 'links.md': swap('(https://example.org/procedures) {#', '(https://example.org/procedures) `v2` {#') },
      errors: [{ file: 'links.md', messageId: 'notPlaced', data: { words: 'v2', where: where.links.replace('expected it ', '') }, message: lost('v2', where.links), line: 5, column: 57, endLine: 5, endColumn: 61 }],
    },
    {
      name: 'an image before the first contact, quoted by its description',
      files: { 'contacts.md': contacts('![Council logo](logo.png)') },
      errors: [{ file: 'contacts.md', messageId: 'notPlaced', data: { words: 'Council logo', where: where.contacts.replace('expected it ', '') }, message: lost('Council logo', where.contacts), line: 5, column: 1, endLine: 5, endColumn: 26 }],
    },
    {
      name: 'an image without a description, quoted by its address',
      files: { 'contacts.md': contacts('![](https://example.org/logo.png)') },
      errors: [{ file: 'contacts.md', messageId: 'notPlaced', data: { words: 'https://example.org/logo.png', where: where.contacts.replace('expected it ', '') }, message: lost('https://example.org/logo.png', where.contacts), line: 5, column: 1, endLine: 5, endColumn: 34 }],
    },
    {
      name: 'a paragraph of exactly 60 characters, quoted whole',
      files: { 'contacts.md': contacts('Every number on this page is answered by the council itself.') },
      errors: [{ file: 'contacts.md', messageId: 'notPlaced', data: { words: 'Every number on this page is answered by the council itself.', where: where.contacts.replace('expected it ', '') }, message: lost('Every number on this page is answered by the council itself.', where.contacts), line: 5, column: 1, endLine: 5, endColumn: 61 }],
    },
    {
      name: 'a longer paragraph, quoted up to its last whole word within 57 characters',
      files: { 'contacts.md': contacts('All numbers on this page are answered by the council’s own staff, day and night.') },
      errors: [{ file: 'contacts.md', messageId: 'notPlaced', data: { words: 'All numbers on this page are answered by the council’s…', where: where.contacts.replace('expected it ', '') }, message: lost('All numbers on this page are answered by the council’s…', where.contacts), line: 5, column: 1, endLine: 5, endColumn: 81 }],
    },
    {
      name: 'a bullet list before the first contact: its items parted by a space',
      files: { 'contacts.md': contacts('- one\n- two') },
      errors: [{ file: 'contacts.md', messageId: 'notPlaced', data: { words: 'one two', where: where.contacts.replace('expected it ', '') }, message: lost('one two', where.contacts), line: 5, column: 1, endLine: 6, endColumn: 6 }],
    },
    {
      name: 'a quote and a table before the first contact: their paragraphs and cells parted by a space',
      files: { 'contacts.md': contacts('> one\n>\n> two\n\n| a | b |\n|---|---|\n| c | d |') },
      errors: [
        { file: 'contacts.md', messageId: 'notPlaced', data: { words: 'one two', where: where.contacts.replace('expected it ', '') }, message: lost('one two', where.contacts), line: 5, column: 1, endLine: 7, endColumn: 6 },
        { file: 'contacts.md', messageId: 'notPlaced', data: { words: 'a b c d', where: where.contacts.replace('expected it ', '') }, message: lost('a b c d', where.contacts), line: 9, column: 1, endLine: 11, endColumn: 10 },
      ],
    },
    {
      name: 'a link in a contact heading',
      files: { 'contacts.md': swap('## Front door {#front-door}', '## Front [door](https://example.org/door) {#front-door}') },
      errors: [{ file: 'contacts.md', messageId: 'linkInHeading', data: { words: 'door' }, message: 'The link “door” is in a heading, which keeps only its words, so its address would be lost, expected the link in the text under the heading', line: 5, column: 10, endLine: 5, endColumn: 42 }],
    },
    {
      name: 'a reference link and an image in a level heading',
      files: { 'levels/01-early-help.md': swap('## Contacts', '## Contacts [see][r] ![logo](logo.png)\n\n[r]: https://example.org/see') },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'linkInHeading', data: { words: 'see' }, message: 'The link “see” is in a heading, which keeps only its words, so its address would be lost, expected the link in the text under the heading', line: 13, column: 13, endLine: 13, endColumn: 21 },
        { file: 'levels/01-early-help.md', messageId: 'linkInHeading', data: { words: 'logo' }, message: 'The link “logo” is in a heading, which keeps only its words, so its address would be lost, expected the link in the text under the heading', line: 13, column: 22, endLine: 13, endColumn: 39 },
      ],
    },
  ],
})
