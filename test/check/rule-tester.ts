import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { checkFrameworks } from '../../scripts/check/index.ts'
import type { LinkProbe } from '../../scripts/online/probe.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { severityOf, type MessageData, type Severity } from '../../scripts/shared/diagnostics.ts'
import { fixtures, frameworkWith, parser, TEST_TODAY } from '../helpers.ts'

/**
 * A table-driven rule tester in the manner of ESLint's RuleTester. Every case is a framework:
 * the minimal fixture (test/fixtures/minimal) with an overlay of files. A valid case must give no
 * message at all; an invalid case must give exactly the listed messages, in order, each with its
 * rule, severity, message id and data, text, full range (start and end), suggestions and
 * “first written here” place.
 * Parse problems count too, so a case cannot pass by breaking the file it meant to test.
 */

/** A file's new text, `null` to delete it, or a change to the minimal fixture's text. */
export type FileOverlay = string | null | ((minimal: string) => string)
export type Overlay = Record<string, FileOverlay>

export interface RuleCase {
  /** What the case shows, in words. */
  name: string
  /** Files laid over the minimal framework, by path inside the framework folder. */
  files?: Overlay
  /** Other frameworks checked in the same run (rules that compare frameworks); their messages are ignored. */
  others?: Record<string, Overlay>
  /** With `--online`: what each address gave, as the prober would report it. */
  linkStatus?: Record<string, LinkProbe>
  /** Today's date (YYYY-MM-DD); default TEST_TODAY. */
  today?: string
}

export interface ExpectedMessage {
  /** Default: the rule under test. */
  ruleId?: string
  /** Default: the rule's own severity. */
  severity?: Severity
  /** Path inside the framework folder. */
  file: string
  /** The rule's message id, and the values in its template's slots; problems found while reading have neither. */
  messageId?: string
  data?: MessageData
  /** The rendered text. */
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  /** The “expected” values (shown as “did you mean”); default none. */
  suggestions?: string[]
  /** The other place a message points at (“first defined here”); default none. */
  cause?: { file: string; line: number; column: number; message: string }
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedMessage[]
}

export interface RuleTable {
  /** The rule under test, as in the registry. */
  rule: string
  /** Its default severity, stated here so that a changed default fails a test. */
  severity: Severity
  valid: RuleCase[]
  invalid: InvalidCase[]
}

export function ruleTable(table: RuleTable): RuleTable {
  return table
}

/** Replaces `from` by `to` in a file of the minimal framework; fails when `from` is not there. */
export function swap(from: string, to: string): (minimal: string) => string {
  return (minimal) => {
    if (!minimal.includes(from)) throw new Error(`The minimal file does not contain “${from}”`)
    return minimal.replace(from, to)
  }
}

/** Several swaps in order. */
export function swaps(...pairs: Array<[string, string]>): (minimal: string) => string {
  return (minimal) => pairs.reduce((text, [from, to]) => swap(from, to)(text), minimal)
}

function applyOverlay(dir: string, overlay: Overlay, base: string): void {
  for (const [relative, change] of Object.entries(overlay)) {
    const file = path.join(dir, relative)
    if (change === null) {
      rmSync(file, { force: true })
      continue
    }
    let text: string
    if (typeof change === 'function') text = change(readFileSync(path.join(base, relative), 'utf8'))
    else text = change
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
}

const minimalDir = path.join(fixtures, 'minimal')

/** Lays out a case's frameworks in a fresh temporary sources/ folder. */
export function layOut(testCase: RuleCase): { dir: string; alongside: string[] } {
  const { root, dir } = frameworkWith()
  applyOverlay(dir, testCase.files ?? {}, minimalDir)
  const alongside = Object.entries(testCase.others ?? {}).map(([id, overlay]) => {
    const other = frameworkWith(undefined, id, root).dir
    applyOverlay(other, { 'framework.md': swap('id: minimal', `id: ${id}`), ...overlay }, minimalDir)
    return other
  })
  return { dir, alongside }
}

export interface ActualMessage extends Required<Omit<ExpectedMessage, 'cause' | 'messageId' | 'data'>> {
  messageId?: string
  data?: MessageData
  cause?: ExpectedMessage['cause']
}

function describeMessage(dir: string, filePath: string, message: VFileMessage): ActualMessage {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const cause = message.cause as (Error & { file?: string; place?: { start: { line: number; column: number } } }) | undefined
  const relative = (file: string) => path.relative(dir, path.resolve(file)).split(path.sep).join('/')
  return {
    ruleId: message.ruleId ?? '',
    ...(message.messageId ? { messageId: message.messageId, data: message.data ?? {} } : {}),
    severity: severityOf(message) as Severity,
    file: relative(filePath),
    message: message.reason,
    line: start?.line ?? 0,
    column: start?.column ?? 0,
    endLine: end?.line ?? 0,
    endColumn: end?.column ?? 0,
    suggestions: message.expected ?? [],
    ...(cause ? { cause: { file: relative(cause.file ?? ''), line: cause.place?.start.line ?? 0, column: cause.place?.start.column ?? 0, message: cause.message } } : {}),
  }
}

/** Runs one rule over a case; every message on the case's own framework, in report order. */
export function runCase(ruleId: string, testCase: RuleCase): ActualMessage[] {
  const { dir, alongside } = layOut(testCase)
  const linkStatus = testCase.linkStatus ? new Map(Object.entries(testCase.linkStatus)) : undefined
  const result = checkFrameworks(loadFrameworks([dir, ...alongside], { parser }), { today: testCase.today ?? TEST_TODAY, only: [ruleId], ...(linkStatus ? { linkStatus } : {}) })
  const messages: ActualMessage[] = []
  for (const file of result.files) {
    if (path.relative(dir, path.resolve(file.path)).startsWith('..')) continue
    for (const message of file.messages) messages.push(describeMessage(dir, file.path, message))
  }
  rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true })
  return messages
}

/** The messages an invalid case expects, with the table's defaults filled in. */
export function expectedOf(table: RuleTable, testCase: InvalidCase): ActualMessage[] {
  return testCase.errors.map(({ cause, ...error }) => ({
    ruleId: table.rule,
    severity: table.severity,
    suggestions: [],
    ...error,
    ...(cause ? { cause } : {}),
  }))
}
