import { ruleTable, swap } from '../rule-tester.ts'

const noRoute = (title: string) => `Level “${title}” has no “What to do” section, expected one telling practitioners what to do at this level`
const withoutRoute = (text: string) => text.replace(/## What to do\n\n- [^\n]*\n\n/, '')

export default ruleTable({
  rule: 'level-has-what-to-do',
  severity: 'error',
  valid: [
    { name: 'every level has a route' },
    { name: 'a heading the parser reads as “What to do”', files: { 'levels/01-early-help.md': swap('## What to do', '## Response') } },
    {
      name: 'a sub-level relies on its parent’s route',
      files: { 'levels/03-child-in-need.md': '---\nid: child-in-need\ntitle: Child in need\nparent: child-protection\nrank: 1\n---\n\nA child who needs a service.\n\n## Contacts\n\n- [Front door](#front-door)\n' },
    },
  ],
  invalid: [
    {
      name: 'a level without the section',
      files: { 'levels/01-early-help.md': withoutRoute },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'noWhatToDo', data: { level: 'Early Help' }, message: noRoute('Early Help'), line: 3, column: 8, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'a “What to do” heading with nothing under it',
      files: { 'levels/02-child-protection.md': swap('- Call [999](#emergency) if a child is in immediate danger.\n', '') },
      errors: [{ file: 'levels/02-child-protection.md', messageId: 'noWhatToDo', data: { level: 'Child protection' }, message: noRoute('Child protection'), line: 3, column: 8, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'both levels without a route',
      files: { 'levels/01-early-help.md': withoutRoute, 'levels/02-child-protection.md': withoutRoute },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'noWhatToDo', data: { level: 'Early Help' }, message: noRoute('Early Help'), line: 3, column: 8, endLine: 3, endColumn: 18 },
        { file: 'levels/02-child-protection.md', messageId: 'noWhatToDo', data: { level: 'Child protection' }, message: noRoute('Child protection'), line: 3, column: 8, endLine: 3, endColumn: 24 },
      ],
    },
  ],
})
