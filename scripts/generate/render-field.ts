import type { Root as HastRoot } from 'hast'
import type { Link as MdastLink, Root as MdastRoot, RootContent } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toHast } from 'mdast-util-to-hast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { toString } from 'mdast-util-to-string'
import { toHtml } from 'hast-util-to-html'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { schemeOf } from '../shared/addresses.ts'
import { plainField } from './plain-field.ts'
import type { RenderedField } from './rendered-field.ts'

// One Markdown field rendered for apps. Kept apart from markdown.ts, which reads the model, so the
// render worker (render-worker.ts) loads only this and the Markdown libraries.

export const SAFE_SCHEMES = ['https', 'mailto', 'tel']

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img'),
  protocols: { ...defaultSchema.protocols, href: SAFE_SCHEMES },
  // Ids and names would clash with the app's own page.
  clobber: [],
  clobberPrefix: '',
}
const sanitize = rehypeSanitize(sanitizeSchema)
const parser = unified().use(remarkParse).use(remarkGfm).freeze()

// GFM finds literal autolinks (`www.x.org`, `https://x.org`, `a@b.c`) in a pass over every text
// node after the parse. A field whose Markdown holds none of their letters, no `@` and no character
// reference (which could spell them) has none, so it is parsed without that pass.
const parserWithoutLiteralLinks = unified().use(remarkParse).use(remarkGfm).use(withoutLiteralLinkPass).freeze()
const MAY_HOLD_LITERAL_LINK = /[@&]|www|http/i

/** The field's tree, as remark-parse with remark-gfm gives it. */
export function parseField(markdown: string): MdastRoot {
  return (MAY_HOLD_LITERAL_LINK.test(markdown) ? parser : parserWithoutLiteralLinks).parse(markdown)
}

/** Drops the tree transforms remark-gfm adds: GFM's only one is the literal autolinks' pass. */
function withoutLiteralLinkPass(this: Processor): void {
  const data = this.data()
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((extensions) =>
    (Array.isArray(extensions) ? extensions : [extensions]).map((extension) => ({ ...extension, transforms: [] })),
  )
}

// Made once, as serialise() in parse/markdown.ts does: its escaping patterns are compiled once.
const gfm = gfmToMarkdown()

export function renderField(markdown: string, addresses: ReadonlyMap<string, string | undefined>): RenderedField {
  return plainField(markdown, addresses) ?? renderParsed(markdown, addresses)
}

/** The full path, for any field: parsed, links pointed, then written as HTML, Markdown and text. */
export function renderParsed(markdown: string, addresses: ReadonlyMap<string, string | undefined>): RenderedField {
  const tree = parseField(markdown)
  pointLinks(tree, addresses)
  const hast = toHast(tree) as HastRoot
  const html = toHtml(sanitize(hast) as HastRoot)
  return {
    markdown: toMarkdown(tree, { extensions: [gfm] }).trimEnd(),
    html,
    text: plainText(tree),
  }
}

/** Images become their description, links without a safe address their words; raw HTML goes. */
function pointLinks(node: MdastRoot | Extract<RootContent, { children: unknown }>, addresses: ReadonlyMap<string, string | undefined>): void {
  const children = node.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!child) continue
    if (child.type === 'html') {
      // Raw HTML is refused in sources (no-raw-html); should any reach here, no output keeps it.
      children.splice(index, 1)
      index--
      continue
    }
    if (child.type === 'image') {
      children.splice(index, 1, ...(child.alt ? [{ type: 'text' as const, value: child.alt }] : []))
      index--
      continue
    }
    if (child.type === 'link') {
      const address = linkAddress(child, addresses)
      if (address === undefined) {
        children.splice(index, 1, ...child.children)
        index--
        continue
      }
      child.url = address
    }
    if ('children' in child) pointLinks(child, addresses)
  }
}

function linkAddress(link: MdastLink, addresses: ReadonlyMap<string, string | undefined>): string | undefined {
  if (link.url.startsWith('#')) return addresses.get(link.url.slice(1))
  return SAFE_SCHEMES.includes(schemeOf(link.url) ?? '') ? link.url : undefined
}

/** Paragraphs apart by a blank line, each list item and table row on a line of its own. */
function plainText(tree: MdastRoot): string {
  const block = (node: RootContent): string => {
    if (node.type === 'list') return node.children.map((item) => toString(item, { includeImageAlt: true })).join('\n')
    if (node.type === 'table') return node.children.map((row) => row.children.map((cell) => toString(cell)).join(' | ')).join('\n')
    if (node.type === 'blockquote') return node.children.map(block).join('\n\n')
    if (node.type === 'thematicBreak') return ''
    return toString(node, { includeImageAlt: true })
  }
  return tree.children.map(block).filter((text) => text !== '').join('\n\n')
}
