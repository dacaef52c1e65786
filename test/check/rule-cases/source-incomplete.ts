import { ruleTable, swap } from '../rule-tester.ts'

const INJURY = '- Untreated serious injury {#health-untreated-injury}'
const gap = (what: string, status: 'partial' | 'missing', reason: string) =>
  `${what} ${status === 'partial' ? 'is partial in the source document' : 'is missing from the source document'} (“${reason}”), expected it filled in once the partnership supplies the text`

export default ruleTable({
  rule: 'source-incomplete',
  severity: 'warning',
  valid: [
    { name: 'the minimal framework' },
    { name: 'words under a level heading that are not a marker', files: { 'domains/01-health.md': swap(INJURY, `The source says: partial support only.\n\n${INJURY}`) } },
  ],
  invalid: [
    {
      name: 'a list cut short, at its marker line',
      files: { 'domains/01-health.md': swap(INJURY, `Partial in the source: the web version stops here.\n\n${INJURY}`) },
      errors: [{ file: 'domains/01-health.md', messageId: 'partial', data: { what: 'The list of “Health” at “Child protection”', reason: 'the web version stops here.' }, message: gap('The list of “Health” at “Child protection”', 'partial', 'the web version stops here.'), line: 12, column: 1, endLine: 12, endColumn: 51 }],
    },
    {
      name: 'a level x domain cell missing from the source',
      files: { 'domains/01-health.md': swap(INJURY, 'missing from the source: page 14 was lost') },
      errors: [{ file: 'domains/01-health.md', messageId: 'missing', data: { what: 'The list of “Health” at “Child protection”', reason: 'page 14 was lost' }, message: gap('The list of “Health” at “Child protection”', 'missing', 'page 14 was lost'), line: 12, column: 1, endLine: 12, endColumn: 42 }],
    },
    {
      name: 'a whole level page and a whole domain page',
      files: {
        'levels/01-early-help.md': swap('Support as soon', 'Partial in the source: the printed page is torn.\n\nSupport as soon'),
        'domains/01-health.md': swap('---\n\n## Early Help', '---\n\nPartial in the source: only two levels were printed.\n\n## Early Help'),
      },
      errors: [
        { file: 'domains/01-health.md', messageId: 'partial', data: { what: 'Domain “Health”', reason: 'only two levels were printed.' }, message: gap('Domain “Health”', 'partial', 'only two levels were printed.'), line: 6, column: 1, endLine: 6, endColumn: 53 },
        { file: 'levels/01-early-help.md', messageId: 'partial', data: { what: 'Level “Early Help”', reason: 'the printed page is torn.' }, message: gap('Level “Early Help”', 'partial', 'the printed page is torn.'), line: 7, column: 1, endLine: 7, endColumn: 49 },
      ],
    },
    {
      name: 'the whole document, a narrative page and its sub-section, and an extra section of a level',
      files: {
        'framework.md': swap('A small framework', 'Missing from the source: the appendices were not published.\n\nA small framework'),
        'sections/01-principles.md': '---\nid: principles\n---\n\n# Principles\n\nPartial in the source: the page is cut off.\n\nWe listen to children.\n\n## Escalation\n\nMissing from the source: page 9 was lost.\n',
        'levels/02-child-protection.md': (text) => `${text}\n## Background\n\nPartial in the source: only the first paragraph survives.\n\nSome history.\n`,
      },
      errors: [
        { file: 'framework.md', messageId: 'missing', data: { what: 'The framework “Minimal Framework”', reason: 'the appendices were not published.' }, message: gap('The framework “Minimal Framework”', 'missing', 'the appendices were not published.'), line: 13, column: 1, endLine: 13, endColumn: 60 },
        { file: 'levels/02-child-protection.md', messageId: 'partial', data: { what: 'The section “Background”', reason: 'only the first paragraph survives.' }, message: gap('The section “Background”', 'partial', 'only the first paragraph survives.'), line: 20, column: 1, endLine: 20, endColumn: 58 },
        { file: 'sections/01-principles.md', messageId: 'partial', data: { what: 'The section “Principles”', reason: 'the page is cut off.' }, message: gap('The section “Principles”', 'partial', 'the page is cut off.'), line: 7, column: 1, endLine: 7, endColumn: 44 },
        // A sub-section: the walk goes below the page's own section.
        { file: 'sections/01-principles.md', messageId: 'missing', data: { what: 'The section “Escalation”', reason: 'page 9 was lost.' }, message: gap('The section “Escalation”', 'missing', 'page 9 was lost.'), line: 13, column: 1, endLine: 13, endColumn: 42 },
      ],
    },
    {
      name: 'a strengths list and a needs list of a strengths-and-needs domain, at a level and at none',
      files: {
        'framework.md': swap('indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs'),
        'domains/01-health.md': '---\nid: health\ntitle: Health\n---\n\n## Strengths\n\nPartial in the source: the list stops after one item.\n\n- Goes to the dentist\n\n## Early Help\n\n### Needs\n\nMissing from the source: this list was not printed.\n',
      },
      errors: [
        { file: 'domains/01-health.md', messageId: 'partial', data: { what: 'The list of “Health” (strengths)', reason: 'the list stops after one item.' }, message: gap('The list of “Health” (strengths)', 'partial', 'the list stops after one item.'), line: 8, column: 1, endLine: 8, endColumn: 54 },
        { file: 'domains/01-health.md', messageId: 'missing', data: { what: 'The list of “Health” at “Early Help” (needs)', reason: 'this list was not printed.' }, message: gap('The list of “Health” at “Early Help” (needs)', 'missing', 'this list was not printed.'), line: 16, column: 1, endLine: 16, endColumn: 52 },
      ],
    },
  ],
})
