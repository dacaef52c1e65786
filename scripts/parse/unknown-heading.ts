import type { Position } from 'unist'
import type { Level } from '../model/types.ts'
import { levelName } from '../model/flat.ts'
import { renderMessage } from '../shared/messages.ts'
import { UNKNOWN_HEADING_MESSAGES } from '../shared/problems.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { closest, normaliseLabel } from '../shared/text.ts'
import type { ParseContext } from './context.ts'

/** Ways to name each of several levels that share a title: the label when they have one, else `{level=id}`. */
function unambiguousNames(levels: readonly Level[]): string[] {
  return levels.map((level) => level.label ?? `${level.title} {level=${level.id}}`)
}

function levelLabels(context: ParseContext): string[] {
  return context.flatLevels.flatMap(({ level }) => [...(level.label ? [level.label] : []), level.title, level.id])
}

/**
 * A heading in two languages or with a printed name beside the title (“Early Help / Cymorth
 * Cynnar”) is too far from any level's name for a “did you mean”, but one of its parts names a
 * level: the fix that keeps the author's words is `{level=id}`.
 */
function namedInPart(context: ParseContext, text: string): string[] {
  const parts = text.split(/\s+[/|–—]\s+|\s*\/\s*/).filter(Boolean)
  if (parts.length < 2) return []
  const levels = new Set(parts.flatMap((part) => context.levelsByLabel.get(normaliseLabel(part)) ?? []))
  const [only] = levels
  return levels.size === 1 && only ? [`${text} {level=${only.id}}`] : []
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
  if (expected.length === 0) expected.push(...namedInPart(context, text))
  if (!('heading' in what)) report('noLevelColumn', slot, expected)
  else report(what.alsoLists ? 'noLevelOrList' : 'noLevel', slot, expected)
}
