import { ruleTable, swap } from '../rule-tester.ts'

const level = (from: string, to: string) => ({ 'levels/01-early-help.md': swap(from, to) })
const FRONT_DOOR = '- [Front door](#front-door)'

export default ruleTable({
  rule: 'link-resolves',
  severity: 'error',
  valid: [
    { name: 'links to ids' },
    { name: 'a link to a heading in the same file', files: level('Support as soon as a problem emerges.', 'Support as soon as a problem emerges. See [what to do](#what-to-do).') },
    { name: 'a link to another file, and to a heading or id in it', files: level(FRONT_DOOR, '- [Front door](../contacts.md#front-door)\n- [Overview](../framework.md)\n- [Next level](02-child-protection.md)\n- [Procedures](../links.md#regional-procedures)') },
    { name: 'a placeholder address (link-not-placeholder reports it)', files: level(FRONT_DOOR, `${FRONT_DOOR}\n- [Form](#)`) },
  ],
  invalid: [
    {
      name: 'a mistyped id',
      files: level(FRONT_DOOR, '- [Front door](#front-dor)'),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'broken', data: { link: 'The link “Front door”', reason: 'points to “#front-dor”, which is neither an id in this framework nor a heading in this file' },
          message: 'The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file',
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 27,
          suggestions: ['#front-door'],
        },
      ],
    },
    {
      name: 'a mistyped file, and a mistyped heading in another file',
      files: level(FRONT_DOOR, `${FRONT_DOOR}\n- [Contacts page](../contact.md)\n- [Procedures](../links.md#regional-procedure)`),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'broken', data: { link: 'The link “Contacts page”', reason: 'points to “../contact.md”, which is not a file of this framework' },
          message: 'The link “Contacts page” points to “../contact.md”, which is not a file of this framework',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 33,
          suggestions: ['../contacts.md'],
        },
        {
          file: 'levels/01-early-help.md',
          messageId: 'broken', data: { link: 'The link “Procedures”', reason: 'points to “#regional-procedure”, which is not a heading or id in “links.md”' },
          message: 'The link “Procedures” points to “#regional-procedure”, which is not a heading or id in “links.md”',
          line: 17,
          column: 3,
          endLine: 17,
          endColumn: 47,
          suggestions: ['../links.md#regional-procedures'],
        },
      ],
    },
    {
      name: 'a link to the whole of contacts.md or links.md, which have no id of their own',
      files: level(FRONT_DOOR, `${FRONT_DOOR}\n- [Contacts page](../contacts.md)\n- [Links page](../links.md#)`),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'wholeFile',
          data: { link: 'The link “Contacts page”', reason: 'points to the whole of “../contacts.md”, which has no id to link to', instead: 'a link to one of its contacts by its id, such as “#front-door”, or the words without a link' },
          message: 'The link “Contacts page” points to the whole of “../contacts.md”, which has no id to link to, expected a link to one of its contacts by its id, such as “#front-door”, or the words without a link',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 34,
        },
        {
          file: 'levels/01-early-help.md',
          messageId: 'wholeFile',
          data: { link: 'The link “Links page”', reason: 'points to the whole of “../links.md”, which has no id to link to', instead: 'a link to one of its entries by its id, such as “#regional-procedures”, or the words without a link' },
          message: 'The link “Links page” points to the whole of “../links.md”, which has no id to link to, expected a link to one of its entries by its id, such as “#regional-procedures”, or the words without a link',
          line: 17,
          column: 3,
          endLine: 17,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'a link out of the framework folder, with nothing to suggest',
      files: level(FRONT_DOOR, `${FRONT_DOOR}\n- [Shared copy](../../../outside.md)`),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'brokenNothingClose', data: { link: 'The link “Shared copy”', reason: 'points outside the framework folder' },
          message: 'The link “Shared copy” points outside the framework folder, expected an id, a heading in this file, or a file of this framework',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'an absolute path, said once with one thing expected',
      files: level(FRONT_DOOR, `${FRONT_DOOR}\n- [Contacts page](/contacts.md)`),
      errors: [
        {
          file: 'levels/01-early-help.md',
          messageId: 'brokenNothingClose', data: { link: 'The link “Contacts page”', reason: 'is an absolute path, not a path from this file' },
          message: 'The link “Contacts page” is an absolute path, not a path from this file, expected an id, a heading in this file, or a file of this framework',
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 32,
        },
      ],
    },
  ],
})
