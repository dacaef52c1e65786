import type { RenderedField } from './render-field.ts'

// Most fields are prose with no Markdown in them: parsing them (micromark with GFM), turning the
// tree into HTML and writing it back to Markdown gives the text itself, each paragraph in <p>.
// Such fields are rendered here without a parse; anything that might mean something to Markdown,
// to GFM or to the Markdown writer's escaping goes to the full path (render-field.ts).

/**
 * Anywhere in a field: Markdown and GFM syntax characters, character references, raw HTML and
 * autolinks (`<a`), GFM's literal autolinks (`www.`, `http://`, `a@b`) and what the writer escapes
 * for them (`w.x`), tabs, carriage returns and control characters.
 */
const SYNTAX = /[\\`*_[\]!|~#@=\t\r\0-\x08\v\f\x0e-\x1f\x7f]|&[#A-Za-z0-9]|<[!/?A-Za-z]|[Ww]\.|:\//
/** At the start of a line: list markers, block quotes, headings' underlines, numbered items (`1.`, `2)`) and GFM table rules (`:-`). */
const LINE_START = /^(?:[-+>]|:-|\d+[.)])/
const SPACE = /\s/

/** The field rendered as the full path renders it, when it is plain text; undefined otherwise. */
export function plainField(markdown: string): RenderedField | undefined {
  if (markdown === '' || SYNTAX.test(markdown)) return undefined
  const paragraphs = markdown.split('\n\n')
  for (const paragraph of paragraphs) {
    for (const line of paragraph.split('\n')) {
      // Blank lines (three line breaks in a row), indented lines and spaces before a line break all parse differently.
      if (line === '' || SPACE.test(line[0] as string) || SPACE.test(line[line.length - 1] as string) || LINE_START.test(line)) return undefined
    }
  }
  return {
    markdown,
    html: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
    text: markdown,
  }
}

/** As hast-util-to-html escapes text: `&` and `<` as hexadecimal references, nothing else. */
function escapeHtml(text: string): string {
  return text.replace(/[&<]/g, (character) => (character === '&' ? '&#x26;' : '&#x3C;'))
}
