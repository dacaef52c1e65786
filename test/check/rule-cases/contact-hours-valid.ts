import { ruleTable, swap } from '../rule-tester.ts'

const hours = (text: string) => ({ 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00', `- Hours: ${text}`) })
const unreadable = (problem: string) =>
  `The opening hours of “Front door” cannot be read: ${problem}, expected days and times such as “Mon-Thu 08:45-17:20; Fri 08:45-16:30”, “24/7”, “24 hours, 7 days”, “Out of hours (evenings and weekends)”, or words with no times such as “School term time only”`

export default ruleTable({
  rule: 'contact-hours-valid',
  severity: 'error',
  valid: [
    { name: 'weekday hours' },
    { name: 'a second number with hours of its own', files: hours('Mon-Fri 09:00-17:00\n- Phone (out of hours): 0121 605 6060\n  - Hours: Outside office hours') },
    { name: 'two ranges of days', files: hours('Mon-Thu 08:45-17:20; Fri 08:45-16:30') },
    { name: 'all day every day', files: hours('24/7') },
    { name: 'all day every day, in words', files: hours('24 hours, 7 days') },
    { name: 'outside office hours, in words', files: hours('Outside office hours') },
    { name: 'hours in words with no time in them, kept as words', files: hours('School term time only') },
    { name: 'no hours given at all', files: { 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00\n', '') } },
  ],
  invalid: [
    {
      name: 'hours in words with a time that cannot be read',
      files: hours('Mondays 9 till 5'),
      errors: [{ file: 'contacts.md', messageId: 'unreadable', data: { contact: 'Front door', problem: '“Mondays 9 till 5” is not in the form “Mon-Fri 09:00-17:00”' }, message: unreadable('“Mondays 9 till 5” is not in the form “Mon-Fri 09:00-17:00”'), line: 8, column: 1, endLine: 8, endColumn: 26 }],
    },
    {
      name: 'days that run backwards',
      files: hours('Fri-Mon 09:00-17:00'),
      errors: [{ file: 'contacts.md', messageId: 'unreadable', data: { contact: 'Front door', problem: '“Fri-Mon” runs backwards, expected the earlier day first' }, message: unreadable('“Fri-Mon” runs backwards, expected the earlier day first'), line: 8, column: 1, endLine: 8, endColumn: 29 }],
    },
    {
      name: 'closing before opening',
      files: hours('Mon-Fri 17:00-09:00'),
      errors: [{ file: 'contacts.md', messageId: 'unreadable', data: { contact: 'Front door', problem: '“Mon-Fri 17:00-09:00” closes before it opens' }, message: unreadable('“Mon-Fri 17:00-09:00” closes before it opens'), line: 8, column: 1, endLine: 8, endColumn: 29 }],
    },
    {
      name: 'closing at the minute it opens',
      files: hours('Mon-Fri 09:00-09:00'),
      errors: [{ file: 'contacts.md', messageId: 'unreadable', data: { contact: 'Front door', problem: '“Mon-Fri 09:00-09:00” closes before it opens' }, message: unreadable('“Mon-Fri 09:00-09:00” closes before it opens'), line: 8, column: 1, endLine: 8, endColumn: 29 }],
    },
    {
      name: 'a time that does not exist',
      files: hours('Mon-Fri 09:00-25:00'),
      errors: [{ file: 'contacts.md', messageId: 'unreadable', data: { contact: 'Front door', problem: '“Mon-Fri 09:00-25:00” has a time that does not exist' }, message: unreadable('“Mon-Fri 09:00-25:00” has a time that does not exist'), line: 8, column: 1, endLine: 8, endColumn: 29 }],
    },
    {
      name: 'a day that is not a day',
      files: hours('Mon-Fry 09:00-17:00'),
      errors: [{ file: 'contacts.md', messageId: 'unreadable', data: { contact: 'Front door', problem: '“Fry” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun' }, message: unreadable('“Fry” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun'), line: 8, column: 1, endLine: 8, endColumn: 29 }],
    },
    {
      name: 'the hours of a second number, under it',
      files: hours('Mon-Fri 09:00-17:00\n- Phone (out of hours): 0121 605 6060\n  - Hours: Evenings 17:00-23:00'),
      errors: [
        {
          file: 'contacts.md',
          messageId: 'unreadableForNumber',
          data: { contact: 'Front door', number: 'out of hours', problem: '“Evenings” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun' },
          message: unreadable('“Evenings” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun').replace('“Front door”', '“Front door” (out of hours)'),
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 32,
        },
      ],
    },
  ],
})
