import type { Position } from 'unist'
import type { Level } from '../model/types.ts'
import { levelName } from '../model/flat.ts'
import { renderMessage } from '../shared/messages.ts'
import { UNKNOWN_HEADING_MESSAGES } from '../shared/problems.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { closest } from '../shared/text.ts'
import type { ParseContext } from './context.ts'

/** Ways to name each of several levels that share a title: the label when they have one, else `{level=id}`. */
function unambiguousNames(levels: readonly Level[]): string[] {
  return levels.map((level) => level.label ?? `${level.title} {level=${level.id}}`)
}

function levelLabels(context: ParseContext): string[] {
  return context.flatLevels.flatMap(({ level }) => [...(level.label ? [level.label] : []), level.title, level.id])
}

/**
 * Reports a domain file's heading or a matrix column header that names no level, or several
 * levels sharing a title. The text always says what was expected; the names it may have meant go
 * in `expected`, which reporters show as “did you mean”.
 */
export function reportUnknownLevelName(
  context: ParseContext,
  file: SourceFile,
  position: Position | undefined,
  what: { heading: string; alsoLists?: boolean } | { column: string },
  ambiguous: readonly Level[] | undefined,
): void {
  const text = 'heading' in what ? what.heading : what.column
  const report = (id: keyof typeof UNKNOWN_HEADING_MESSAGES, data: Record<string, string | number>, expected: string[]) =>
    context.problem(file, position, renderMessage(UNKNOWN_HEADING_MESSAGES[id], data), 'unknown-heading', { expected, messageId: id, data })
  const slot: Record<string, string> = 'heading' in what ? { heading: text } : { column: text }
  if (ambiguous?.length) {
    const named = ambiguous.map((level) => `“${levelName(level)}” (${level.id})`)
    const first = ambiguous[0] as Level
    const fix = first.label ? `write the level's label, such as “${'heading' in what ? '## ' : ''}${first.label}”, or add {level=${first.id}}` : `add the level's id, such as “${text} {level=${first.id}}”`
    const data = { ...slot, count: ambiguous.length, levels: `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`, fix }
    report('heading' in what ? 'ambiguousHeading' : 'ambiguousColumn', data, unambiguousNames(ambiguous))
    return
  }
  const expected = closest(text, levelLabels(context))
  if (!('heading' in what)) report('noLevelColumn', slot, expected)
  else report(what.alsoLists ? 'noLevelOrList' : 'noLevel', slot, expected)
}
