/**
 * Suppressions are read from the syntax trees: HTML comment nodes of the Markdown and comment
 * tokens of the YAML. The same words in a heading, a code block or a YAML string are not comments.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFrameworks } from '../../scripts/check/index.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { frameworkWith, messageLines, parser, repoRoot, TEST_TODAY } from '../helpers.ts'

const LINKS_HEAD = '---\ntitle: Links\n---\n\n'
const HTTP_HERE = '- [here](http://example.org/procedures) {#regional-procedures}\n'
const HTTPS_WARNING = 'links.md:LINE:3 warning The address “http://example.org/procedures” uses http:, expected https: (check that “https://example.org/procedures” works and use that) [link-https]'

function withLinks(body: string): string {
  const { dir } = frameworkWith()
  writeFileSync(path.join(dir, 'links.md'), `${LINKS_HEAD}${body}`)
  return dir
}

const suppressedOf = (dir: string) => checkFrameworks(loadFrameworks([dir], { parser }), { today: TEST_TODAY }).suppressed.map((s) => `${s.ruleId}:${s.line} ${s.reason}`)
const linkLines = (dir: string) => messageLines(dir).filter((line) => line.startsWith('links.md:'))

describe('suppressions read from syntax trees', () => {
  it('a suppression written as a Markdown heading suppresses nothing', () => {
    const dir = withLinks(`# thresholds-ignore-next-line link-https: the regional site has no https version yet\n\n- [Regional procedures](http://example.org/procedures) {#regional-procedures}\n`)
    // The heading is also a second title beside the front-matter's (title-twice): only the link's warning matters here.
    expect(linkLines(dir).filter((line) => line.endsWith('[link-https]'))).toEqual([HTTPS_WARNING.replace('LINE', '7')])
    expect(suppressedOf(dir)).toEqual([])
  })

  it('one inside a code block is words, not a suppression: no “unused suppression” warning', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Support as soon as a problem emerges.', 'Support as soon as a problem emerges.\n\n```\n<!-- thresholds-ignore-next-line link-https: an example for authors -->\n```'))
    expect(messageLines(dir)).toEqual([])
  })

  it('one inside a YAML string is not a comment', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'framework.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: draft', 'status: draft\nchangeNote: "# thresholds-ignore-next-line version-scheme: in a string"'))
    expect(messageLines(dir).filter((line) => line.includes('suppression'))).toEqual([])
  })

  it('an HTML comment suppresses the next line, also inside a list item; a YAML comment in front-matter too', () => {
    const { dir } = frameworkWith()
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('- Talk to the family.', '- Talk to the family.\n\n  <!-- thresholds-ignore-next-line link-https: the local site has no https version yet -->\n  See the [local offer](http://example.org/local).'))
    expect(messageLines(dir)).toEqual([])
    expect(suppressedOf(dir)).toEqual(['link-https:14 the local site has no https version yet'])
    const { dir: other } = frameworkWith()
    const file = path.join(other, 'framework.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: draft', 'status: draft\n# thresholds-ignore-next-line review-date-passed: the review is under way this month\nreviewDue: 2026-01-01'))
    expect(messageLines(other)).toEqual([])
    expect(suppressedOf(other)).toEqual(['review-date-passed:8 the review is under way this month'])
  })

  it('two suppressions stacked above one line both apply, on lines of their own or on one line', () => {
    const stacked = withLinks(`<!-- thresholds-ignore-next-line link-https: the regional site has no https version yet -->\n<!-- thresholds-ignore-next-line link-text-descriptive: the entry is named by its heading -->\n${HTTP_HERE}`)
    expect(linkLines(stacked)).toEqual([])
    expect(suppressedOf(stacked)).toEqual(['link-https:7 the regional site has no https version yet', 'link-text-descriptive:7 the entry is named by its heading'])
    const oneLine = withLinks(`<!-- thresholds-ignore-next-line link-https: the regional site has no https version yet --> <!-- thresholds-ignore-next-line link-text-descriptive: the entry is named by its heading -->\n${HTTP_HERE}`)
    expect(linkLines(oneLine)).toEqual([])
    expect(suppressedOf(oneLine)).toEqual(['link-https:6 the regional site has no https version yet', 'link-text-descriptive:6 the entry is named by its heading'])
  })

  it('a stacked suppression that matches nothing is still reported as unused', () => {
    const dir = withLinks(`<!-- thresholds-ignore-next-line link-https: the regional site has no https version yet -->\n<!-- thresholds-ignore-next-line link-pending: nothing here is pending at all -->\n${HTTP_HERE.replace('[here]', '[Regional procedures]')}`)
    expect(linkLines(dir)).toEqual(['links.md:6:1 warning This suppression of “link-pending” matches no message on line 7, expected it to be removed [unused-suppression]'])
  })

  it.each([
    ['on one line', '> <!-- thresholds-ignore-next-line link-https: the local site has no https version yet -->\n> See the [local offer](http://example.org/local).', 8],
    ['with its reason over two lines', '> <!-- thresholds-ignore-next-line link-https: the local site has\n> no https version yet -->\n> See the [local offer](http://example.org/local).', 9],
    ['with its reason on the next line', '> <!-- thresholds-ignore-next-line link-https:\n> the local site has no https version yet -->\n> See the [local offer](http://example.org/local).', 9],
    ['with the markers on lines of their own', '> <!--\n> thresholds-ignore-next-line link-https: the local site has no https version yet\n> -->\n> See the [local offer](http://example.org/local).', 10],
    ['in a quote in a list item', '- A note:\n\n  > <!-- thresholds-ignore-next-line link-https: the local site has\n  > no https version yet -->\n  > See the [local offer](http://example.org/local).', 11],
  ])('a suppression inside a block quote %s is read with its reason, without the quote markers', (_, text, target) => {
    const { dir } = frameworkWith()
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('Support as soon as a problem emerges.', text))
    expect(messageLines(dir)).toEqual([])
    expect(suppressedOf(dir)).toEqual([`link-https:${target} the local site has no https version yet`])
  })

  it('through the CLI, a suppression in a quote with its markers on lines of their own is read, with its reason', () => {
    const { root, dir } = frameworkWith()
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('Support as soon as a problem emerges.', '> <!--\n> thresholds-ignore-next-line link-https: the local site has\n> no https version yet\n> -->\n> See the [local offer](http://example.org/local).'))
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bin/thresholds.js'), 'check', '--no-cache', '--format', 'json'], { cwd: root, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    const report = JSON.parse(result.stdout) as { diagnostics: unknown[]; suppressed: Array<{ ruleId: string; line: number; reason: string }> }
    expect(report.diagnostics).toEqual([])
    expect(report.suppressed.map(({ ruleId, line, reason }) => ({ ruleId, line, reason }))).toEqual([{ ruleId: 'link-https', line: 11, reason: 'the local site has no https version yet' }])
  })
})
