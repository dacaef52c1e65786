import type { RootContent } from 'mdast'
import type { Completeness } from '../model/types.ts'
import { FILE_START, type SourceFile } from '../shared/source-file.ts'
import { place, type ParseContext } from './context.ts'
import { plainText } from './markdown.ts'

/**
 * “Partial in the source: …” or “Missing from the source: …”, a paragraph of its own: the source
 * document is incomplete here, and the reason. Written in words rather than a setting so that a
 * content owner can say it where the gap is: under a list's heading, or at the top of a page.
 */
const MARKER = /^(partial in the source|missing from the source)\s*:\s*/i

export function isCompletenessMarker(node: RootContent): boolean {
  return node.type === 'paragraph' && MARKER.test(plainText(node))
}

/** Takes the marker out of some nodes (it is data, not text to show) and reads it. */
export function takeCompleteness(context: ParseContext, file: SourceFile, nodes: RootContent[]): { completeness?: Completeness; rest: RootContent[] } {
  let completeness: Completeness | undefined
  const rest: RootContent[] = []
  for (const node of nodes) {
    if (!isCompletenessMarker(node)) {
      rest.push(node)
      continue
    }
    place(context, [node])
    const words = plainText(node)
    const match = MARKER.exec(words)
    const status = match?.[1]?.toLowerCase().startsWith('partial') ? 'partial' : 'missing'
    const reason = words.slice(match?.[0].length ?? 0).trim()
    if (completeness) {
      context.problem(file, node.position, 'This part already says the source is incomplete, expected one “Partial in the source:” or “Missing from the source:” line per list or page', 'misplaced-content')
      continue
    }
    if (!reason) {
      context.problem(file, node.position, `“${words}” gives no reason, expected what is missing and why, such as “Partial in the source: the web version stops after page 12”`, 'misplaced-content')
      continue
    }
    completeness = { status, reason: reason.length > 500 ? `${reason.slice(0, 499)}…` : reason }
    // The warning that lists the gap points at this line.
    context.places.set(completeness, { file, position: node.position ?? FILE_START })
  }
  return completeness ? { completeness, rest } : { rest }
}
