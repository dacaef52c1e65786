import { severityOf } from '../shared/diagnostics.ts'
import { escapeControls } from '../shared/terminal.ts'
import { relativePath, shownMessages, spanOf, suggestionOf, type PathReportOptions, type ReportInput } from './input.ts'

/**
 * GitHub Actions workflow commands, one line per message, so each shows as an annotation on the
 * pull request's changed lines: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule-id>::<message>`.
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 */
export function formatGithub(input: ReportInput, options: PathReportOptions): string {
  const lines: string[] = []
  for (const file of input.files)
    for (const message of shownMessages(file, options.quiet)) {
      const severity = severityOf(message)
      const command = severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice'
      const properties: Array<[string, string | number]> = [['file', relativePath(file.path, options.cwd)]]
      const span = spanOf(message)
      if (span) {
        // Columns only mean something within one line: GitHub ignores them on a place spanning several.
        const oneLine = span.endLine === span.line
        properties.push(['line', span.line])
        if (oneLine) properties.push(['col', span.column])
        properties.push(['endLine', span.endLine])
        if (oneLine) properties.push(['endColumn', Math.max(span.endColumn, span.column)])
      }
      properties.push(['title', message.ruleId ?? 'thresholds'])
      // Each part on one line of its own: a line break in a message would end the command and
      // could start another (\n::add-mask:: ...); controls are escaped for the log.
      const data = [message.reason]
      const suggestion = suggestionOf(message)
      if (suggestion) data.push(suggestion)
      if (message.url) data.push(message.url)
      const shown = data.map((part) => escapeControls(part, { oneLine: true }))
      lines.push(`::${command} ${properties.map(([key, value]) => `${key}=${escapeProperty(escapeControls(String(value), { oneLine: true }))}`).join(',')}::${escapeData(shown.join('\n'))}`)
    }
  return lines.length ? `${lines.join('\n')}\n` : ''
}

/** As @actions/core escapes a command's message: %, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** As @actions/core escapes a property value: the data escapes plus the separators : and ,. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
