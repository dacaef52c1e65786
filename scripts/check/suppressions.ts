import type { SourceFile } from '../shared/source-file.ts'

/**
 * One occurrence an author chose to accept, written just above the line it concerns:
 *   <!-- thresholds-ignore-next-line level-has-contacts: the source gives no contacts here -->
 *   # thresholds-ignore-next-line level-has-contacts: ...      (inside front-matter)
 */
export interface InlineSuppression {
  file: SourceFile
  ruleId: string
  reason: string
  /** Line of the comment itself. */
  line: number
  column: number
  /** The line whose messages it suppresses. */
  target: number
  used: boolean
}

const DIRECTIVE = /(?:<!--|#)[ \t]*thresholds-ignore-next-line[ \t]+([a-z0-9-]+)(?:[ \t]*:[ \t]*(.*?))?[ \t]*(?:-->|$)/gm

export function findSuppressions(file: SourceFile): InlineSuppression[] {
  const found: InlineSuppression[] = []
  const lines = file.text.split(/\r\n|\r|\n/)
  for (const match of file.text.matchAll(DIRECTIVE)) {
    const start = file.toPoint(match.index)
    const end = file.toPoint(match.index + match[0].length)
    let target = end.line + 1
    while (target <= lines.length && (lines[target - 1] ?? '').trim() === '') target++
    found.push({ file, ruleId: match[1] ?? '', reason: (match[2] ?? '').trim(), line: start.line, column: start.column, target, used: false })
  }
  return found
}
