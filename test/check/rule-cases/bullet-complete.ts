import { ruleTable, swap } from '../rule-tester.ts'

const cutShort = (ending: string) =>
  `This bullet point ends in “${ending}”, as if its words were cut short, expected the rest of its words; if the source itself stops there, suppress this warning with that reason`
const indicator = (text: string) => ({ 'domains/01-health.md': swap('- Missing immunisations {#health-missing-immunisations}', `- ${text} {#health-missing-immunisations}`) })

export default ruleTable({
  rule: 'bullet-complete',
  severity: 'warning',
  valid: [
    { name: 'the minimal framework' },
    {
      name: 'words that only contain “and” or “or”, and a colon before a list that carries on the sentence',
      files: {
        ...indicator('Poor school attendance and punctuality, or exclusion'),
        'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the family about services such as:\n  - the school nurse\n  - Family Hubs\n- Record what was agreed and when'),
      },
    },
    {
      name: 'a colon before a quote or a second paragraph under the bullet, which carry on its sentence',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- A note:\n\n  > See the local offer.\n- Then:\n\n  ask the family what help they want.') },
    },
    {
      name: 'a bullet that starts with a heading, one with nothing in it, and one that is code, none a sentence of its own',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the family.\n- ## Services and\n-\n- ```\n  call and\n  ```') },
    },
    {
      name: 'bullets whose last word only ends in “and” or “or” (“brand”, “for”), after many words',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the family about the support they would like from the school and the local brand\n- Offer the family a plan they can agree to and the support it asks for') },
    },
    {
      name: 'a bullet the source cuts short, suppressed with its reason',
      files: {
        'domains/01-health.md': swap('- Missing immunisations {#health-missing-immunisations}', '<!-- thresholds-ignore-next-line bullet-complete: the published page stops here -->\n- Missing immunisations and… {#health-missing-immunisations}'),
      },
    },
  ],
  invalid: [
    {
      name: 'an indicator ending in “and…”',
      files: indicator('Missing immunisations and…'),
      errors: [{ file: 'domains/01-health.md', messageId: 'cutShort', data: { ending: 'and…' }, message: cutShort('and…'), line: 8, column: 3, endLine: 8, endColumn: 61 }],
    },
    {
      // Shorter than the four characters read before an ending: the whole of it is read.
      name: 'an indicator that is only “and”',
      files: indicator('and'),
      errors: [{ file: 'domains/01-health.md', messageId: 'cutShort', data: { ending: 'and' }, message: cutShort('and'), line: 8, column: 3, endLine: 8, endColumn: 38 }],
    },
    {
      name: 'an indicator ending in “and ...”, and one ending in “or”',
      files: {
        'domains/01-health.md': (text) =>
          swap('- Untreated serious injury {#health-untreated-injury}', '- Untreated serious injury or')(swap('- Missing immunisations {#health-missing-immunisations}', '- Missing immunisations and ...')(text)),
      },
      errors: [
        { file: 'domains/01-health.md', messageId: 'cutShort', data: { ending: 'and ...' }, message: cutShort('and ...'), line: 8, column: 3, endLine: 8, endColumn: 32 },
        { file: 'domains/01-health.md', messageId: 'cutShort', data: { ending: 'or' }, message: cutShort('or'), line: 12, column: 3, endLine: 12, endColumn: 30 },
      ],
    },
    {
      name: 'a “What to do” bullet ending in a comma, and one ending in a colon with nothing under it',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the family,\n- Then use:') },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'cutShort', data: { ending: ',' }, message: cutShort(','), line: 11, column: 3, endLine: 11, endColumn: 22 },
        { file: 'levels/01-early-help.md', messageId: 'cutShort', data: { ending: ':' }, message: cutShort(':'), line: 12, column: 3, endLine: 12, endColumn: 12 },
      ],
    },
    {
      name: 'an ellipsis counts even with a list under the bullet',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the family about…\n  - the school nurse') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'cutShort', data: { ending: '…' }, message: cutShort('…'), line: 11, column: 3, endLine: 11, endColumn: 28 }],
    },
    {
      name: 'a long bullet ending in “or” and a run of dots, quoted from the “or”',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Talk to the family about the support they would like from the school or.....') },
      errors: [{ file: 'levels/01-early-help.md', messageId: 'cutShort', data: { ending: 'or.....' }, message: cutShort('or.....'), line: 11, column: 3, endLine: 11, endColumn: 79 }],
    },
  ],
})
