import type { VFile } from 'vfile'
import type { Suppression } from '../check/runner.ts'
import { severityOf, type MessageData } from '../shared/diagnostics.ts'
import type { ReportInput, ReportOptions } from './input.ts'
import { escapeJsonControls } from '../shared/terminal.ts'

export interface JsonDiagnostic {
  ruleId: string
  /** Which of the rule's messages (docs/rules.md lists them), with the values in its slots; absent for problems found while reading. */
  messageId?: string
  data?: MessageData
  severity: 'error' | 'warning' | 'info'
  message: string
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  suggestion?: string[]
  url?: string
}

export interface JsonReport {
  diagnostics: JsonDiagnostic[]
  suppressed: Suppression[]
  summary: { errors: number; warnings: number; suppressed: number }
}

export function toJsonReport(files: readonly VFile[], suppressed: readonly Suppression[] = [], quiet = false): JsonReport {
  const diagnostics: JsonDiagnostic[] = []
  for (const file of files)
    for (const message of file.messages) {
      if (quiet && message.fatal !== true) continue
      const diagnostic: JsonDiagnostic = {
        ruleId: message.ruleId ?? 'unknown',
        ...(message.messageId ? { messageId: message.messageId, data: { ...message.data } } : {}),
        severity: severityOf(message),
        message: message.reason,
        file: file.path,
        line: message.place && 'start' in message.place ? message.place.start.line : (message.line ?? 1),
        column: message.place && 'start' in message.place ? message.place.start.column : (message.column ?? 1),
        endLine: message.place && 'end' in message.place ? message.place.end.line : (message.line ?? 1),
        endColumn: message.place && 'end' in message.place ? message.place.end.column : (message.column ?? 1),
      }
      if (message.expected?.length) diagnostic.suggestion = message.expected
      if (message.url) diagnostic.url = message.url
      diagnostics.push(diagnostic)
    }
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length
  return { diagnostics, suppressed: [...suppressed], summary: { errors, warnings, suppressed: suppressed.length } }
}

/** `(input, options) => string`, like every formatter. */
export function formatJson(input: ReportInput, options: ReportOptions = {}): string {
  return `${escapeJsonControls(JSON.stringify(toJsonReport(input.files, input.suppressed, options.quiet), null, 2))}\n`
}
