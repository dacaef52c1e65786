import type { RenderedField } from './rendered-field.ts'

// Most fields are prose with no Markdown in them but `#id` links, and bullet lists of such prose:
// parsing them (micromark with GFM), turning the tree into HTML and writing it back to Markdown
// gives the text itself, each paragraph in <p>, each list in <ul> with an <li> per item, each link
// as its words or an <a> to its address. Such fields are rendered here without a parse; anything
// that might mean something else to Markdown, to GFM or to the Markdown writer's escaping goes to
// the full path (render-field.ts).

/**
 * Anywhere in a field's words: Markdown and GFM syntax characters, character references, raw HTML
 * and autolinks (`<a`), GFM's literal autolinks (`www.`, `http://`, `a@b`) and what the writer
 * escapes for them (`w.x`), tabs, carriage returns and control characters.
 */
const SYNTAX = /[\\`*_[\]!|~#@=\t\r\0-\x08\v\f\x0e-\x1f\x7f]|&[#A-Za-z0-9]|<[!/?A-Za-z]|[Ww]\.|:\//
/** At the start of a line: list markers, block quotes, headings' underlines, numbered items (`1.`, `2)`) and GFM table rules (`:-`). */
const LINE_START = /^(?:[-+>]|:-|\d+[.)])/
const SPACE = /\s/
/** A link to an id with words on one line and no brackets: `[words](#id)`. */
const LINK = /\[([^[\]\n]+)\]\(#([A-Za-z0-9-]+)\)/g
/** An address no step changes or escapes: written as it is in Markdown and in an `href`. */
const PLAIN_ADDRESS = /^(?:https:\/\/|mailto:|tel:)[A-Za-z0-9./:+@?=-]*$/
/** A bullet list item as the fast path takes it: `- ` and the item's words on one line. */
const BULLET = '- '

/**
 * The field rendered as the full path renders it, when it is paragraphs of plain text with `#id`
 * links, or bullet lists of such items (each link's address from `addresses`, as the full path
 * takes it); undefined otherwise.
 */
export function plainField(markdown: string, addresses: ReadonlyMap<string, string | undefined>): RenderedField | undefined {
  const blocks: RenderedField[] = []
  let afterList = false
  // Blocks are apart by one blank line; more blank lines, or one at either end, leave an empty block, which goes to the full path.
  for (const block of markdown.split('\n\n')) {
    const lines = block.split('\n')
    const list = lines.every((line) => line.startsWith(BULLET))
    // Two lists apart by a blank line are one loose list.
    if (list && afterList) return undefined
    afterList = list
    const rendered = list ? bulletList(lines, addresses) : paragraph(block, addresses)
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

/** The words of a paragraph or a list item (lines of plain text with `#id` links), or undefined when they might be more. */
function phrasing(markdown: string, addresses: ReadonlyMap<string, string | undefined>): RenderedField | undefined {
  // The words as read: each link as its words.
  const text = markdown.includes('](#') ? markdown.replace(LINK, '$1') : markdown
  if (text === '' || SYNTAX.test(text)) return undefined
  for (const line of text.split('\n')) {
    // Blank lines, indented lines and spaces before a line break all parse differently.
    if (line === '' || SPACE.test(line[0] as string) || SPACE.test(line[line.length - 1] as string) || LINE_START.test(line)) return undefined
  }
  let html = ''
  let written = ''
  let from = 0
  for (const link of markdown.matchAll(LINK)) {
    const [whole, words, id] = link as unknown as [string, string, string]
    if (SPACE.test(words[0] as string) || SPACE.test(words[words.length - 1] as string)) return undefined
    const address = addresses.get(id)
    const before = markdown.slice(from, link.index)
    from = link.index + whole.length
    if (address === undefined) {
      html += escapeHtml(before + words)
      written += before + words
      continue
    }
    // A link whose words are its address is written as an autolink (`<https://…>`).
    if (!PLAIN_ADDRESS.test(address) || address === words || address === `mailto:${words}`) return undefined
    html += `${escapeHtml(before)}<a href="${address}">${escapeHtml(words)}</a>`
    written += `${before}[${words}](${address})`
  }
  html += escapeHtml(markdown.slice(from))
  written += markdown.slice(from)
  return { markdown: written, html, text }
}

/** As hast-util-to-html escapes text: `&` and `<` as hexadecimal references, nothing else. */
function escapeHtml(text: string): string {
  return text.replace(/[&<]/g, (character) => (character === '&' ? '&#x26;' : '&#x3C;'))
}
