import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { checkFrameworks } from '../../scripts/check/index.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { frameworkWith, messageLines, parser, repoRoot, setFrontMatter, TEST_TODAY } from '../helpers.ts'

/** The minimal framework with an http: link, which `link-https` warns about on links.md line 5. */
function withHttpLink(): { root: string; dir: string } {
  const made = frameworkWith()
  const links = path.join(made.dir, 'links.md')
  writeFileSync(links, readFileSync(links, 'utf8').replace('https://example.org', 'http://example.org'))
  return made
}

const check = (dir: string) => checkFrameworks(loadFrameworks([dir], { parser }), { today: TEST_TODAY })

describe('rule configuration', () => {
  it('reports the warning when nothing is configured', () => {
    const { dir } = withHttpLink()
    expect(messageLines(dir)).toEqual([expect.stringMatching(/^links\.md:5:3 warning .*\[link-https\]$/)])
  })

  it('switches a rule off from framework.md with a reason, and lists what it hid', () => {
    const { dir } = withHttpLink()
    setFrontMatter(dir, 'rules:\n  link-https:\n    severity: "off"\n    reason: The regional site has no https version yet')
    const result = check(dir)
    expect(result.warnings).toBe(0)
    expect(result.suppressed).toEqual([
      expect.objectContaining({ ruleId: 'link-https', line: 5, column: 3, reason: 'The regional site has no https version yet' }),
    ])
  })

  it('raises a warning to an error from rules.yaml', () => {
    const { dir } = withHttpLink()
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-https:\n  severity: error\n  reason: Our apps refuse plain http links\n')
    expect(messageLines(dir)).toEqual([expect.stringMatching(/^links\.md:5:3 error .*\[link-https\]$/)])
  })

  it('refuses a setting without a reason, pointing at the setting', () => {
    const { dir } = withHttpLink()
    writeFileSync(path.join(dir, 'rules.yaml'), '# Rule settings\nlink-https:\n  severity: "off"\n')
    const lines = messageLines(dir)
    expect(lines).toContainEqual(expect.stringMatching(/^rules\.yaml:3:3 error .*reason.*\[rules-config\]$/))
    // The invalid setting is ignored, so the warning still shows.
    expect(lines).toContainEqual(expect.stringMatching(/\[link-https\]$/))
  })

  it('refuses an unknown rule id with a suggestion', () => {
    const { dir } = withHttpLink()
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-http:\n  severity: "off"\n  reason: The regional site has no https version yet\n')
    const lines = messageLines(dir, undefined, { suggestions: true })
    const at = lines.indexOf('rules.yaml:1:1 error “link-http” is not a rule, expected the id of a rule listed in docs/rules.md [rules-config]')
    expect(lines.slice(at, at + 2)).toEqual(['rules.yaml:1:1 error “link-http” is not a rule, expected the id of a rule listed in docs/rules.md [rules-config]', '  did you mean “link-https”?'])
  })

  it('refuses a rule configured both in framework.md and rules.yaml', () => {
    const { dir } = withHttpLink()
    setFrontMatter(dir, 'rules:\n  link-https:\n    severity: "off"\n    reason: The regional site has no https version yet')
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-https:\n  severity: error\n  reason: Our apps refuse plain http links\n')
    expect(messageLines(dir)).toContainEqual('rules.yaml:1:1 error “link-https” is already configured in framework.md, expected each rule configured in one place [rules-config]')
  })

  it('refuses to configure a problem found while reading', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'rules.yaml'), 'yaml-syntax:\n  severity: "off"\n  reason: We would rather not hear about it\n')
    expect(messageLines(dir)).toContainEqual('rules.yaml:1:1 error “yaml-syntax” cannot be configured: without it the framework cannot be read [rules-config]')
  })

  it('reports broken YAML in rules.yaml at its line', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-https:\n\tseverity: error\n')
    expect(messageLines(dir)).toContainEqual(expect.stringMatching(/^rules\.yaml:2:1 error .*\[yaml-syntax\]$/))
  })
})

