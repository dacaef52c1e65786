import { ruleTable, swap } from '../rule-tester.ts'

const noContacts = (title: string) =>
  `Level “${title}” has no contacts, expected at least one phone number or portal: add “## Contacts” with a link such as “- [First Point of Contact](#fpoc)”`
const dropContacts = (text: string) => text.replace(/\n## Contacts\n[\s\S]*$/, '\n')
const withoutContacts = (file: string) => ({ [file]: dropContacts })
const subLevel = (contacts: string) => ({
  'levels/03-child-in-need.md': `---\nid: child-in-need\ntitle: Child in need\nparent: child-protection\nrank: 1\n---\n\nA child who needs a service.\n\n## What to do\n\n- Refer.\n${contacts}`,
})

export default ruleTable({
  rule: 'level-has-contacts',
  severity: 'error',
  valid: [
    { name: 'every level has contacts' },
    { name: 'a contact linked from the “What to do” text counts', files: { 'levels/01-early-help.md': (text) => swap('- Talk to the family.', '- Talk to the family, or call the [front door](#front-door).')(dropContacts(text)) } },
    { name: 'a sub-level relies on its parent’s contacts', files: subLevel('') },
  ],
  invalid: [
    {
      name: 'a level without a contacts section',
      files: withoutContacts('levels/01-early-help.md'),
      errors: [{ file: 'levels/01-early-help.md', messageId: 'noContacts', data: { level: 'Early Help' }, message: noContacts('Early Help'), line: 3, column: 8, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'both levels without contacts, in level order',
      files: {
        ...withoutContacts('levels/01-early-help.md'),
        'levels/02-child-protection.md': (text) => swap('Call [999](#emergency)', 'Call 999')(dropContacts(text)),
      },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'noContacts', data: { level: 'Early Help' }, message: noContacts('Early Help'), line: 3, column: 8, endLine: 3, endColumn: 18 },
        { file: 'levels/02-child-protection.md', messageId: 'noContacts', data: { level: 'Child protection' }, message: noContacts('Child protection'), line: 3, column: 8, endLine: 3, endColumn: 24 },
      ],
    },
    {
      name: 'a level whose only contact has no phone number, email or web address',
      files: { 'contacts.md': swap('- Phone: 0121 788 4300\n- Hours: Mon-Fri 09:00-17:00\n', 'Ask at reception.\n') },
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'unreachable', data: { level: 'Early Help', contacts: '“Front door”' },
          message: 'Level “Early Help” links only to contacts with no phone number, email or web address (“Front door”), expected at least one way to reach them: add “- Phone:”, “- Email:” or “- Web:” under the contact in contacts.md',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'a level whose two contacts both have no way to reach them, named in the order linked',
      files: {
        'contacts.md': (text) => `${swap('- Phone: 0121 788 4300\n- Hours: Mon-Fri 09:00-17:00\n', 'Ask at reception.\n')(text)}\n## Duty desk {#duty-desk}\n\nAsk for the duty worker.\n`,
        'levels/01-early-help.md': swap('- [Front door](#front-door)', '- [Front door](#front-door)\n- [Duty desk](#duty-desk)'),
      },
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'unreachable', data: { level: 'Early Help', contacts: '“Front door”, “Duty desk”' },
          message: 'Level “Early Help” links only to contacts with no phone number, email or web address (“Front door”, “Duty desk”), expected at least one way to reach them: add “- Phone:”, “- Email:” or “- Web:” under the contact in contacts.md',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'a level whose only contact link names no contact (a slip reference-resolves reports) has no contacts',
      files: { 'levels/01-early-help.md': swap('- [Front door](#front-door)', '- [Front door](#front-dor)') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'noContacts', data: { level: 'Early Help' }, message: noContacts('Early Help'), line: 3, column: 8, endLine: 3, endColumn: 18 }],
    },
    {
      name: 'a contacts section with no link in it',
      files: { 'levels/01-early-help.md': swap('- [Front door](#front-door)', '- The front door team') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'noContacts', data: { level: 'Early Help' }, message: noContacts('Early Help'), line: 3, column: 8, endLine: 3, endColumn: 18 }],
    },
  ],
})
