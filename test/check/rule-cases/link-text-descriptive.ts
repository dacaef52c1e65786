import { ruleTable, swap } from '../rule-tester.ts'

const level = (to: string) => ({ 'levels/01-early-help.md': swap('- Talk to the family.', to) })
/** Every phrase the rule knows as saying nothing about the destination, one link each. */
const PHRASES = [
  'click', 'click here', 'click this link', 'here', 'this', 'link', 'this link', 'more', 'read more', 'more info',
  'more information', 'find out more', 'further information', 'go', 'this page', 'website', 'this website', 'web link', 'url',
]
const vague = (text: string) => `The link text “${text}” does not say where it goes, expected words naming the destination, such as “Request for help and support form”`

export default ruleTable({
  rule: 'link-text-descriptive',
  severity: 'warning',
  valid: [
    { name: 'link text naming the place' },
    { name: 'text that contains a vague phrase among other words', files: level('- Fill in the [referral form, click here for help](https://example.org/referral).') },
    { name: 'an image whose alternative text is “here”', files: level('- ![here](https://example.org/map.png)') },
  ],
  invalid: [
    {
      name: 'each vague phrase the rule knows',
      files: level(PHRASES.map((phrase) => `- [${phrase}](#early-help)`).join('\n')),
      errors: PHRASES.map((phrase, index) => ({
        file: 'levels/01-early-help.md',
        messageId: 'generic',
        data: { text: phrase },
        message: vague(phrase),
        line: 11 + index,
        column: 3,
        endLine: 11 + index,
        endColumn: 3 + phrase.length + '[](#early-help)'.length,
      })),
    },
    {
      name: 'click here',
      files: level('- For the referral form, [click here](https://example.org/referral).'),
      errors: [{ file: 'levels/01-early-help.md', messageId: 'generic', data: { text: 'click here' }, message: vague('click here'), line: 11, column: 26, endLine: 11, endColumn: 68 }],
    },
    {
      name: 'HERE in capitals with punctuation, to an id',
      files: level('- Procedures are [HERE!](#regional-procedures).'),
      errors: [{ file: 'levels/01-early-help.md', messageId: 'generic', data: { text: 'HERE!' }, message: vague('HERE!'), line: 11, column: 18, endLine: 11, endColumn: 47 }],
    },
    {
      name: 'Read more, spread over spaces, and a vague link in links.md',
      files: {
        ...level('- [Read   more](https://example.org/more).'),
        'links.md': swap('[Regional procedures]', '[Website]'),
      },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'generic', data: { text: 'Read more' }, message: vague('Read more'), line: 11, column: 3, endLine: 11, endColumn: 42 },
        { file: 'links.md', messageId: 'generic', data: { text: 'Website' }, message: vague('Website'), line: 5, column: 3, endLine: 5, endColumn: 44 },
      ],
    },
  ],
})
