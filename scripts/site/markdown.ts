import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import { relativeHref, safeExternalUrl, SAFE_SCHEMES, type SiteFramework } from './targets.ts'

/**
 * Markdown fields of the model (CommonMark + GFM, no raw HTML) as HTML trees. remark-rehype
 * drops any raw HTML that slipped past the no-raw-html rule, internal `#id` links are pointed
 * at the page that shows the id, and rehype-sanitize (GitHub's schema, with only https, mailto
 * and tel addresses) has the last word on every tree, so text can never become markup.
 */
let processor: Processor<MdastRoot, MdastRoot, HastRoot> | undefined

function markdownToHast(): Processor<MdastRoot, MdastRoot, HastRoot> {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkRehype).freeze() as unknown as Processor<MdastRoot, MdastRoot, HastRoot>
  return processor
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img'),
  attributes: {
    ...defaultSchema.attributes,
    span: [['className', 'pending-note']],
  },
  protocols: { ...defaultSchema.protocols, href: [...SAFE_SCHEMES] },
}
const sanitize = rehypeSanitize(schema)

export interface MarkdownPlace {
  site: SiteFramework
  /** The page being written, from the site root. */
  page: string
  /** Depth of the first heading inside the text (the text's own headings are moved down to it). */
  headingDepth?: number
}

/**
 * Trees by Markdown text, before links are pointed at a page: parsing is most of the cost of a
 * page, and most fields do not change between two rebuilds in watch mode. A hit is a deep copy,
 * since each page changes its tree. Bounded, so a long session cannot grow it without end.
 */
const parsed = new Map<string, HastRoot>()
const MAX_CACHED = 20_000

function parseField(text: string): HastRoot {
  const cached = parsed.get(text)
  if (cached) return structuredClone(cached)
  const md = markdownToHast()
  const tree = md.runSync(md.parse(text)) as HastRoot
  if (parsed.size >= MAX_CACHED) parsed.clear()
  parsed.set(text, structuredClone(tree))
  return tree
}

/** Renders one Markdown field to HTML nodes ready to place in a page. */
export function renderMarkdown(text: string | undefined, place: MarkdownPlace): ElementContent[] {
  if (!text) return []
  const tree = parseField(text)
  pointLinks(tree, place)
  const clean = sanitize(tree)
  unwrapLinksWithoutAddress(clean)
  shiftHeadings(clean, place.headingDepth ?? 3)
  return clean.children.filter((node): node is ElementContent => node.type !== 'doctype')
}

function isElement(node: RootContent | ElementContent): node is Element {
  return node.type === 'element'
}

function text(value: string): ElementContent {
  return { type: 'text', value }
}

/** Note shown after a link whose address nobody has filled in yet. */
export const PENDING_NOTE = '(link to follow)'

/** `#id` to the page showing that id; links.md entries to their address; images to their description. */
function pointLinks(tree: HastRoot | Element, place: MarkdownPlace): void {
  const children = tree.children as Array<RootContent | ElementContent>
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (!node || !isElement(node)) continue
    if (node.tagName === 'img') {
      // Images would be external assets: the description stands in for them.
      const alt = String(node.properties.alt ?? '')
      children.splice(index, 1, ...(alt ? [text(alt)] : []))
      index--
      continue
    }
    pointLinks(node, place)
    if (node.tagName !== 'a') continue
    const href = String(node.properties.href ?? '')
    if (!href.startsWith('#')) {
      if (!safeExternalUrl(href)) delete node.properties.href
      continue
    }
    const id = decodeFragment(href.slice(1))
    const target = place.site.targets.get(id)
    if (!target) {
      // A heading anchor the model does not keep (or `#` alone): keep the words, drop the link.
      delete node.properties.href
      continue
    }
    if (target.kind === 'page') {
      node.properties.href = relativeHref(place.page, target.page, target.anchor)
      continue
    }
    if (target.url) {
      node.properties.href = target.url
      continue
    }
    delete node.properties.href
    children.splice(index + 1, 0, text(' '), { type: 'element', tagName: 'span', properties: { className: ['pending-note'] }, children: [text(PENDING_NOTE)] })
    index += 2
  }
}

function decodeFragment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A link whose address was refused or is unknown becomes its words. */
function unwrapLinksWithoutAddress(tree: HastRoot | Element): void {
  const children = tree.children as Array<RootContent | ElementContent>
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (!node || !isElement(node)) continue
    unwrapLinksWithoutAddress(node)
    if (node.tagName === 'a' && node.properties.href === undefined) {
      children.splice(index, 1, ...node.children)
      index += node.children.length - 1
    }
  }
}

/** Moves the text's headings so its highest one sits at `depth`, keeping the outline (at most h6). */
function shiftHeadings(tree: HastRoot, depth: number): void {
  let highest = 7
  const visit = (node: HastRoot | Element, act: (element: Element) => void) => {
    for (const child of node.children) if (child.type === 'element') {
      act(child)
      visit(child, act)
    }
  }
  visit(tree, (element) => {
    const level = headingLevel(element)
    if (level) highest = Math.min(highest, level)
  })
  if (highest === 7) return
  const shift = depth - highest
  visit(tree, (element) => {
    const level = headingLevel(element)
    if (level) element.tagName = `h${Math.min(6, Math.max(1, level + shift))}`
  })
}

function headingLevel(element: Element): number | undefined {
  const match = /^h([1-6])$/.exec(element.tagName)
  return match ? Number(match[1]) : undefined
}
