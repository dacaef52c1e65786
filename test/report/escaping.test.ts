/**
 * Every report that can reach a terminal or a CI log shows control characters instead of sending
 * them: each formatter is given a message (or a diff) quoting an OSC 52 clipboard write, a C1
 * control (CSI, U+009B), a right-to-left override and a lone surrogate.
 */
import { describe, expect, it } from 'vitest'
import { diffVersions } from '../../scripts/diff/index.ts'
import { emptyFramework } from '../../scripts/diff/model.ts'
import { formatDiffHtml } from '../../scripts/diff/report/html.ts'
import { formatDiffJson } from '../../scripts/diff/report/json.ts'
import { formatDiffMarkdown } from '../../scripts/diff/report/markdown.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { formatGithub } from '../../scripts/report/github.ts'
import { formatJson } from '../../scripts/report/json.ts'
import { formatJunit } from '../../scripts/report/junit.ts'
import { formatSarif } from '../../scripts/report/sarif.ts'
import { formatText } from '../../scripts/report/text.ts'
import { escapeControls, escapeJsonControls, safeForTerminal } from '../../scripts/shared/terminal.ts'
import { brokenLinkAndPolarity, checkedMinimal } from './content.ts'

const HOSTILE = 'Clip \u001b]52;c;ZXZpbA==\u0007 csi \u009b2J bidi \u202e lone \ud800 end'
/** What no printed report may hold: C0 controls other than tab and line feed, DEL, C1 controls, bidi controls, lone surrogates. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function hostileInput() {
  const checked = checkedMinimal(brokenLinkAndPolarity)
  const message = checked.input.files.flatMap((file) => file.messages)[0]
  if (!message) throw new Error('expected a message')
  message.reason = HOSTILE
  return checked
}

describe('one escape for every report', () => {
  it('escapeControls shows each character as a visible stand-in of the same width', () => {
    expect(escapeControls(HOSTILE)).toBe('Clip ␛]52;c;ZXZpbA==␇ csi �2J bidi � lone � end')
    expect(escapeControls('tab\tline\nend\r')).toBe('tab\tline\nend␍')
    expect(escapeControls('tab\tline\n', { oneLine: true })).toBe('tab␉line␊')
    expect(escapeControls('Ünïcödé 😀 and right-to-left عربى stay')).toBe('Ünïcödé 😀 and right-to-left عربى stay')
  })

  it('escapeJsonControls keeps the data and leaves nothing raw in the text', () => {
    const json = escapeJsonControls(JSON.stringify({ text: HOSTILE }))
    expect(json).not.toMatch(RAW)
    expect(JSON.parse(json)).toEqual({ text: HOSTILE })
  })

  it('escapes line and paragraph separators and invisible tag characters too, and keeps the JSON valid', () => {
    const hidden = `title\u2028next\u2029 ${String.fromCodePoint(0xe0069, 0xe0067)} end`
    expect(escapeControls(hidden)).toBe('title�next� �� end')
    expect(safeForTerminal(hidden)).toBe('title�next� �� end')
    const json = escapeJsonControls(JSON.stringify({ text: hidden }))
    expect(json).toBe('{"text":"title\\u2028next\\u2029 \\udb40\\udc69\\udb40\\udc67 end"}')
    expect(JSON.parse(json)).toEqual({ text: hidden })
  })

  it('safeForTerminal keeps Thresholds’ own colour codes and CR LF line ends, and escapes everything else', () => {
    expect(safeForTerminal('\u001b[31merror\u001b[39m \u001b]52;c;eA==\u0007 a\r\nb\rc')).toBe('\u001b[31merror\u001b[39m ␛]52;c;eA==␇ a\r\nb␍c')
    expect(safeForTerminal('plain')).toBe('plain')
  })

  it.each([
    ['text', (input: ReturnType<typeof hostileInput>) => formatText(input.input, { cwd: input.root })],
    ['text, coloured', (input: ReturnType<typeof hostileInput>) => formatText(input.input, { cwd: input.root, color: true }).replace(/\u001b\[\d+m/g, '')],
    ['github', (input: ReturnType<typeof hostileInput>) => formatGithub(input.input, { cwd: input.root })],
    ['json', (input: ReturnType<typeof hostileInput>) => formatJson(input.input, { cwd: input.root })],
    ['sarif', (input: ReturnType<typeof hostileInput>) => formatSarif(input.input, { cwd: input.root, version: '1.0.0' })],
    ['junit', (input: ReturnType<typeof hostileInput>) => formatJunit(input.input, { cwd: input.root })],
  ])('the %s report quotes the message without a raw control character', (_, format) => {
    const output = format(hostileInput())
    expect(output).not.toMatch(RAW)
    expect(output).toMatch(/Clip (␛|\\u001b)\]52;c;ZXZpbA==/)
  })

  it('the github report keeps a message on its own command line: a line feed in it cannot start another command', () => {
    const checked = hostileInput()
    const message = checked.input.files.flatMap((file) => file.messages)[0]
    if (message) message.reason = 'first\n::add-mask::secret'
    const lines = formatGithub(checked.input, { cwd: checked.root }).trimEnd().split('\n')
    expect(lines.every((line) => line.startsWith('::error ') || line.startsWith('::warning ') || line.startsWith('::notice '))).toBe(true)
  })

  describe('diff reports', () => {
    const side = { label: 'sample', source: 'memory' as const }
    const framework = (title: string): Framework => ({
      ...emptyFramework('sample'),
      title: 'Sample',
      partnership: 'Partnership',
      version: '1.0',
      levels: [{ id: 'early-help', title, rank: 1, order: 0, contacts: [], links: [], sections: [], children: [] }],
    })
    const report = diffVersions([framework('Early Help')], [framework(HOSTILE)], { old: side, new: side })

    it.each([
      ['markdown', formatDiffMarkdown],
      ['html', formatDiffHtml],
      ['json', formatDiffJson],
    ])('the %s diff shows the renamed title without a raw control character', (_, format) => {
      const output = format(report)
      expect(output).not.toMatch(RAW)
      expect(output).toMatch(/Clip (␛|\\u001b)\]52;c;ZXZpbA==/)
    })

    it('the JSON diff still holds the title exactly', () => {
      expect(JSON.stringify(JSON.parse(formatDiffJson(report)))).toContain(JSON.stringify(HOSTILE))
    })
  })
})
