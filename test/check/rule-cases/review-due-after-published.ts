import { ruleTable, swap } from '../rule-tester.ts'

const dates = (published: string, reviewDue: string) => ({ 'framework.md': swap('status: draft\n', `status: draft\npublished: ${published}\nreviewDue: ${reviewDue}\n`) })
const notAfter = (reviewDue: string, published: string) =>
  `The review date ${reviewDue} is not after the publication date ${published}, expected “reviewDue” later than “published”`

export default ruleTable({
  rule: 'review-due-after-published',
  severity: 'error',
  valid: [
    { name: 'no dates' },
    { name: 'review a year after publication', files: dates('2026-01-15', '2027-01-15') },
    { name: 'review the day after publication', files: dates('2026-01-15', '2026-01-16') },
    { name: 'a publication date not stated', files: dates('not stated', '2020-01-15') },
    { name: 'a review date not stated', files: dates('2026-01-15', 'not stated') },
    { name: 'a review date without a publication date', files: { 'framework.md': swap('status: draft\n', 'status: draft\nreviewDue: 2020-01-15\n') } },
  ],
  invalid: [
    {
      name: 'review before publication',
      files: dates('2026-01-15', '2025-01-15'),
      errors: [{ file: 'framework.md', messageId: 'notAfter', data: { reviewDue: '2025-01-15', published: '2026-01-15' }, message: notAfter('2025-01-15', '2026-01-15'), line: 8, column: 12, endLine: 8, endColumn: 22 }],
    },
    {
      name: 'review on the day of publication',
      files: dates('2026-01-15', '2026-01-15'),
      errors: [{ file: 'framework.md', messageId: 'notAfter', data: { reviewDue: '2026-01-15', published: '2026-01-15' }, message: notAfter('2026-01-15', '2026-01-15'), line: 8, column: 12, endLine: 8, endColumn: 22 }],
    },
    {
      name: 'review the day before publication, across a year',
      files: dates('2026-01-01', '2025-12-31'),
      errors: [{ file: 'framework.md', messageId: 'notAfter', data: { reviewDue: '2025-12-31', published: '2026-01-01' }, message: notAfter('2025-12-31', '2026-01-01'), line: 8, column: 12, endLine: 8, endColumn: 22 }],
    },
  ],
})
