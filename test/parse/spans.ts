import type { ParseContext } from '../../scripts/parse/context.ts'

/*
 * Every problem an in-memory build filed with its whole place and severity, for tests that
 * assert where a message starts and ends (problemsOf in in-memory.ts gives the start only).
 */

/** `file:line:column-line:column severity message [rule]`, in file order. */
export function spansOf(context: ParseContext): string[] {
  return [context.folder.folderFile, ...context.folder.files.map((file) => file.source)].flatMap((source) =>
    source.vfile.messages.map((message) => {
      const place = message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : `${message.line ?? 1}:${message.column ?? 1}`
      return `${source.relative}:${place} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId}]`
    }),
  )
}
