import { formatGithub } from './github.ts'
import type { PathReportOptions, ReportInput } from './input.ts'
import { formatJson } from './json.ts'
import { formatJunit } from './junit.ts'
import { formatMarkdown } from './markdown.ts'
import { formatSarif } from './sarif.ts'
import { formatText } from './text.ts'

/** Every report format. `text` is for people (on stderr); the others are documents for tools (on stdout). */
export const FORMATS = ['text', 'json', 'github', 'sarif', 'junit', 'markdown'] as const
export type Format = (typeof FORMATS)[number]

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value)
}

export function formatReport(format: Format, input: ReportInput, options: PathReportOptions & { version: string }): string {
  switch (format) {
    case 'text':
      return formatText(input, options)
    case 'json':
      return formatJson(input, options)
    case 'github':
      return formatGithub(input, options)
    case 'sarif':
      return formatSarif(input, options)
    case 'junit':
      return formatJunit(input, options)
    case 'markdown':
      return formatMarkdown(input, options)
  }
}
