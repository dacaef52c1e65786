import { codeFrameColumns } from '@babel/code-frame'
import picocolors from 'picocolors'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { severityOf } from '../shared/diagnostics.ts'
import { escapeControls } from '../shared/terminal.ts'
import { countsOf, plural, shownMessages, spanOf, suggestionOf, textOf, type Counts, type ReportInput, type ReportOptions, type Span } from './input.ts'

/** Source lines longer than this are shown as a window around the reported column. */
const MAX_LINE_WIDTH = 160
/** A place spanning more lines than this is framed at its start only. */
const MAX_FRAMED_LINES = 3

type Colors = ReturnType<typeof picocolors.createColors>

/**
 * The human report, for a terminal or a CI log. For each message: `file:line:column severity
 * message [rule-id]`, the source line(s) with a caret under the place, “did you mean” when there
 * is a suggestion, and the link to the rule's documentation. Ends with a summary line.
 */
export function formatText(input: ReportInput, options: ReportOptions = {}): string {
  const colors = picocolors.createColors(options.color ?? false)
  const blocks: string[] = []
  for (const file of input.files) {
    const messages = shownMessages(file, options.quiet)
    if (messages.length === 0) continue
    const lines = splitLines(textOf(file))
    for (const message of messages) blocks.push(formatMessage(file, lines, message, colors))
  }
  blocks.push(summaryLine(countsOf(input), input.frameworks.length, options.quiet ?? false, colors))
  return `${blocks.join('\n\n')}\n`
}

function formatMessage(file: VFile, lines: string[], message: VFileMessage, colors: Colors): string {
  const severity = severityOf(message)
  const paint = severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue
  const span = spanOf(message)
  const where = span ? `${file.path}:${span.line}:${span.column}` : file.path
  const out = [`${colors.bold(visible(where, true))} ${paint(severity)} ${visible(message.reason, true)} ${colors.dim(`[${message.ruleId ?? 'unknown'}]`)}`]
  const frame = span ? codeFrame(lines, span) : ''
  if (frame) out.push(colorFrame(frame, paint, colors))
  const suggestion = suggestionOf(message, (value) => visible(value, true))
  if (suggestion) out.push(`  ${suggestion}`)
  const cause = message.cause as (Error & { file?: string; place?: { start?: { line: number; column: number } } }) | undefined
  if (cause instanceof Error && cause.file) {
    const start = cause.place?.start
    out.push(`  see ${visible(cause.file, true)}${start ? `:${start.line}:${start.column}` : ''}: ${visible(cause.message, true)}`)
  }
  if (message.note) out.push(`  note: ${visible(message.note, true)}`)
  if (message.url) out.push(`  ${colors.dim('docs:')} ${message.url}`)
  return out.join('\n')
}

function summaryLine(counts: Counts, frameworks: number, quiet: boolean, colors: Colors): string {
  const warnings = `${plural(counts.warnings, 'warning')}${quiet && counts.warnings > 0 ? ' (not shown: --quiet)' : ''}`
  const text = `${plural(counts.errors, 'error')}, ${warnings}, ${counts.suppressed} suppressed in ${plural(frameworks, 'framework')}`
  if (counts.errors > 0) return colors.red(colors.bold(`✖ ${text}`))
  if (counts.warnings > 0) return colors.yellow(colors.bold(`⚠ ${text}`))
  return colors.green(`✔ ${text}`)
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/\r\n|\r|\n/)
}

/**
 * The lines around a place with a caret (or a run of carets) under it, as @babel/code-frame draws
 * them. Only the lines shown are passed on, cleaned of control characters and cut to a window
 * around the column when they are very long, so a hostile file cannot flood or drive the terminal.
 */
function codeFrame(lines: readonly string[], place: Span): string {
  if (place.line < 1 || place.line > lines.length) return ''
  // A place that ends at the very start of a line ends, for the reader, at the end of the one before.
  const span = place.endLine > place.line && place.endColumn === 1 ? { ...place, endLine: place.endLine - 1, endColumn: (lines[place.endLine - 2]?.length ?? 0) + 1 } : place
  const multi = span.endLine > span.line && span.endLine - span.line < MAX_FRAMED_LINES
  const endLine = multi ? Math.min(span.endLine, lines.length) : span.line
  const first = Math.max(1, span.line - 1)
  const last = Math.min(lines.length, endLine + 1)
  // One window for every shown line, so carets on several lines stay in step.
  const longest = Math.max(...lines.slice(first - 1, last).map((line) => line.length))
  const from = longest > MAX_LINE_WIDTH ? Math.max(0, Math.min(span.column - 1 - 40, longest - MAX_LINE_WIDTH)) : 0
  const cut = (line: string): string => {
    if (longest <= MAX_LINE_WIDTH) return visible(line)
    return `${from > 0 ? '…' : ''}${visible(line.slice(from, from + MAX_LINE_WIDTH))}${line.length > from + MAX_LINE_WIDTH ? '…' : ''}`
  }
  const shift = (column: number, line: string): number => {
    const shifted = column - from + (from > 0 ? 1 : 0)
    return Math.max(1, Math.min(shifted, cut(line).length + 1))
  }
  // Only the lines shown, numbered from `first` (startLine): passing the whole file made a file
  // with thousands of messages take time growing with the square of its length.
  const raw = lines.slice(first - 1, last).map(cut)
  const startText = lines[span.line - 1] ?? ''
  const endText = lines[endLine - 1] ?? ''
  const start = { line: span.line, column: shift(span.column, startText) }
  const sameLine = span.endLine === span.line && span.endColumn > span.column
  const end = multi ? { line: endLine, column: shift(span.endColumn, endText) } : sameLine ? { line: span.line, column: shift(span.endColumn, startText) } : undefined
  // `startLine` is a code-frame option (7.x) that its published types do not list yet.
  const options: Parameters<typeof codeFrameColumns>[2] & { startLine: number } = { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine: first }
  return codeFrameColumns(raw.join('\n'), end ? { start, end } : { start }, options)
}

/** Carets in the severity's colour, the gutter dimmed; the source text itself is left as it is. */
function colorFrame(frame: string, paint: (text: string) => string, colors: Colors): string {
  return frame
    .split('\n')
    .map((line) => {
      const gutter = /^([> ] *\d* \|)(.*)$/.exec(line)
      if (!gutter) return line
      const [, head = '', rest = ''] = gutter
      const isMarker = /^ +\|$/.test(head) && /^[\t ]*\^+$/.test(rest)
      return `${head.startsWith('>') ? paint(head) : colors.dim(head)}${isMarker ? paint(rest) : rest}`
    })
    .join('\n')
}

/** Replaces control characters with visible stand-ins of the same width, so carets stay aligned. */
function visible(text: string, oneLine = false): string {
  return escapeControls(text, { oneLine })
}
