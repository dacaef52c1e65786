import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, messageLines, thresholds } from '../helpers.ts'

/*
 * A message that refuses a name says what was expected in its text whether or not a near name
 * is found; the near name is its suggestion (“did you mean”), with a message id and data, as the
 * heading messages do.
 */

const LABELS = 'expected Phone, Hours, Web, Email, Address, Emergency or Use for'
const LINK_SETTINGS = 'expected one of “id”, “title”'
const NOT_A_RULE = 'expected the id of a rule listed in docs/rules.md'

/** The minimal framework with one unknown name of each kind, near a known one or not. */
function misnamed(): { root: string; dir: string } {
  const made = frameworkWith()
  edit(path.join(made.dir, 'contacts.md'), '- Hours: Mon-Fri 09:00-17:00\n', '- Hours: Mon-Fri 09:00-17:00\n- Phnoe: 0121 788 4301\n- Fax: 0121 788 4302\n')
  edit(path.join(made.dir, 'links.md'), 'title: Links\n', 'title: Links\ntitel: Links\nsubject: Links\n')
  edit(path.join(made.dir, 'domains/01-health.md'), '{#health-missing-immunisations}', '{#health-missing-immunisations ag=5}')
  writeFileSync(path.join(made.dir, 'rules.yaml'), 'link-pendng:\n  severity: warning\n  reason: The partnership is collecting the addresses.\n')
  return made
}

describe('an unknown name', () => {
  it('says what was expected, with the nearest known name as its suggestion when there is one', () => {
    const { dir } = misnamed()
    expect(messageLines(dir, undefined, { suggestions: true })).toEqual([
      `contacts.md:9:1 error Unknown contact detail “Phnoe”, ${LABELS} [unknown-label]`,
      '  did you mean “Phone”?',
      `contacts.md:10:1 error Unknown contact detail “Fax”, ${LABELS} [unknown-label]`,
      'domains/01-health.md:8:25 error Unknown setting “ag” in “{...}”, expected one of “age”, “tags”, “related”, “polarity” [invalid-attributes]',
      '  did you mean “age”?',
      `links.md:3:1 error Unknown setting “titel”, ${LINK_SETTINGS} [frontmatter-schema]`,
      '  did you mean “title”?',
      `links.md:4:1 error Unknown setting “subject”, ${LINK_SETTINGS} [frontmatter-schema]`,
      `rules.yaml:1:1 error “link-pendng” is not a rule, ${NOT_A_RULE} [rules-config]`,
      '  did you mean “link-pending”?',
    ])
  })

  it('in a rule’s settings and a suppression comment says the same', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-pending:\n  severity: warning\n  reason: The partnership is collecting the addresses.\n  sevrity: off\n  colour: red\n')
    edit(path.join(dir, 'links.md'), '- [Regional', '<!-- thresholds-ignore-next-line lnk-https: the address is as the source gives it -->\n- [Regional')
    expect(messageLines(dir, undefined, { suggestions: true })).toEqual([
      `links.md:5:1 error “lnk-https” is not a rule, ${NOT_A_RULE} [rules-config]`,
      '  did you mean “link-https”?',
      'rules.yaml:4:3 error Unknown setting “sevrity”, expected one of “severity”, “reason” [rules-config]',
      '  did you mean “severity”?',
      'rules.yaml:5:3 error Unknown setting “colour”, expected one of “severity”, “reason” [rules-config]',
    ])
  })

  it('gives the message id, its data and the suggestion apart from the text through the CLI', () => {
    const { root } = misnamed()
    const result = thresholds(['check', '--format', 'json'], root)
    expect(result.status).toBe(1)
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: Array<Record<string, unknown>> }).diagnostics
    expect(diagnostics.map(({ ruleId, messageId, data, line, suggestion }) => ({ ruleId, messageId, data, line, suggestion }))).toEqual([
      { ruleId: 'unknown-label', messageId: 'unknownLabel', data: { label: 'Phnoe' }, line: 9, suggestion: ['Phone'] },
      { ruleId: 'unknown-label', messageId: 'unknownLabel', data: { label: 'Fax' }, line: 10, suggestion: undefined },
      { ruleId: 'invalid-attributes', messageId: 'unknownAttribute', data: { setting: 'ag', allowed: '“age”, “tags”, “related”, “polarity”' }, line: 8, suggestion: ['age'] },
      { ruleId: 'frontmatter-schema', messageId: 'unknownSetting', data: { setting: 'titel', allowed: '“id”, “title”' }, line: 3, suggestion: ['title'] },
      { ruleId: 'frontmatter-schema', messageId: 'unknownSetting', data: { setting: 'subject', allowed: '“id”, “title”' }, line: 4, suggestion: undefined },
      { ruleId: 'rules-config', messageId: 'notARule', data: { rule: 'link-pendng' }, line: 1, suggestion: ['link-pending'] },
    ])
    const text = thresholds(['check'], root)
    expect(text.status).toBe(1)
    expect(text.stderr).toContain(`sources/minimal/contacts.md:10:1 error Unknown contact detail “Fax”, ${LABELS} [unknown-label]\n`)
    expect(text.stderr).toContain('sources/minimal/rules.yaml:1:1 error “link-pendng” is not a rule, expected the id of a rule listed in docs/rules.md [rules-config]\n')
  })
})
