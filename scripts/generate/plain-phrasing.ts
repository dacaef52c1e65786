import type { RenderedField } from './rendered-field.ts'

// The words of a paragraph, a list item or a table cell as the fast path renders them
// (plain-field.ts): plain text with `#id` links, or undefined when Markdown, GFM or the Markdown
// writer might read or write them otherwise.

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
/** The words of a paragraph, a list item or a table cell (lines of plain text with `#id` links), or undefined when they might be more. */
export function phrasing(markdown: string, addresses: ReadonlyMap<string, string | undefined>): RenderedField | undefined {
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
