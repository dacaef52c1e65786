/**
 * Every Markdown field of a framework as an app shows it, worked out when the package is built so
 * the package needs no Markdown library: the Markdown with `#id` links pointed at their final
 * address, sanitised HTML, and plain text. A link entry's address is its URL once known; a
 * contact's is its `tel:` (or `mailto:`) address; anything else (a level, a pending link) has no
 * address outside the site, so its words stay and the link goes.
 */
export interface RenderedField {
  markdown: string
  html: string
  text: string
}
