import type { Link, List, Paragraph, PhrasingContent, RootContent, Table, TableCell } from 'mdast'

// Narrative fields that are more than plain paragraphs (plain-paragraphs.ts) are mostly
// paragraphs of prose with links in them, bullet lists of such paragraphs, and tables of plain
// cells. Those are written
// here without the Markdown writer, as it writes them; anything the writer might escape or write
// another way goes to it (test/parse/prose-with-links.test.ts compares both on random trees).

/** Letters, digits, spaces, line breaks and punctuation that the writer never escapes in a paragraph, wherever it stands. */
const PROSE = /^[\p{L}\p{N} \n.,;:?'"’‘“”()/&-]+$/u
/** Escaped in some places: a literal autolink's `w.` (www.), `:/` (http://) and a character reference's `&x`. */
const ESCAPED_BETWEEN = /[Ww]\.|:\/|&[^ ]|&$/
/** Escaped at the start of a line: list markers, a table rule's `:-`, numbered items (`1.`, `2)`), spaces and blank lines. */
const ESCAPED_AFTER_BREAK = /\n(?:[-:\d \n]|$)/
/** The same at the very start of a text that starts a line. */
const ESCAPED_AT_START = /^(?:[-:\d \n]|$)/
/** Spaces at the end of a line are kept only by escaping. */
const SPACE_BEFORE_BREAK = / \n/
/** A link's address written as it is: no space, bracket, quote, `&` or anything the writer escapes or encloses. */
const PLAIN_ADDRESS = /^[A-Za-z0-9#/._:-]+$/

/** The Markdown of `nodes` when each is a paragraph of prose and links, a tight bullet list of such paragraphs or a table of such cells; undefined otherwise. */
export function proseWithLinks(nodes: readonly RootContent[]): string | undefined {
  if (nodes.length === 0) return undefined
  const blocks: string[] = []
  let previous: RootContent | undefined
  for (const node of nodes) {
    // A list right after a list takes the other bullet: left to the writer.
    const block =
      node.type === 'paragraph' ? paragraphText(node) : node.type === 'list' && previous?.type !== 'list' ? listText(node) : node.type === 'table' ? tableText(node) : undefined
    if (block === undefined) return undefined
    blocks.push(block)
    previous = node
  }
  return blocks.join('\n\n')
}

/** A tight bullet list whose items are each one paragraph: `- ` before each, its further lines indented by two spaces. */
function listText(list: List): string | undefined {
  if (list.ordered || list.spread || list.children.length === 0) return undefined
  const items: string[] = []
  for (const item of list.children) {
    const [only] = item.children
    if (item.children.length !== 1 || only?.type !== 'paragraph' || (item.checked !== null && item.checked !== undefined)) return undefined
    const text = paragraphText(only)
    if (text === undefined) return undefined
    items.push(`- ${text.replaceAll('\n', '\n  ')}`)
  }
  return items.join('\n')
}

/**
 * A table whose columns have no alignment and whose rows all have a cell for each column, each
 * cell prose and links on one line, laid out as the writer's table extension does: each column as
 * wide as its widest cell (at least one character), cells padded with spaces after them, and a
 * rule of hyphens under the first row.
 */
function tableText(table: Table): string | undefined {
  const columns = table.align?.length ?? 0
  if (columns === 0 || table.align?.some((align) => align !== null && align !== undefined) || table.children.length === 0) return undefined
  const rows: string[][] = []
  const widths: number[] = new Array<number>(columns).fill(1)
  for (const row of table.children) {
    if (row.children.length !== columns) return undefined
    const cells: string[] = []
    for (const [column, cell] of row.children.entries()) {
      const text = cell.children.length === 0 ? '' : paragraphText(cell)
      if (text === undefined || text.includes('\n')) return undefined
      cells.push(text)
      widths[column] = Math.max(widths[column] as number, text.length)
    }
    rows.push(cells)
  }
  const line = (cells: readonly string[]) => `|${cells.map((cell, column) => ` ${cell.padEnd(widths[column] as number)} |`).join('')}`
  const lines = rows.map(line)
  lines.splice(1, 0, line(widths.map((width) => '-'.repeat(width))))
  return lines.join('\n')
}

/** A paragraph (or a table cell) of texts and links, each text checked for what the writer would escape where it stands. */
function paragraphText(paragraph: Paragraph | TableCell): string | undefined {
  const children = paragraph.children
  if (children.length === 0) return undefined
  let written = ''
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent
    if (child.type === 'link') {
      const link = linkText(child)
      if (link === undefined) return undefined
      written += link
      // Two texts side by side (never so when parsed) could make an escape between them: left to the writer.
    } else if (child.type === 'text' && children[index - 1]?.type !== 'text' && plainText(child.value, index === 0, index === children.length - 1)) written += child.value
    else return undefined
  }
  return written
}

/** Whether a text of a paragraph is written as it is; `first` starts the paragraph's line, `last` ends it. */
function plainText(value: string, first: boolean, last: boolean): boolean {
  if (!PROSE.test(value) || ESCAPED_BETWEEN.test(value) || ESCAPED_AFTER_BREAK.test(value) || SPACE_BEFORE_BREAK.test(value)) return false
  if (first && ESCAPED_AT_START.test(value)) return false
  // A text after a link cannot start a line: the link ends it. Nor end one, before a link.
  return !(last && (value.endsWith(' ') || value.endsWith('\n')))
}

/** `[words](address)` for a link of one plain text, no title, that the writer would not write as `<address>`. */
function linkText(link: Link): string | undefined {
  const [only] = link.children
  if (link.children.length !== 1 || only?.type !== 'text' || (link.title !== null && link.title !== undefined)) return undefined
  const words = only.value
  if (!PLAIN_ADDRESS.test(link.url) || words === link.url || `mailto:${words}` === link.url) return undefined
  // Between `[` and `]`: neither starts nor ends a line.
  if (words.includes('\n') || !plainText(words, false, false)) return undefined
  return `[${words}](${link.url})`
}
