import { ruleTable, swap, swaps } from '../rule-tester.ts'

const inText = (quote: string) => `This still says “${quote}”, expected the framework's own words in its place`

export default ruleTable({
  rule: 'content-placeholder',
  severity: 'warning',
  valid: [
    { name: 'the minimal framework' },
    {
      name: 'TODO in a comment, and “to-do” and “todos” as words',
      files: {
        'levels/01-early-help.md': swap(
          '- Talk to the family.',
          '<!-- TODO in a note to other editors is fine: comments are never published. -->\n\n- Write a to-do list with the family; todos are fine.',
        ),
      },
    },
    { name: '“to follow” inside a sentence', files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Agree the steps to follow with the family.') } },
    { name: 'a setting that mentions a to-do list', files: { 'framework.md': swap('partnership: Example Safeguarding Partnership', 'partnership: The To-do Partnership') } },
    {
      name: '“to follow” and “to be confirmed” ending a sentence that has emphasis or a link in it',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Agree the steps **below** to follow.\n- Read [the procedures](#regional-procedures) to be confirmed.') },
    },
  ],
  invalid: [
    {
      name: 'a placeholder sentence in a level and a placeholder bullet',
      files: {
        'levels/01-early-help.md': swaps(
          ['Support as soon as a problem emerges.', 'TODO: say what this level means, in a sentence or two.'],
          ['- Talk to the family.', '- Talk to the family.\n- TODO: the next step, with a link to the form to use'],
        ),
      },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'inText', data: { words: 'TODO: say what this level means, in a sentence or two.' }, message: inText('TODO: say what this level means, in a sentence or two.'), line: 7, column: 1, endLine: 7, endColumn: 5 },
        { file: 'levels/01-early-help.md', messageId: 'inText', data: { words: 'TODO: the next step, with a link to the form to use' }, message: inText('TODO: the next step, with a link to the form to use'), line: 12, column: 3, endLine: 12, endColumn: 7 },
      ],
    },
    {
      name: 'a placeholder setting, nested in a list',
      files: { 'framework.md': swaps(['title: Minimal Framework', 'title: "TODO: the title as printed on the cover"'], ['edition: 2026\n', 'edition: 2026\n  - title: TODO\n    edition: 2020\n']) },
      errors: [
        { file: 'framework.md', messageId: 'inSetting', data: { setting: 'title', words: 'TODO: the title as printed on the cover' }, message: 'The setting “title” still says “TODO: the title as printed on the cover”, expected the framework\'s own value', line: 3, column: 8, endLine: 3, endColumn: 49 },
        { file: 'framework.md', messageId: 'inSetting', data: { setting: 'guidance.1.title', words: 'TODO' }, message: 'The setting “guidance.1.title” still says “TODO”, expected the framework\'s own value', line: 11, column: 12, endLine: 11, endColumn: 16 },
      ],
    },
    {
      name: 'a long placeholder is shortened, and two on one line are both reported',
      files: {
        'levels/01-early-help.md': swap(
          'Support as soon as a problem emerges.',
          'Intro TODO then TODO: a very long placeholder that goes on and on well past sixty characters in all.',
        ),
      },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'inText', data: { words: 'TODO then TODO: a very long placeholder that goes on and on…' }, message: inText('TODO then TODO: a very long placeholder that goes on and on…'), line: 7, column: 7, endLine: 7, endColumn: 11 },
        { file: 'levels/01-early-help.md', messageId: 'inText', data: { words: 'TODO: a very long placeholder that goes on and on well past…' }, message: inText('TODO: a very long placeholder that goes on and on well past…'), line: 7, column: 17, endLine: 7, endColumn: 21 },
      ],
    },
    {
      name: 'a step that says only “To follow.”, and a date still “TBC”',
      files: { 'levels/01-early-help.md': swaps(['- Talk to the family.', '- To follow.'], ['Support as soon as a problem emerges.', 'Support as soon as a problem emerges. Date TBC.']) },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'inText', data: { words: 'TBC.' }, message: inText('TBC.'), line: 7, column: 44, endLine: 7, endColumn: 47 },
        { file: 'levels/01-early-help.md', messageId: 'standIn', data: { words: 'To follow.' }, message: 'This says only “To follow.”, expected the framework\'s own words, or “Missing from the source: …” with the reason when the source does not have them yet', line: 11, column: 3, endLine: 11, endColumn: 13 },
      ],
    },
    {
      name: 'a bullet that says only “To follow” in bold, and a matrix cell that says only “To be confirmed”',
      files: {
        'levels/01-early-help.md': swap('- Talk to the family.', '- **To follow**'),
        'matrix.md': '---\ntitle: Decision matrix\n---\n\n| Factor | Early Help | Child protection |\n| --- | --- | --- |\n| How often? {#frequency} | To be confirmed | Constant |\n',
      },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'standIn', data: { words: 'To follow' }, message: 'This says only “To follow”, expected the framework\'s own words, or “Missing from the source: …” with the reason when the source does not have them yet', line: 11, column: 3, endLine: 11, endColumn: 16 },
        { file: 'matrix.md', messageId: 'standIn', data: { words: 'To be confirmed' }, message: 'This says only “To be confirmed”, expected the framework\'s own words, or “Missing from the source: …” with the reason when the source does not have them yet', line: 7, column: 27, endLine: 7, endColumn: 45 },
      ],
    },
    {
      name: 'a placeholder of exactly 60 characters is quoted whole, and one whose line ends in a space is quoted without it',
      files: { 'levels/01-early-help.md': swap('Support as soon as a problem emerges.', 'TODO: name the team that answers the front door after hours.\nTBC \nwho to call.') },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'inText', data: { words: 'TODO: name the team that answers the front door after hours.' }, message: inText('TODO: name the team that answers the front door after hours.'), line: 7, column: 1, endLine: 7, endColumn: 5 },
        { file: 'levels/01-early-help.md', messageId: 'inText', data: { words: 'TBC' }, message: inText('TBC'), line: 8, column: 1, endLine: 8, endColumn: 4 },
      ],
    },
    {
      name: 'an empty setting: only the reader reports it, and the check goes on',
      files: { 'framework.md': swap('partnership: Example Safeguarding Partnership', 'partnership:') },
      errors: [{ ruleId: 'frontmatter-schema', severity: 'error', file: 'framework.md', message: '“partnership” is nothing, expected text', line: 4, column: 13, endLine: 4, endColumn: 13 }],
    },
  ],
})
