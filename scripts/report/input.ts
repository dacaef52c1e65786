import path from 'node:path'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { CheckedFramework, CheckResult } from '../check/index.ts'
import type { Suppression } from '../check/runner.ts'
import { severityOf } from '../shared/diagnostics.ts'
import { isWithin } from '../shared/within.ts'

/** What every formatter receives: the checked files' messages, what was suppressed, and what was checked. */
export interface ReportInput {
  /** Source files that have messages, in path order; `value` is the file's text when it could be read. */
  files: readonly VFile[]
  suppressed: readonly Suppression[]
  /** Every framework checked: its folder and the path of each of its files (shown paths), for formats that list what passed. */
  frameworks: ReadonlyArray<{ id: string; dir: string; files: readonly string[] }>
}

export interface ReportOptions {
  /** Errors only. Counts in summaries still include warnings. */
  quiet?: boolean
  /** ANSI colour (text format only). */
  color?: boolean
  /** Paths are written relative to this folder: the command's working directory, passed in by the CLI. */
  cwd?: string
}

/** Options of the formats that write paths relative to a folder (the CI formats): the folder must be given. */
export type PathReportOptions = ReportOptions & { cwd: string }

export function reportInput(result: Pick<CheckResult<CheckedFramework>, 'contexts' | 'files' | 'suppressed'>): ReportInput {
  return {
    files: result.files,
    suppressed: result.suppressed,
    frameworks: result.contexts.map((parsed) => ({
      id: parsed.folder.id,
      dir: path.posix.dirname(parsed.folder.folderFile.path),
      files: parsed.folder.files.map((file) => file.source.path),
    })),
  }
}

export interface Span {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** Start and end of a message (end column is the one after the last character, as in unist); undefined when it has no place. */
export function spanOf(message: VFileMessage): Span | undefined {
  const place = message.place
  if (!place) return undefined
  if ('start' in place) return { line: place.start.line, column: place.start.column, endLine: place.end.line, endColumn: place.end.column }
  return { line: place.line, column: place.column, endLine: place.line, endColumn: place.column }
}

/** The messages a report shows: all of them, or only errors with `quiet`. */
export function shownMessages(file: VFile, quiet = false): VFileMessage[] {
  return quiet ? file.messages.filter((message) => severityOf(message) === 'error') : [...file.messages]
}

export interface Counts {
  errors: number
  warnings: number
  suppressed: number
}

export function countsOf(input: ReportInput): Counts {
  let errors = 0
  let warnings = 0
  for (const file of input.files)
    for (const message of file.messages) {
      const severity = severityOf(message)
      if (severity === 'error') errors++
      else if (severity === 'warning') warnings++
    }
  return { errors, warnings, suppressed: input.suppressed.length }
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/**
 * A source path as CI systems want it: relative to `cwd`, with forward slashes. Shown paths are
 * relative to the process's working directory (see displayPath), so they are resolved from there.
 */
export function relativePath(file: string, cwd: string): string {
  const absolute = path.resolve(file)
  const relative = path.relative(cwd, absolute)
  return (relative && isWithin(absolute, cwd) ? relative : absolute).split(path.sep).join('/')
}

/** The file's text when it was read, for quoting source lines. */
export function textOf(file: VFile): string {
  return typeof file.value === 'string' ? file.value : file.value instanceof Uint8Array ? new TextDecoder().decode(file.value) : ''
}

/** “did you mean …?” for a message's suggestions (its `expected`, never part of its reason), or undefined when it has none. */
export function suggestionOf(message: VFileMessage, quote = (value: string) => value): string | undefined {
  const values = message.expected ?? []
  if (values.length === 0) return undefined
  const quoted = values.slice(0, 5).map((value) => `“${quote(value)}”`)
  const list = values.length > 5 ? `${quoted.join(', ')}, …` : quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
  return `did you mean ${list}?`
}