describe('inline suppressions', () => {
  it('suppresses one occurrence with a reason and lists it', () => {
    const { dir } = withHttpLink()
    const links = path.join(dir, 'links.md')
    writeFileSync(links, readFileSync(links, 'utf8').replace('\n- [Regional', '\n<!-- thresholds-ignore-next-line link-https: the regional site has no https version yet -->\n- [Regional'))
    const result = check(dir)
    expect(result.warnings).toBe(0)
    expect(result.suppressed).toEqual([expect.objectContaining({ ruleId: 'link-https', line: 6, reason: 'the regional site has no https version yet' })])
  })

  it('refuses a suppression without a reason and still reports the problem', () => {
    const { dir } = withHttpLink()
    const links = path.join(dir, 'links.md')
    writeFileSync(links, readFileSync(links, 'utf8').replace('\n- [Regional', '\n<!-- thresholds-ignore-next-line link-https -->\n- [Regional'))
    const lines = messageLines(dir)
    expect(lines).toContainEqual(expect.stringMatching(/^links\.md:5:\d+ error The suppression of “link-https” gives no reason.*\[rules-config\]$/))
    expect(lines).toContainEqual(expect.stringMatching(/^links\.md:6:3 warning .*\[link-https\]$/))
  })

  it('warns about a suppression that matches nothing', () => {
    const { dir } = frameworkWith()
    const links = path.join(dir, 'links.md')
    writeFileSync(links, readFileSync(links, 'utf8').replace('\n- [Regional', '\n<!-- thresholds-ignore-next-line link-https: left over from an old address -->\n- [Regional'))
    expect(messageLines(dir)).toEqual([expect.stringMatching(/^links\.md:5:\d+ warning This suppression of “link-https” matches no message on line 6.*\[unused-suppression\]$/)])
  })

  it('shows every suppression in the CLI’s JSON report', () => {
    const { root, dir } = withHttpLink()
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-https:\n  severity: "off"\n  reason: The regional site has no https version yet\n')
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bin/thresholds.js'), 'check', '--format', 'json'], { cwd: root, encoding: 'utf8' })
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout) as { suppressed: Array<{ ruleId: string; file: string; reason: string }>; summary: { suppressed: number } }
    expect(report.summary.suppressed).toBe(1)
    expect(report.suppressed[0]).toMatchObject({ ruleId: 'link-https', file: 'sources/minimal/links.md', reason: 'The regional site has no https version yet' })
  })
})

describe('front-matter read despite a bad setting', () => {
  it('does not crash a rule when a guidance entry has no title (found by the mutation test)', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'framework.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - title: Working Together to Safeguard Children\n    edition: 2026', '  - edition: 2026'))
    const lines = messageLines(dir)
    expect(lines.filter((line) => line.includes('could not finish'))).toEqual([])
    expect(lines).toContainEqual(expect.stringMatching(/^framework\.md:\d+:\d+ error .*title.*\[frontmatter-schema\]$/))
  })
})

describe('rule settings that cannot be honoured', () => {
  it('are reported with a message id and its values, as rule messages are', () => {
    const { dir } = frameworkWith()
    setFrontMatter(dir, 'rules:\n  link-pending:\n    severity: warning\n    reason: Addresses come from the council later')
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-pending:\n  severity: "off"\n  reason: Addresses come from the council later\nversion-scheme:\n  severity: "off"\n  reason: Our versions are dates for now\n')
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('- [Front door](#front-door)', '<!-- thresholds-ignore-next-line level-has-contacts: tbc -->\n- [Front door](#front-door)'))
    const ids = check(dir)
      .files.flatMap((file) => file.messages)
      .filter((message) => message.ruleId === 'rules-config')
      .map((message) => [message.messageId, message.data])
    expect(ids).toEqual([
      ['noReason', { rule: 'level-has-contacts' }],
      ['configuredTwice', { rule: 'link-pending', file: 'framework.md' }],
      ['integrityLowered', { rule: 'version-scheme' }],
    ])
  })
})
