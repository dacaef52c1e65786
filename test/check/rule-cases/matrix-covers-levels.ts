import { ruleTable } from '../rule-tester.ts'

const matrix = (header: string, ...rows: string[]) => ({
  'matrix.md': `---\ntitle: Decision matrix\nrule: The highest level reached on any factor guides the response.\n---\n\n${header}\n${header.replace(/[^|]+/g, ' --- ')}\n${rows.join('\n')}\n`,
})
const HEADER = '| Factor | Early Help | Child protection |'
const empty = (row: string, level: string) => `The decision matrix row “${row}” has no text for “${level}”, expected every cell of the row filled in`

export default ruleTable({
  rule: 'matrix-covers-levels',
  severity: 'error',
  valid: [
    { name: 'no matrix' },
    { name: 'every cell filled', files: matrix(HEADER, '| How often? {#frequency} | Occasional | Constant |', '| How severe? {#severity} | Moderate | Severe |') },
    {
      name: 'a column for a sub-level covers its parent',
      files: {
        ...matrix('| Factor | Early Help | Immediate danger |', '| How often? {#frequency} | Occasional | Constant |'),
        'levels/03-immediate.md': '---\nid: immediate\ntitle: Immediate danger\nparent: child-protection\nrank: 1\n---\n\nA child in danger now.\n',
      },
    },
    { name: 'columns headed by level ids', files: matrix('| Factor | early-help | child-protection |', '| How often? {#frequency} | Occasional | Constant |') },
  ],
  invalid: [
    {
      name: 'an empty cell',
      files: matrix(HEADER, '| How often? {#frequency} | Occasional | |', '| How severe? {#severity} | Moderate | Severe |'),
      errors: [{ file: 'matrix.md', messageId: 'emptyCell', data: { factor: 'How often?', column: 'Child protection' }, message: empty('How often?', 'Child protection'), line: 8, column: 40, endLine: 8, endColumn: 43 }],
    },
    {
      name: 'a row with a cell left off the end, and a row with two empty cells',
      files: matrix(HEADER, '| How often? {#frequency} | Occasional |', '| How severe? {#severity} | | |'),
      errors: [
        { file: 'matrix.md', messageId: 'emptyCell', data: { factor: 'How often?', column: 'Child protection' }, message: empty('How often?', 'Child protection'), line: 8, column: 1, endLine: 8, endColumn: 27 },
        { file: 'matrix.md', messageId: 'emptyCell', data: { factor: 'How severe?', column: 'Early Help' }, message: empty('How severe?', 'Early Help'), line: 9, column: 27, endLine: 9, endColumn: 29 },
        { file: 'matrix.md', messageId: 'emptyCell', data: { factor: 'How severe?', column: 'Child protection' }, message: empty('How severe?', 'Child protection'), line: 9, column: 29, endLine: 9, endColumn: 32 },
      ],
    },
    {
      name: 'no column for a level',
      files: matrix('| Factor | Early Help |', '| How often? {#frequency} | Occasional |'),
      errors: [{ file: 'matrix.md', messageId: 'noColumn', data: { level: 'Child protection', heading: 'Child protection' }, message: 'The decision matrix has no column for level “Child protection”, expected a column headed “Child protection”', line: 6, column: 1, endLine: 8, endColumn: 41 }],
    },
  ],
})
