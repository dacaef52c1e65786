import { severityOf } from '../shared/diagnostics.ts'
import { countsOf, plural, relativePath, shownMessages, spanOf, suggestionOf, type PathReportOptions, type ReportInput } from './input.ts'

/**
 * Every finding as a Markdown table, for a CI job summary: GitHub shows at most 10 error and 10
 * warning annotations per step (50 per job), so the summary is where none can be hidden. Errors
 * first, then warnings, then what was suppressed and why. Content is escaped so that a message can
 * neither break the table nor become a link, an image, a mention or HTML.
 */
export function formatMarkdown(input: ReportInput, options: PathReportOptions): string {
  const counts = countsOf(input)
  const rows: Array<{ rank: number; row: string }> = []
  for (const file of input.files)
    for (const message of shownMessages(file, options.quiet)) {
      const severity = severityOf(message)
      const span = spanOf(message)
      const where = `${relativePath(file.path, options.cwd)}${span ? `:${span.line}:${span.column}` : ''}`
      const suggestion = suggestionOf(message)
      const rule = message.ruleId ?? 'thresholds'
      const ruleCell = message.url?.startsWith('https://') ? `[${cell(rule)}](${message.url})` : cell(rule)
      rows.push({ rank: severity === 'error' ? 0 : severity === 'warning' ? 1 : 2, row: `| ${severity} | ${code(where)} | ${ruleCell} | ${cell(message.reason)}${suggestion ? ` ${cell(suggestion)}` : ''} |` })
    }
  const lines = [`### Thresholds check: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.suppressed} suppressed in ${plural(input.frameworks.length, 'framework')}`, '']
  if (rows.length) lines.push('| Severity | Where | Rule | Message |', '| --- | --- | --- | --- |', ...rows.sort((a, b) => a.rank - b.rank).map((entry) => entry.row), '')
  else lines.push(counts.errors + counts.warnings > 0 ? 'Only errors are listed (--quiet), and there are none.' : 'No problems found.', '')
  if (input.suppressed.length) {
    lines.push('<details><summary>Suppressed, with the reasons given</summary>', '', '| Where | Rule | Reason |', '| --- | --- | --- |')
    for (const entry of input.suppressed) lines.push(`| ${code(`${relativePath(entry.file, options.cwd)}:${entry.line}:${entry.column}`)} | ${cell(entry.ruleId)} | ${cell(entry.reason)} |`)
    lines.push('', '</details>', '')
  }
  return `${lines.join('\n')}`
}

/** Text in a table cell: one line, Markdown and HTML characters escaped. */
function cell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/@/g, '&#64;')
}

/** A path as code, safe whatever it holds (a backtick in a file name cannot end the code span). */
function code(text: string): string {
  return `<code>${text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;')}</code>`
}
