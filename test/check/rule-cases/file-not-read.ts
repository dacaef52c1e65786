import { ruleTable } from '../rule-tester.ts'

const LEVEL = '---\nid: child-in-need\ntitle: Child in Need\nrank: 3\n---\n\nA level saved where it is not read.\n'
const notLowerCaseMd = (file: string, expected: string) => `“${file}” is not read: Thresholds reads only names ending in “.md”, in lower case, expected “${expected}”`
const inUnknownFolder = (file: string) => `“${file}” is not read: it is in a folder Thresholds does not read, expected it directly in levels/, domains/ or sections/ (or kept outside the framework folder)`
const at = { line: 1, column: 1, endLine: 1, endColumn: 1 }

export default ruleTable({
  rule: 'file-not-read',
  severity: 'warning',
  valid: [
    { name: 'only the files Thresholds reads' },
    { name: 'notes that are not Markdown, and Markdown in a hidden folder', files: { 'notes/plan.txt': 'Plan for the next review.\n', '.drafts/plan.md': '# Plan\n' } },
  ],
  invalid: [
    {
      name: 'a level saved as .MD',
      files: { 'levels/03-child-in-need.MD': LEVEL },
      errors: [{ file: 'levels/03-child-in-need.MD', messageId: 'extension', data: { file: 'levels/03-child-in-need.MD', expected: 'levels/03-child-in-need.md' }, message: notLowerCaseMd('levels/03-child-in-need.MD', 'levels/03-child-in-need.md'), ...at }],
    },
    {
      name: 'links saved as Links.markdown, and a section as .mdx',
      files: { 'Links.markdown': '---\ntitle: Links\n---\n', 'sections/01-about.mdx': '# About\n' },
      errors: [
        { file: 'Links.markdown', messageId: 'extension', data: { file: 'Links.markdown', expected: 'links.md' }, message: notLowerCaseMd('Links.markdown', 'links.md'), ...at },
        { file: 'sections/01-about.mdx', messageId: 'extension', data: { file: 'sections/01-about.mdx', expected: 'sections/01-about.md' }, message: notLowerCaseMd('sections/01-about.mdx', 'sections/01-about.md'), ...at },
      ],
    },
    {
      name: 'a level in Sections/ written with a capital, and notes deep in a folder of their own',
      files: { 'Sections/01-about.md': '# About\n', 'notes/2026/june/plan.md': '# Plan\n' },
      errors: [
        { file: 'Sections/01-about.md', messageId: 'folderCase', data: { file: 'Sections/01-about.md', folder: 'sections', written: 'Sections' }, message: '“Sections/01-about.md” is not read: Thresholds reads “sections/”, in lower case, not “Sections/”, expected the file in “sections/”', ...at },
        { file: 'notes/2026/june/plan.md', messageId: 'otherFolder', data: { file: 'notes/2026/june/plan.md' }, message: inUnknownFolder('notes/2026/june/plan.md'), ...at },
      ],
    },
    {
      name: 'a Markdown file at the top that is none of the files Thresholds reads',
      files: { 'Notes.MD': '# Notes\n' },
      errors: [
        {
          file: 'Notes.MD',
          messageId: 'unknownFile',
          data: { file: 'Notes.MD' },
          message: '“Notes.MD” is not read: it is not a file Thresholds reads, expected framework.md, contacts.md, links.md, matrix.md, or a file in levels/, domains/ or sections/',
          ...at,
        },
      ],
    },
    {
      name: 'a file in a folder inside levels/, with another extension',
      files: { 'levels/old/01-early-help.markdown': LEVEL },
      errors: [{ file: 'levels/old/01-early-help.markdown', messageId: 'otherFolder', data: { file: 'levels/old/01-early-help.markdown' }, message: inUnknownFolder('levels/old/01-early-help.markdown'), ...at }],
    },
    {
      name: 'a level whose name has a dot before its extension, saved as .MD',
      files: { 'levels/03-child-in-need.v2.MD': LEVEL },
      errors: [{ file: 'levels/03-child-in-need.v2.MD', messageId: 'extension', data: { file: 'levels/03-child-in-need.v2.MD', expected: 'levels/03-child-in-need.v2.md' }, message: notLowerCaseMd('levels/03-child-in-need.v2.MD', 'levels/03-child-in-need.v2.md'), ...at }],
    },
  ],
})
