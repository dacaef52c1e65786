import { ruleTable, swap } from '../rule-tester.ts'

const dates = (published: string, reviewDue: string) => ({ 'framework.md': swap('status: draft\n', `status: draft\npublished: ${published}\nreviewDue: ${reviewDue}\n`) })
const passed = (date: string, today: string) =>
  `The review date ${date} has passed (today is ${today}), expected the framework to be reviewed and “reviewDue” moved on`

export default ruleTable({
  rule: 'review-date-passed',
  severity: 'warning',
  valid: [
    { name: 'no review date' },
    { name: 'a review date in the future', files: dates('2026-01-15', '2999-01-15') },
    { name: 'a review date not stated', files: dates('not stated', 'not stated') },
    { name: 'a review date that is today', files: dates('2026-01-15', '2026-06-30'), today: '2026-06-30' },
  ],
  invalid: [
    {
      name: 'a review date years ago',
      files: dates('2019-01-15', '2020-01-15'),
      errors: [{ file: 'framework.md', messageId: 'passed', data: { reviewDue: '2020-01-15', today: '2026-06-30' }, message: passed('2020-01-15', '2026-06-30'), line: 8, column: 12, endLine: 8, endColumn: 22 }],
    },
    {
      name: 'a review date that was yesterday',
      files: dates('2026-01-15', '2026-06-29'),
      errors: [{ file: 'framework.md', messageId: 'passed', data: { reviewDue: '2026-06-29', today: '2026-06-30' }, message: passed('2026-06-29', '2026-06-30'), line: 8, column: 12, endLine: 8, endColumn: 22 }],
    },
    {
      name: 'the day after the review date, on another today',
      files: dates('2024-01-15', '2025-12-31'),
      today: '2026-01-01',
      errors: [{ file: 'framework.md', messageId: 'passed', data: { reviewDue: '2025-12-31', today: '2026-01-01' }, message: passed('2025-12-31', '2026-01-01'), line: 8, column: 12, endLine: 8, endColumn: 22 }],
    },
  ],
})
