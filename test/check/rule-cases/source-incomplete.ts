import { ruleTable, swap } from '../rule-tester.ts'

const INJURY = '- Untreated serious injury {#health-untreated-injury}'
const gap = (what: string, status: 'partial' | 'missing', reason: string) =>
  `${what} ${status === 'partial' ? 'is partial in the source document' : 'is missing from the source document'} (“${reason}”), expected it filled in once the partnership supplies the text`

export default ruleTable({
  rule: 'source-incomplete',
  severity: 'warning',
  valid: [
    { name: 'the minimal framework' },
    { name: 'words under a level heading that are not a marker', files: { 'domains/01-health.md': swap(INJURY, `The source says: partial support only.\n\n${INJURY}`) } },
  ],
  invalid: [
    {
      name: 'a list cut short, at its marker line',
      files: { 'domains/01-health.md': swap(INJURY, `Partial in the source: the web version stops here.\n\n${INJURY}`) },
      errors: [{ file: 'domains/01-health.md', messageId: 'partial', data: { what: 'The list of “Health” at “Child protection”', reason: 'the web version stops here.' }, message: gap('The list of “Health” at “Child protection”', 'partial', 'the web version stops here.'), line: 12, column: 1, endLine: 12, endColumn: 51 }],
    },
    {
      name: 'a level x domain cell missing from the source',
      files: { 'domains/01-health.md': swap(INJURY, 'missing from the source: page 14 was lost') },
      errors: [{ file: 'domains/01-health.md', messageId: 'missing', data: { what: 'The list of “Health” at “Child protection”', reason: 'page 14 was lost' }, message: gap('The list of “Health” at “Child protection”', 'missing', 'page 14 was lost'), line: 12, column: 1, endLine: 12, endColumn: 42 }],
    },
    {
      name: 'a whole level page and a whole domain page',
      files: {
        'levels/01-early-help.md': swap('Support as soon', 'Partial in the source: the printed page is torn.\n\nSupport as soon'),
        'domains/01-health.md': swap('---\n\n## Early Help', '---\n\nPartial in the source: only two levels were printed.\n\n## Early Help'),
      },
      errors: [
        { file: 'domains/01-health.md', messageId: 'partial', data: { what: 'Domain “Health”', reason: 'only two levels were printed.' }, message: gap('Domain “Health”', 'partial', 'only two levels were printed.'), line: 6, column: 1, endLine: 6, endColumn: 53 },
        { file: 'levels/01-early-help.md', messageId: 'partial', data: { what: 'Level “Early Help”', reason: 'the printed page is torn.' }, message: gap('Level “Early Help”', 'partial', 'the printed page is torn.'), line: 7, column: 1, endLine: 7, endColumn: 49 },
      ],
    },
  ],
})
