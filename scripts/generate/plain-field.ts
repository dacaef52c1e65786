import { phrasing } from './plain-phrasing.ts'
import { plainTable } from './plain-table.ts'
import type { RenderedField } from './rendered-field.ts'

// Most fields are prose with no Markdown in them but `#id` links, bullet lists and tables of such
// prose: parsing them (micromark with GFM), turning the tree into HTML and writing it back to
// Markdown gives the text itself, each paragraph in <p>, each list in <ul> with an <li> per item,
// each table as plain-table.ts writes it, each link as its words or an <a> to its address. Such fields are rendered here without a parse; anything
// that might mean something else to Markdown, to GFM or to the Markdown writer's escaping goes to
// the full path (render-field.ts).

/** A bullet list item as the fast path takes it: `- ` and the item's words on one line. */
const BULLET = '- '

/**
 * The field rendered as the full path renders it, when it is paragraphs of plain text with `#id`
 * links, bullet lists of such items or tables of such cells (each link's address from `addresses`, as the full path
 * takes it); undefined otherwise.
 */
export function plainField(markdown: string, addresses: ReadonlyMap<string, string | undefined>): RenderedField | undefined {
  const blocks: RenderedField[] = []
  let afterList = false
  // Blocks are apart by one blank line; more blank lines, or one at either end, leave an empty block, which goes to the full path.
  for (const block of markdown.split('\n\n')) {
    const lines = block.split('\n')
    const table = block.startsWith('|')
    const list = !table && lines.every((line) => line.startsWith(BULLET))
    // Two lists apart by a blank line are one loose list.
    if (list && afterList) return undefined
    afterList = list
    const rendered = table ? plainTable(lines, addresses) : list ? bulletList(lines, addresses) : paragraph(block, addresses)
    if (!rendered) return undefined
    blocks.push(rendered)
  }
  return {
    markdown: blocks.map((block) => block.markdown).join('\n\n'),
    html: blocks.map((block) => block.html).join('\n'),
    text: blocks.map((block) => block.text).join('\n\n'),
  }
}

function paragraph(block: string, addresses: ReadonlyMap<string, string | undefined>): RenderedField | undefined {
  const words = phrasing(block, addresses)
  return words && { ...words, html: `<p>${words.html}</p>` }
}

/** A tight bullet list: the writer's bullet is `*`, the text its items' words a line each. */
function bulletList(lines: readonly string[], addresses: ReadonlyMap<string, string | undefined>): RenderedField | undefined {
  const items: RenderedField[] = []
  for (const line of lines) {
    const item = phrasing(line.slice(BULLET.length), addresses)
    if (!item) return undefined
    items.push(item)
  }
  return {
    markdown: items.map((item) => `* ${item.markdown}`).join('\n'),
    html: `<ul>\n${items.map((item) => `<li>${item.html}</li>`).join('\n')}\n</ul>`,
    text: items.map((item) => item.text).join('\n'),
  }
}

