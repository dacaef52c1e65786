import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JsonReport } from '../../scripts/report/json.ts'
import { renderMessage } from '../../scripts/shared/messages.ts'
import { RULE_SETTING_MESSAGES } from '../../scripts/shared/problems.ts'
import { frameworkWith, onTestDay, setFrontMatter, thresholds } from '../helpers.ts'

describe('rule settings that cannot be honoured, through the command line', () => {
  it('carry a message id and its values in the JSON report, as rule messages do', () => {
    const { root, dir } = frameworkWith()
    setFrontMatter(dir, 'rules:\n  link-pending:\n    severity: warning\n    reason: Addresses come from the council later')
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-pending:\n  severity: "off"\n  reason: Addresses come from the council later\nunique-ids:\n  severity: warning\n  reason: Two levels share an id for now\nparse-failed:\n  severity: warning\n  reason: Some files are too large for now\n')
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('- [Front door](#front-door)', '<!-- thresholds-ignore-next-line link-resolves: x -->\n- [Front door](#front-dor)\n<!-- thresholds-ignore-next-line raw-html: our editors paste HTML -->\nMore.'))
    const { status, stdout } = thresholds(['check', '--no-cache', '--format', 'json'], root, { env: onTestDay })
    expect(status).toBe(1)
    const found = (JSON.parse(stdout) as JsonReport).diagnostics.filter((d) => d.ruleId === 'rules-config').map((d) => [path.basename(d.file), d.line, d.messageId, d.data, d.message])
    const line = (id: keyof typeof RULE_SETTING_MESSAGES, data: Record<string, string>) => [id, data, renderMessage(RULE_SETTING_MESSAGES[id], data)]
    expect(found).toEqual([
      ['01-early-help.md', 15, ...line('noReason', { rule: 'link-resolves' })],
      ['01-early-help.md', 17, ...line('integritySuppressed', { rule: 'raw-html' })],
      ['rules.yaml', 1, ...line('configuredTwice', { rule: 'link-pending', file: 'framework.md' })],
      ['rules.yaml', 5, ...line('integrityLowered', { rule: 'unique-ids' })],
      ['rules.yaml', 7, ...line('notConfigurable', { rule: 'parse-failed' })],
    ])
    expect(found.map((entry) => entry[4])).toEqual([
      'The suppression of “link-resolves” gives no reason, expected “link-resolves: why this is acceptable”',
      '“raw-html” cannot be suppressed: it keeps invalid or unsafe content out of the published package, expected this comment removed and the problem fixed',
      '“link-pending” is already configured in framework.md, expected each rule configured in one place',
      '“unique-ids” cannot be lowered or switched off: it keeps invalid or unsafe content out of the published package, expected this setting removed',
      '“parse-failed” cannot be configured: without it the framework cannot be read',
    ])
  })
})
