// What the framework workers (framework-worker.ts) and the main thread (framework-workers.ts) pass
// each other: a file of its own, so the main thread never loads the worker's entry.
import type { MessagePort } from 'node:worker_threads'
import type { Suppression } from '../check/runner.ts'
import type { Framework } from '../model/types.ts'
import type { FileKind } from '../parse/read.ts'
import type { StoredMessage } from '../shared/diagnostics.ts'

/** A source file as the worker rebuilds it: its text is `text` in the shared texts (-1: none). */
export interface FileShape {
  path: string
  relative: string
  text: number
}

/** A framework folder as read on the main thread, without its texts (shared once, see FrameworkQueue). */
export interface FolderShape {
  id: string
  dir: string
  folderFile: FileShape
  files: Array<FileShape & { kind: FileKind; readable: boolean; digest?: string }>
  unread: FileShape[]
}

/** What the workers of one run share. */
export interface FrameworkQueue {
  /** Every text, one after another in UTF-8; `ends[i]` is where text i ends. */
  bytes: SharedArrayBuffer
  ends: Float64Array
  /** Each text's state: 0 (not started), PARSING or PARSED (parsed, or failed with the parser's own error). */
  status: Int32Array
  /** The next folder to take. */
  next: Int32Array
  /** Per lane: milliseconds spent parsing, and when the parse under way started (0: none), in ms since the epoch. */
  parseMs: Float64Array
  parseSince: Float64Array
}

export const PARSING = 1
export const PARSED = 2

export interface FrameworkWorkerData {
  port: MessagePort
  queue: FrameworkQueue
  lane: number
  folders: FolderShape[]
  rules: { today: string; only?: readonly string[] }
}

/** One framework built: its model, what the comparing rules read of it, and its files' new messages (by sourcesOf index). */
export interface BuiltReply {
  index: number
  framework: Framework
  compared: string
  messages: StoredMessage[][]
  /** How many of each file's messages came before the rules ran (reading and parsing). */
  parseCounts: number[]
}

/** The comparing rules run: each framework's new messages and suppressions. */
export interface FinishedReply {
  index: number
  messages: StoredMessage[][]
  suppressed: Suppression[]
}

export type WorkerReply = { ready: true } | { built: BuiltReply } | { done: true } | { finished: FinishedReply[] } | { failed: string }
