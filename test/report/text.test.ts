import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { colorEnabled } from '../../scripts/report/color.ts'
import type { ReportInput } from '../../scripts/report/input.ts'
import { formatText } from '../../scripts/report/text.ts'
import { fileMessage } from '../../scripts/shared/diagnostics.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'
import { brokenLinkAndPolarity, checkedMinimal, twoPendingLinks, twoSuppressions } from './content.ts'

const ESC = '\u001b'

/** The block of lines for the message reported at `where` (file:line:column). */
function blockAt(report: string, where: string): string[] {
  const block = report.split('\n\n').find((text) => text.includes(`${where} `))
  if (!block) throw new Error(`no message at ${where} in:\n${report}`)
  return block.split('\n')
}

describe('text report', () => {
  it('shows file:line:column, severity, message and rule id, the source line with a caret under the column, and the docs link', () => {
    const { dir, input } = checkedMinimal(brokenLinkAndPolarity)
    const report = formatText(input)
    const lines = blockAt(report, `${dir}/levels/01-early-help.md:15:3`)
    expect(lines[0]).toBe(
      `${dir}/levels/01-early-help.md:15:3 error The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file [link-resolves]`,
    )
    const source = lines.find((line) => line.startsWith('> 15 |'))
    expect(source).toBe('> 15 | - [Front door](#front-dor)')
    const marker = lines[lines.indexOf(source ?? '') + 1] ?? ''
    // The caret run starts under “[” (column 3) and covers the whole link.
    expect(marker.indexOf('^')).toBe(source?.indexOf('[') ?? -2)
    expect(marker).toBe(`     |   ${'^'.repeat('[Front door](#front-dor)'.length)}`)
    expect(lines).toContain('  14 |')
    expect(lines.at(-1)).toBe('  docs: https://github.com/thresholds/thresholds/blob/main/docs/rules.md#link-resolves')
    // The suggestion is the message's `expected`, said once, on its own line after the source.
    expect(lines.filter((line) => line.includes('did you mean'))).toEqual(['  did you mean “#front-door”?'])
    expect(lines.indexOf('  did you mean “#front-door”?')).toBe(lines.length - 2)
  })

  it('adds “did you mean” with the suggestions on a line of its own', () => {
    const { dir, input } = checkedMinimal(brokenLinkAndPolarity)
    const lines = blockAt(formatText(input), `${dir}/domains/01-health.md:8:25`)
    expect(lines[0]).toContain('error “polarity=neutral” is not a polarity')
    expect(lines).toContain('  did you mean “strength” or “need”?')
    expect(lines.indexOf('  did you mean “strength” or “need”?')).toBe(lines.length - 2)
  })

  it('ends with a summary line of errors, warnings and suppressed messages', () => {
    expect(formatText(checkedMinimal(brokenLinkAndPolarity).input).trimEnd().split('\n').at(-1)).toBe('✖ 3 errors, 0 warnings, 0 suppressed in 1 framework')
    expect(formatText(checkedMinimal(twoPendingLinks).input).trimEnd().split('\n').at(-1)).toBe('⚠ 0 errors, 2 warnings, 0 suppressed in 1 framework')
    expect(formatText(checkedMinimal(twoSuppressions).input)).toBe('✔ 0 errors, 0 warnings, 3 suppressed in 1 framework\n')
  })

  it('with quiet, shows errors only and says how many warnings it left out', () => {
    const { input } = checkedMinimal((dir) => {
      brokenLinkAndPolarity(dir)
      twoPendingLinks(dir)
    })
    const loud = formatText(input)
    const quiet = formatText(input, { quiet: true })
    expect(loud).toContain(' warning The address of “Later” is still pending')
    expect(quiet).not.toContain(' warning ')
    expect(quiet).toContain(' error The link “Front door”')
    expect(quiet.trimEnd().split('\n').at(-1)).toBe('✖ 3 errors, 2 warnings (not shown: --quiet), 0 suppressed in 1 framework')
  })

  it('writes ANSI colour only when asked', () => {
    const { input } = checkedMinimal(brokenLinkAndPolarity)
    expect(formatText(input, { color: false })).not.toContain(ESC)
    const colored = formatText(input, { color: true })
    expect(colored).toContain(`${ESC}[31merror${ESC}[39m`)
    // Without the colour codes it is the same report.
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(formatText(input, { color: false }))
  })

  it('shows control characters from the source as visible symbols, with the caret still aligned', () => {
    const source = createSourceFile('sources/x/links.md', 'links.md', 'one\n\tbad \u001b[2J here\u202e!\n')
    fileMessage(source, { start: { line: 2, column: 11, offset: 0 }, end: { line: 2, column: 15, offset: 0 } }, 'Bad \u001b[31m thing', 'link-resolves', 'error')
    const report = formatText({ files: [source.vfile], suppressed: [], frameworks: [{ id: 'x', dir: 'sources/x', files: [] }] })
    expect(report).not.toContain(ESC)
    expect(report).not.toContain('\u202e')
    expect(report).toContain('error Bad ␛[31m thing [link-resolves]')
    const lines = report.split('\n')
    const source2 = lines.find((line) => line.startsWith('> 2 |')) ?? ''
    expect(source2).toBe('> 2 | \tbad ␛[2J here\uFFFD!')
    const marker = lines[lines.indexOf(source2) + 1] ?? ''
    expect(marker.indexOf('^')).toBe(source2.indexOf('here'))
    expect(marker.match(/\^+/)?.[0]).toBe('^^^^')
  })

  it('shows a window of a very long line around the column', () => {
    const long = `${'a'.repeat(5000)}TARGET${'b'.repeat(5000)}`
    const source = createSourceFile('sources/x/links.md', 'links.md', `first\n${long}\n`)
    fileMessage(source, { start: { line: 2, column: 5001, offset: 0 }, end: { line: 2, column: 5007, offset: 0 } }, 'Here', 'link-resolves', 'error')
    const report = formatText({ files: [source.vfile], suppressed: [], frameworks: [] })
    const lines = report.split('\n')
    const shown = lines.find((line) => line.startsWith('> 2 |')) ?? ''
    expect(shown.length).toBeLessThan(200)
    expect(shown).toMatch(/^> 2 \| …a+TARGETb+…$/)
    const marker = lines[lines.indexOf(shown) + 1] ?? ''
    expect(marker.indexOf('^')).toBe(shown.indexOf('TARGET'))
    expect(marker.match(/\^+/)?.[0]).toBe('^^^^^^')
  })

  it('leaves the frame out when the file could not be read', () => {
    const file = new VFile({ path: 'sources/x/contacts.md', value: '' })
    const message = file.message('“contacts.md” is a binary file', { place: { line: 2, column: 1 }, ruleId: 'file-unreadable' })
    message.fatal = true
    const input: ReportInput = { files: [file], suppressed: [], frameworks: [] }
    expect(formatText(input)).toBe('sources/x/contacts.md:2:1 error “contacts.md” is a binary file [file-unreadable]\n\n✖ 1 error, 0 warnings, 0 suppressed in 0 frameworks\n')
  })
})

describe('colour', () => {
  it('is on for a terminal, off for a pipe, NO_COLOR turns it off and FORCE_COLOR on', () => {
    expect(colorEnabled(true, {})).toBe(true)
    expect(colorEnabled(false, {})).toBe(false)
    expect(colorEnabled(true, { TERM: 'dumb' })).toBe(false)
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false)
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true)
    expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true)
    expect(colorEnabled(false, { FORCE_COLOR: '' })).toBe(true)
    expect(colorEnabled(true, { FORCE_COLOR: '0' })).toBe(false)
    expect(colorEnabled(true, { FORCE_COLOR: 'false' })).toBe(false)
    expect(colorEnabled(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false)
  })
})
