import type { RootContent } from 'mdast'

// Most narrative fields are paragraphs of prose with nothing the Markdown writer escapes: written
// back, each paragraph is its own text. Those are written here without the writer (serialise in
// markdown.ts), which costs far more per field than the text is long; anything that might be
// escaped goes to the writer (test/parse/plain-paragraphs.test.ts compares both on random text).

/** Letters, digits, spaces, line breaks and punctuation that the writer never escapes in a paragraph, wherever it stands. */
const PROSE = /^[\p{L}\p{N} \n.,;:?'"’‘“”()/&-]+$/u
/** Escaped in some places: a literal autolink's `w.` (www.), `:/` (http://) and a character reference's `&x`. */
const ESCAPED_BETWEEN = /[Ww]\.|:\/|&[^ ]|&$/
/** Escaped at the start of a line: list markers, a table rule's `:-`, numbered items (`1.`, `2)`); spaces at either end of a line and blank lines are kept only by escaping. */
const ESCAPED_AT_LINE = /(?:^|\n)(?:[-:\d \n]|$)| (?:\n|$)/

/** The Markdown of `nodes` when each is a paragraph of plain prose, as serialise writes it; undefined otherwise. */
export function plainParagraphs(nodes: readonly RootContent[]): string | undefined {
  const texts: string[] = []
  for (const node of nodes) {
    if (node.type !== 'paragraph' || node.children.length !== 1) return undefined
    const [child] = node.children
    if (child?.type !== 'text' || !PROSE.test(child.value) || ESCAPED_BETWEEN.test(child.value) || ESCAPED_AT_LINE.test(child.value)) return undefined
    texts.push(child.value)
  }
  return texts.length ? texts.join('\n\n') : undefined
}
