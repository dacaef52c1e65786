import { ruleTable, swap } from '../rule-tester.ts'

const repeats = (text: string) =>
  `This indicator repeats “${text}” in the same list, expected each indicator once in a list: remove the copy, or, if the source itself lists it twice, keep one`
const firstAt = (line: number) => ({ file: 'domains/01-health.md', line, column: 1, message: 'first written here' })
const health = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })
const IMMUNISATIONS = '- Missing immunisations {#health-missing-immunisations}'

export default ruleTable({
  rule: 'indicator-text-unique',
  severity: 'error',
  valid: [
    { name: 'different indicators' },
    {
      name: 'the same words at two levels of one domain (“Poor attachments” at levels 2 and 3)',
      files: health('- Untreated serious injury {#health-untreated-injury}', '- Untreated serious injury {#health-untreated-injury}\n- Missing immunisations {#health-immunisations-at-cp}'),
    },
    { name: 'two indicators that differ by a word', files: health(IMMUNISATIONS, `${IMMUNISATIONS}\n- Missing dental check-ups {#health-missing-dental}`) },
    {
      name: 'the same letters parted into other words, and a letter with an accent where the other has none',
      files: health(IMMUNISATIONS, `${IMMUNISATIONS}\n- Missing immun isations {#a}\n- Missingimmunisations {#b}\n- Café visits stopped {#c}\n- Cafe visits stopped {#d}`),
    },
    {
      name: 'the same words in two domains',
      files: { 'domains/02-safety.md': '---\nid: safety\ntitle: Safety\n---\n\n## Early Help\n\n- Missing immunisations {#safety-missing-immunisations}\n\n## Child protection\n\n- Left alone {#safety-left-alone}\n' },
    },
    {
      name: 'the same words as a strength and as a need',
      files: {
        'framework.md': swap('indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs'),
        'domains/01-health.md': '---\nid: health\ntitle: Health\n---\n\n## Strengths and protective factors\n\n- Sees a doctor {#health-sees-doctor}\n\n## Needs and risks\n\n- Sees a doctor {#health-sees-doctor-need}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'the same words with a full stop, at the same level',
      files: health(IMMUNISATIONS, `${IMMUNISATIONS}\n- Missing immunisations. {#health-immunisations-missed}`),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Missing immunisations' }, message: repeats('Missing immunisations'), line: 9, column: 1, endLine: 9, endColumn: 56, cause: firstAt(8) }],
    },
    {
      name: 'the same words in capitals, at the same level',
      files: health(IMMUNISATIONS, `${IMMUNISATIONS}\n- MISSING   immunisations! {#health-immunisations-again}`),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Missing immunisations' }, message: repeats('Missing immunisations'), line: 9, column: 1, endLine: 9, endColumn: 57, cause: firstAt(8) }],
    },
    {
      name: 'a long indicator written three times, each repeat pointing at the first',
      files: health(
        IMMUNISATIONS,
        `- Has not seen a dentist or a doctor for several years despite repeated reminders {#a}\n- Has not seen a dentist or a doctor for several years despite repeated reminders {#b}\n- Has not seen a dentist, or a doctor, for several years despite repeated reminders {#c}`,
      ),
      errors: [
        { file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Has not seen a dentist or a doctor for several years desp…' }, message: repeats('Has not seen a dentist or a doctor for several years desp…'), line: 9, column: 1, endLine: 9, endColumn: 87, cause: firstAt(8) },
        { file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Has not seen a dentist or a doctor for several years desp…' }, message: repeats('Has not seen a dentist or a doctor for several years desp…'), line: 10, column: 1, endLine: 10, endColumn: 89, cause: firstAt(8) },
      ],
    },
    {
      // Each difference sits among the letters the rule sorts by (the first and last eight): an
      // “A” against an “a”, a “z” against a “Z”, and a question mark.
      name: 'the same words with “A”, “Z” and “z” in the other case and a question mark at the end',
      files: health(IMMUNISATIONS, '- A zebra crossing avoided? {#a}\n- a Zebra crossing avoided {#b}'),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'A zebra crossing avoided?' }, message: repeats('A zebra crossing avoided?'), line: 9, column: 1, endLine: 9, endColumn: 32, cause: firstAt(8) }],
    },
    {
      name: 'the same words with a tilde, which sorts after “z”, at the end',
      files: health(IMMUNISATIONS, '- Poor school attendance ~ {#a}\n- Poor school attendance {#b}'),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Poor school attendance ~' }, message: repeats('Poor school attendance ~'), line: 9, column: 1, endLine: 9, endColumn: 30, cause: firstAt(8) }],
    },
    {
      name: 'the same words with a spaced dash between two of them',
      files: health(IMMUNISATIONS, `${IMMUNISATIONS}\n- Missing - immunisations {#health-immunisations-dash}`),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Missing immunisations' }, message: repeats('Missing immunisations'), line: 9, column: 1, endLine: 9, endColumn: 55, cause: firstAt(8) }],
    },
    {
      name: 'a repeated indicator of exactly 60 characters, quoted whole',
      files: health(IMMUNISATIONS, `- Missing immunisations and no record of a visit to a dentist. {#a}\n- Missing immunisations and no record of a visit to a dentist. {#b}`),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Missing immunisations and no record of a visit to a dentist.' }, message: repeats('Missing immunisations and no record of a visit to a dentist.'), line: 9, column: 1, endLine: 9, endColumn: 68, cause: firstAt(8) }],
    },
    {
      name: 'the same words with a curly and a straight apostrophe, after one with the same letters parted otherwise',
      files: health(IMMUNISATIONS, `- Childs needs unmet {#a}\n- Child’s needs unmet {#b}\n- Child's needs unmet {#c}`),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: 'Child’s needs unmet' }, message: repeats('Child’s needs unmet'), line: 10, column: 1, endLine: 10, endColumn: 27, cause: firstAt(9) }],
    },
    {
      name: 'the same words, the first starting with the Kelvin sign, which lower-cases to a “k”',
      files: health(IMMUNISATIONS, '- \u212aids left alone {#a}\n- Kids left alone {#b}'),
      errors: [{ file: 'domains/01-health.md', messageId: 'repeated', data: { text: '\u212aids left alone' }, message: repeats('\u212aids left alone'), line: 9, column: 1, endLine: 9, endColumn: 23, cause: firstAt(8) }],
    },
  ],
})
