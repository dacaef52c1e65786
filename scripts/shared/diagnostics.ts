import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Position } from 'unist'
import type { SourceFile } from './source-file.ts'

export type Severity = 'error' | 'warning'

/** The values a rule's message template was filled with, by slot name. */
export type MessageData = Readonly<Record<string, string | number>>

declare module 'vfile-message' {
  interface VFileMessage {
    /** The rule's id for this message (see a rule's `messages`); absent on problems found while reading. */
    messageId?: string
    /** The values in the message's slots. */
    data?: MessageData
  }
}
export type ConfiguredSeverity = Severity | 'off'

export const PROJECT_URL = 'https://github.com/thresholds/thresholds'
export const DOCS_BASE = `${PROJECT_URL}/blob/main/docs/rules.md`

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}#${ruleId}`
}

export interface MessageOptions {
  /** Values that would have been right: shown as “did you mean”, and in JSON as `suggestion`. */
  expected?: string[]
  /** Another place that explains this one (“first defined here”). */
  cause?: { file: SourceFile; position: Position; message: string }
  /** A note for the reader that is not part of the one-line reason. */
  note?: string
}

/** What the runner adds to a rule's options: which of the rule's messages this is, and its data. */
export interface FiledOptions extends MessageOptions {
  messageId?: string
  data?: MessageData
}

/**
 * Files a positioned message on a source file. Only the rule runner and the parser call this:
 * they stamp the rule id, severity, source and docs url so that rules never do.
 */
export function fileMessage(
  file: SourceFile,
  position: Position | undefined,
  reason: string,
  ruleId: string,
  severity: Severity,
  options: FiledOptions = {},
): VFileMessage {
  const { cause, expected, note, messageId, data } = options
  return restoreMessage(file.vfile, {
    reason,
    ...(position ? { place: position } : {}),
    ruleId,
    ...(messageId ? { messageId, data: { ...data } } : {}),
    fatal: severity === 'error',
    ...(expected?.length ? { expected } : {}),
    ...(note ? { note } : {}),
    ...(cause ? { cause: { message: cause.message, file: cause.file.path, place: cause.position } } : {}),
  })
}

export function severityOf(message: VFileMessage): Severity | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** A message as plain JSON, for the content cache: everything fileMessage sets, nothing derived. */
export interface StoredMessage {
  reason: string
  place?: Position | { line: number; column: number }
  ruleId: string
  messageId?: string
  data?: MessageData
  fatal: boolean | null | undefined
  expected?: string[]
  note?: string
  cause?: { message: string; file: string; place: Position | undefined }
}

export function storeMessage(message: VFileMessage): StoredMessage {
  const cause = message.cause as (Error & { file?: string; place?: Position }) | undefined
  return {
    reason: message.reason,
    ...(message.place ? { place: message.place } : {}),
    ruleId: message.ruleId ?? '',
    ...(message.messageId ? { messageId: message.messageId, data: message.data ?? {} } : {}),
    fatal: message.fatal,
    ...(message.expected ? { expected: message.expected } : {}),
    ...(message.note ? { note: message.note } : {}),
    ...(cause ? { cause: { message: cause.message, file: cause.file ?? '', place: cause.place } } : {}),
  }
}

/** Files a message, new (through fileMessage) or stored by the content cache, on a file. */
export function restoreMessage(file: VFile, stored: StoredMessage): VFileMessage {
  const cause = stored.cause ? Object.assign(new Error(stored.cause.message), { file: stored.cause.file, place: stored.cause.place }) : undefined
  const message = file.message(stored.reason, { place: stored.place, ruleId: stored.ruleId, source: 'thresholds', cause })
  message.fatal = stored.fatal
  message.url = docsUrl(stored.ruleId)
  if (stored.messageId) {
    message.messageId = stored.messageId
    message.data = stored.data ?? {}
  }
  if (stored.expected) message.expected = stored.expected
  if (stored.note) message.note = stored.note
  return message
}
