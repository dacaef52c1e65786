import { ruleTable, swap } from '../rule-tester.ts'

const version = (written: string) => ({ 'framework.md': swap('version: "1.0"', `version: ${written}`) })
const notScheme = (value: string, guess: string) => `The version “${value}” is not MAJOR.MINOR or MAJOR.MINOR.PATCH, expected whole numbers such as “${guess}”`

export default ruleTable({
  rule: 'version-scheme',
  severity: 'error',
  valid: [
    { name: 'version 1.0' },
    { name: 'large numbers with a zero minor', files: version('"2026.0"') },
    { name: 'a version 0 minor 12', files: version('"0.12"') },
    { name: 'three parts: an editorial release', files: version('"1.12.3"') },
    { name: 'a document that states no version', files: version('not stated') },
  ],
  invalid: [
    {
      name: 'four parts',
      files: version('"1.12.3.4"'),
      errors: [{ file: 'framework.md', messageId: 'notMajorMinor', data: { version: '1.12.3.4', example: '1.12.3' }, message: notScheme('1.12.3.4', '1.12.3'), line: 5, column: 10, endLine: 5, endColumn: 20, suggestions: ['1.12.3'] }],
    },
    {
      name: 'a leading v and three parts',
      files: version('"v2.1.3"'),
      errors: [{ file: 'framework.md', messageId: 'notMajorMinor', data: { version: 'v2.1.3', example: '2.1.3' }, message: notScheme('v2.1.3', '2.1.3'), line: 5, column: 10, endLine: 5, endColumn: 18, suggestions: ['2.1.3'] }],
    },
    {
      name: 'a leading zero in the patch',
      files: version('"2.1.03"'),
      errors: [{ file: 'framework.md', messageId: 'notMajorMinor', data: { version: '2.1.03', example: '2.1.3' }, message: notScheme('2.1.03', '2.1.3'), line: 5, column: 10, endLine: 5, endColumn: 18, suggestions: ['2.1.3'] }],
    },
    {
      name: 'a leading zero and no minor',
      files: version('"02"'),
      errors: [{ file: 'framework.md', messageId: 'notMajorMinor', data: { version: '02', example: '2.0' }, message: notScheme('02', '2.0'), line: 5, column: 10, endLine: 5, endColumn: 14, suggestions: ['2.0'] }],
    },
    {
      name: 'words with no number',
      files: version('"draft"'),
      errors: [{ file: 'framework.md', messageId: 'notMajorMinor', data: { version: 'draft', example: '1.0' }, message: notScheme('draft', '1.0'), line: 5, column: 10, endLine: 5, endColumn: 17 }],
    },
    {
      name: 'a five-digit major',
      files: version('"12345.1"'),
      errors: [{ file: 'framework.md', messageId: 'notMajorMinor', data: { version: '12345.1', example: '12345.1' }, message: notScheme('12345.1', '12345.1'), line: 5, column: 10, endLine: 5, endColumn: 19, suggestions: ['12345.1'] }],
    },
  ],
})
