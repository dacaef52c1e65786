import { ruleTable, swap, swaps } from '../rule-tester.ts'

const WT = 'Working Together to Safeguard Children'
const edition = (year: number) => ({ 'framework.md': swap('edition: 2026', `edition: ${year}`) })
const older = (title: string, cited: number, other: string, newest: number) =>
  `“${title}” is cited in its ${cited} edition, but “${other}” cites the ${newest} edition, expected the framework to be checked against the newer edition`

export default ruleTable({
  rule: 'guidance-edition-current',
  severity: 'warning',
  valid: [
    { name: 'the only framework in the run', files: edition(2018) },
    { name: 'a neighbour citing an older edition', others: { neighbour: edition(2018) } },
    { name: 'a neighbour citing the same edition', others: { neighbour: {} } },
    { name: 'a neighbour citing other guidance in a newer year', others: { neighbour: { 'framework.md': swaps(['title: Working Together', 'title: Keeping Children Safe'], ['edition: 2026', 'edition: 2027']) } } },
  ],
  invalid: [
    {
      name: 'an older edition than a neighbour’s',
      files: edition(2018),
      others: { neighbour: {} },
      errors: [{ file: 'framework.md', messageId: 'olderEdition', data: { guidance: 'Working Together to Safeguard Children', edition: 2018, framework: 'neighbour', newest: 2026 }, message: older(WT, 2018, 'neighbour', 2026), line: 10, column: 14, endLine: 10, endColumn: 18, suggestions: ['2026'] }],
    },
    {
      name: 'the same guidance written in other case and with a trailing space',
      files: edition(2023),
      others: { east: { 'framework.md': swaps(['title: Working Together to Safeguard Children', 'title: "working together to safeguard children "'], ['edition: 2026', 'edition: 2026']) } },
      errors: [{ file: 'framework.md', messageId: 'olderEdition', data: { guidance: 'Working Together to Safeguard Children', edition: 2023, framework: 'east', newest: 2026 }, message: older(WT, 2023, 'east', 2026), line: 10, column: 14, endLine: 10, endColumn: 18, suggestions: ['2026'] }],
    },
    {
      name: 'two neighbours citing the newest edition: the first is named',
      files: edition(2023),
      others: { east: {}, west: {} },
      errors: [{ file: 'framework.md', messageId: 'olderEdition', data: { guidance: 'Working Together to Safeguard Children', edition: 2023, framework: 'east', newest: 2026 }, message: older(WT, 2023, 'east', 2026), line: 10, column: 14, endLine: 10, endColumn: 18, suggestions: ['2026'] }],
    },
    {
      name: 'the newest of two neighbours, whichever comes first',
      files: edition(2023),
      others: { east: edition(2025), west: {} },
      errors: [{ file: 'framework.md', messageId: 'olderEdition', data: { guidance: 'Working Together to Safeguard Children', edition: 2023, framework: 'west', newest: 2026 }, message: older(WT, 2023, 'west', 2026), line: 10, column: 14, endLine: 10, endColumn: 18, suggestions: ['2026'] }],
    },
    {
      name: 'the second guidance of two is out of date, the year before the neighbour’s',
      files: { 'framework.md': swap('    edition: 2026\n', '    edition: 2026\n  - title: Keeping Children Safe in Education\n    edition: 2025\n') },
      others: { neighbour: { 'framework.md': swap('    edition: 2026\n', '    edition: 2026\n  - title: Keeping Children Safe in Education\n    edition: 2026\n') } },
      errors: [{ file: 'framework.md', messageId: 'olderEdition', data: { guidance: 'Keeping Children Safe in Education', edition: 2025, framework: 'neighbour', newest: 2026 }, message: older('Keeping Children Safe in Education', 2025, 'neighbour', 2026), line: 12, column: 14, endLine: 12, endColumn: 18, suggestions: ['2026'] }],
    },
  ],
})
