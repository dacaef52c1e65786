/**
 * Integrity rules (model-schema, unique-ids, reference-resolves, version-scheme; raw-html,
 * link-scheme and portable-name are read-time problems): no rule setting lowers them and no comment suppresses
 * them, so a framework that breaks the published package is never published with exit 0.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { integrityIds } from '../../scripts/check/integrity.ts'
import { frameworkWith, messageLines, onTestDay, setFrontMatter, thresholds } from '../helpers.ts'

/**
 * The minimal framework with a phone number longer than the schema allows (model-schema,
 * contacts.md:7:1), and the rule that would also report it (contact-phone-valid) switched off,
 * as it may be: only model-schema then stands between this framework and the package.
 */
function failingItsSchema(): { root: string; dir: string } {
  const made = frameworkWith()
  const contacts = path.join(made.dir, 'contacts.md')
  writeFileSync(contacts, readFileSync(contacts, 'utf8').replace('- Phone: 0121 788 4300', '- Phone: 0121 788 4300 then ask for the duty manager on call'))
  setFrontMatter(made.dir, 'rules:\n  contact-phone-valid:\n    severity: "off"\n    reason: Our phone numbers carry notes for callers')
  return made
}

const lowered = 'cannot be lowered or switched off: it keeps invalid or unsafe content out of the published package, expected this setting removed'

describe('integrity rules', () => {
  it('are exactly these', () => {
    expect([...integrityIds].sort()).toEqual(['link-scheme', 'model-schema', 'portable-name', 'raw-html', 'reference-resolves', 'unique-ids', 'unsafe-character', 'version-scheme'])
  })

  it('refuses “off” for model-schema in rules.yaml at the severity, and still reports the schema error', () => {
    const { dir } = failingItsSchema()
    writeFileSync(path.join(dir, 'rules.yaml'), '# Our phone labels are long\nmodel-schema:\n  severity: "off"\n  reason: Our phone numbers carry long notes\n')
    expect(messageLines(dir)).toEqual([
      'contacts.md:7:1 error Phone number “0121 788 4300 then ask for the duty manager on call” of contact “Front door” is too long: 51 characters, expected at most 30 characters [model-schema]',
      `rules.yaml:3:13 error “model-schema” ${lowered} [rules-config]`,
    ])
  })

  it('refuses lowering unique-ids to a warning in framework.md', () => {
    const { dir } = frameworkWith()
    setFrontMatter(dir, 'rules:\n  unique-ids:\n    severity: warning\n    reason: Two levels share an id for now')
    expect(messageLines(dir)).toEqual([`framework.md:13:15 error “unique-ids” ${lowered} [rules-config]`])
  })

  it('refuses a setting for raw-html and link-scheme, read-time problems that keep unsafe content out', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'rules.yaml'), 'raw-html:\n  severity: warning\n  reason: Our editors paste HTML\nlink-scheme:\n  severity: "off"\n  reason: Some links run scripts on purpose\n')
    expect(messageLines(dir)).toEqual([`rules.yaml:2:13 error “raw-html” ${lowered} [rules-config]`, `rules.yaml:5:13 error “link-scheme” ${lowered} [rules-config]`])
  })

  it('accepts “error” for an integrity rule: it lowers nothing', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'rules.yaml'), 'version-scheme:\n  severity: error\n  reason: Spelled out for new editors\n')
    expect(messageLines(dir)).toEqual([])
  })

  it('refuses a comment that suppresses model-schema, and still reports the schema error', () => {
    const { dir } = failingItsSchema()
    const contacts = path.join(dir, 'contacts.md')
    writeFileSync(contacts, readFileSync(contacts, 'utf8').replace('\n\n- Phone:', '\n\n<!-- thresholds-ignore-next-line model-schema: our phone numbers carry long notes -->\n- Phone:'))
    expect(messageLines(dir)).toEqual([
      'contacts.md:7:1 error “model-schema” cannot be suppressed: it keeps invalid or unsafe content out of the published package, expected this comment removed and the problem fixed [rules-config]',
      'contacts.md:8:1 error Phone number “0121 788 4300 then ask for the duty manager on call” of contact “Front door” is too long: 51 characters, expected at most 30 characters [model-schema]',
    ])
  })

  it('through the CLI: build with model-schema switched off exits 1, names the rule at its line and writes nothing', () => {
    const { root, dir } = failingItsSchema()
    writeFileSync(path.join(dir, 'rules.yaml'), 'model-schema:\n  severity: "off"\n  reason: Our phone numbers carry long notes\n')
    const { status, stderr } = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    expect(stderr).toContain(`sources/minimal/rules.yaml:2:13 error “model-schema” ${lowered} [rules-config]\n`)
    expect(stderr).toContain('sources/minimal/contacts.md:7:1 error Phone number “0121 788 4300 then ask for the duty manager on call” of contact “Front door” is too long: 51 characters, expected at most 30 characters [model-schema]\n')
    expect(stderr).toContain('Nothing was written to generated/: fix the 2 errors above first.\n')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})
