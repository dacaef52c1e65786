import { unified, type Processor } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import { defaultHandlers, toMarkdown, type Handle, type Options, type Unsafe } from 'mdast-util-to-markdown'
import { gfmToMarkdown } from 'mdast-util-gfm'
import type { Heading, Nodes, Parents, Root, RootContent, Text } from 'mdast'
import type { Position } from 'unist'
import { findAttributeBlock, type AttributeBlock } from '../shared/text.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { proseWithLinks } from './prose-with-links.ts'
import { plainParagraphs } from './plain-paragraphs.ts'
import { plainMarkdownFirst } from './plain-markdown.js'

// One per process, on purpose: the processor is frozen, so no run can change it for another (docs/architecture.md).
let processor: Processor<Root> | undefined

/** One processor for the whole run: building it costs more than parsing a small file. Plain texts are read without remark's parser, into the same tree (plain-markdown.js). */
export function markdownProcessor(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(plainMarkdownFirst).freeze() as unknown as Processor<Root>
  return processor
}

/** Deepest nesting of containers accepted; deeper input is refused before it can exhaust the stack. */
export const MAX_NESTING = 100

/**
 * Cheap pre-scan: deeply nested lists or quotes make the Markdown parser and any recursive walk
 * overflow the stack. Markers opened on one line and deep indentation are counted per line.
 * Lines are found without splitting the text (it runs on every file, each run): only a line long
 * enough to hold that many markers is taken out of it. Lines end at \r\n, \r or \n.
 */
export function nestingTooDeep(text: string): { line: number } | undefined {
  const lone = text.includes('\r')
  let line = 0
  let start = 0
  for (;;) {
    line++
    const feed = lone ? -1 : text.indexOf('\n', start)
    const end = lone ? lineEndAt(text, start) : feed === -1 ? text.length : feed
    if (end - start >= MAX_NESTING && lineTooDeep(text.slice(start, end))) return { line }
    if (end >= text.length) return undefined
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
}

/** Where the line starting at `start` ends: at its \r or \n, or the end of the text. */
function lineEndAt(text: string, start: number): number {
  let end = start
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++
  return end
}

function lineTooDeep(raw: string): boolean {
  // Container markers opening on one line (`- - - x`, `> > x`, `1. 1. x`) each add a level.
  const prefix = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$))*/.exec(raw)?.[0] ?? ''
  const markers = prefix.match(/(?:[-*+>]|\d{1,9}[.)])(?=[ \t]|$)/g)?.length ?? 0
  const indent = /^ */.exec(raw)?.[0].length ?? 0
  return markers > MAX_NESTING || indent > MAX_NESTING * 2
}

/** Parses in this thread, without limits: see bounded.ts for untrusted input. */
export function parseMarkdown(file: SourceFile): Root {
  return markdownProcessor().parse(file.text)
}

/**
 * Pristine trees by file text, kept by watch mode (`thresholds dev`) between runs of the
 * pipeline, so an edit re-parses just the file that changed. Reading changes a tree in place, so
 * what goes in and what comes out are deep copies.
 */
export class TreeMemo {
  private readonly trees = new Map<string, Root>()
  /** Texts parsed because they were not here (misses), so watch mode can say how many it parsed. */
  misses = 0

  has(text: string): boolean {
    return this.trees.has(text)
  }

  /** A copy of the tree of this text, if it is here. */
  take(text: string): Root | undefined {
    const tree = this.trees.get(text)
    return tree && copyTree(tree)
  }

  /** Keeps a copy of a tree just parsed (before reading changes it). */
  keep(text: string, tree: Root): void {
    this.misses++
    this.trees.set(text, copyTree(tree))
  }

  /** Keeps a tree parsed in an earlier process (the content cache's, cache/trees.ts): not a miss, and not read by anyone else. */
  restore(text: string, tree: Root): void {
    this.trees.set(text, tree)
  }

  /** Keeps only the trees of these texts (the files as they are now). */
  keepOnly(texts: ReadonlySet<string>): void {
    for (const text of this.trees.keys()) if (!texts.has(text)) this.trees.delete(text)
  }

  clear(): void {
    this.trees.clear()
  }
}

/** A deep copy of a syntax tree (plain objects and arrays only): several times faster than structuredClone. */
export function copyTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyTree) as T
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) copy[key] = copyTree((value as Record<string, unknown>)[key])
  return copy as T
}

/** Whether any of some nodes, or any node inside them, passes `test`. Walks with a stack, so deep input cannot exhaust it. */
export function someNode(nodes: readonly Nodes[], test: (node: Nodes) => boolean): boolean {
  const stack: Nodes[] = [...nodes]
  while (stack.length) {
    const node = stack.pop() as Nodes
    if (test(node)) return true
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
  }
  return false
}

export function plainText(node: Nodes): string {
  const words = wordsWithBreaks(node)
  // Words parted by single spaces already (most of them) are kept as they are, not rebuilt.
  return RUN_TO_COLLAPSE.test(words) ? words.replace(/\s+/g, ' ').trim() : words.trim()
}

/** The words of a node line by line as written: a hard line break ends a line as a plain one does. */
export function linesOf(node: Nodes): string[] {
  return wordsWithBreaks(node, '\n').split('\n')
}

/** Whitespace that `\s+` → “ ” would change: anything but a space, or a space followed by more. */
const RUN_TO_COLLAPSE = /[^\S ]| \s/

/**
 * The words of a node; a hard line break (two spaces or a backslash at a line's end) parts the
 * words around it. Leaves read as mdast-util-to-string reads them (image descriptions, no HTML).
 */
function wordsWithBreaks(node: Nodes, lineBreak = ' '): string {
  if (node.type === 'break') return lineBreak
  if ('children' in node) {
    let words = ''
    for (const child of node.children) words += wordsWithBreaks(child as Nodes, lineBreak)
    return words
  }
  if ('value' in node) return node.type === 'html' ? '' : (node.value ?? '')
  return ('alt' in node && node.alt) || ''
}

/** The last text node of a heading, paragraph or table cell, where an attribute block would be. */
function lastText(node: Parents): Text | undefined {
  const last = node.children.at(-1)
  if (!last) return undefined
  if (last.type === 'text') return last
  return undefined
}

export interface Attributed {
  /** Plain text without the attribute block. */
  text: string
  block: AttributeBlock | undefined
  /** Where the block sits, for messages about it. */
  blockPosition: Position | undefined
}

/**
 * Reads and removes a trailing `{#id key=value}` block from a heading, paragraph or cell.
 * The node is changed in place so the block never reaches generated Markdown.
 */
export function takeAttributes(node: Parents, file: SourceFile): Attributed {
  const text = lastText(node)
  let block: AttributeBlock | undefined
  let blockPosition: Position | undefined
  if (text) {
    block = findAttributeBlock(text.value)
    if (block) {
      const startOffset = (text.position?.start.offset ?? 0) + rawOffset(file, text, block.start)
      const endOffset = text.position?.end.offset ?? startOffset
      blockPosition = { start: file.toPoint(startOffset), end: file.toPoint(endOffset) }
      text.value = text.value.slice(0, block.start).trimEnd()
      if (text.value === '') node.children.pop()
    }
  }
  return { text: plainText(node as Nodes), block, blockPosition }
}

/**
 * Offset inside the source of a character of a text node's value. Text values can differ from
 * the source (escapes, entities), so search for the block from the end of the node's source.
 */
function rawOffset(file: SourceFile, text: Text, valueOffset: number): number {
  const start = text.position?.start.offset ?? 0
  const end = text.position?.end.offset ?? start
  const raw = file.text.slice(start, end)
  const brace = raw.lastIndexOf('{')
  return brace === -1 ? valueOffset : brace
}

export function headingText(node: Heading): string {
  return plainText(node)
}

/** Splits a run of nodes at headings of `depth` (or shallower). */
export function splitByHeading(nodes: RootContent[], depth: number): { before: RootContent[]; parts: Array<{ heading: Heading; body: RootContent[] }> } {
  const before: RootContent[] = []
  const parts: Array<{ heading: Heading; body: RootContent[] }> = []
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) parts.push({ heading: node, body: [] })
    else if (parts.length) parts.at(-1)?.body.push(node)
    else before.push(node)
  }
  return { before, parts }
}

export function minHeadingDepth(nodes: RootContent[]): number | undefined {
  let min: number | undefined
  for (const node of nodes) if (node.type === 'heading' && (min === undefined || node.depth < min)) min = node.depth
  return min
}

const isComment = (node: Nodes): boolean => node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)

/**
 * Joins the words either side of a removed inline comment: the spaces around it become one space
 * (a line break when they held one, as the author broke the line there), words the comment sat
 * inside with no space are joined, and no space is left at the ends.
 */
function closeGaps(children: Nodes[]): Nodes[] {
  const out: Nodes[] = []
  for (const child of children) {
    const last = out.at(-1)
    if (child.type === 'text' && last?.type === 'text') {
      const left = last.value.replace(/\s+$/, '')
      const right = child.value.replace(/^\s+/, '')
      const gap = last.value.slice(left.length) + child.value.slice(0, child.value.length - right.length)
      last.value = left + (gap === '' ? '' : gap.includes('\n') ? '\n' : ' ') + right
      continue
    }
    out.push(child.type === 'text' ? { ...child } : child)
  }
  const first = out[0]
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
  const end = out.at(-1)
  if (end?.type === 'text') end.value = end.value.replace(/\s+$/, '')
  return out.filter((child) => child.type !== 'text' || child.value !== '')
}

/**
 * Removes HTML comments (authors' notes) at any depth, inline ones included: they never reach
 * generated output. Walks with a stack, so deep input cannot exhaust it.
 */
export function withoutComments(source: RootContent[]): RootContent[] {
  // The trees stay as parsed, for the rules and the suppressions read from them: a copy is
  // changed, and only when some comment sits inside another node.
  const nested = someNode(source, (node) => 'children' in node && (node.children as Nodes[]).some(isComment))
  const nodes = nested ? copyTree(source) : source
  const stack: Nodes[] = [...nodes]
  while (stack.length) {
    const node = stack.pop() as Nodes
    if (!('children' in node)) continue
    const parent = node as Parents
    if (parent.children.some(isComment)) parent.children = closeGaps(parent.children.filter((child) => !isComment(child))) as typeof parent.children
    for (const child of parent.children) stack.push(child)
  }
  return nodes.filter((node) => !isComment(node))
}

// Made once: the serialiser compiles each extension's escaping patterns on first use and keeps
// them on the pattern, so a fresh extension per call compiled them again for every field.
const gfm = gfmToMarkdown()

/**
 * The serialiser's text handler, given only the escaping patterns whose character occurs in the
 * text or the characters either side of it. Each of the 91 patterns (CommonMark's and GFM's) is
 * otherwise searched for in every text; one whose character is absent cannot match, so the
 * escapes are the same, and the patterns keep their order.
 */
const textWithLikelyPatterns: Handle = (node, parent, state, info) => {
  const all = state.unsafe
  state.unsafe = patternsIn(all, `${info.before}${(node as Text).value}${info.after}`)
  try {
    return defaultHandlers.text(node as Text, parent, state, info)
  } finally {
    state.unsafe = all
  }
}

/** The patterns of `all` whose character occurs in `value` (every pattern's character is one ASCII character). */
function patternsIn(all: Unsafe[], value: string): Unsafe[] {
  const present = new Uint8Array(128)
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 128) present[code] = 1
  }
  return all.filter((pattern) => pattern.character.length !== 1 || pattern.character.charCodeAt(0) >= 128 || present[pattern.character.charCodeAt(0)] === 1)
}

/** The fixed style of generated Markdown (the text handler aside, which only saves time). */
export const SERIALISE_STYLE = {
  extensions: [gfm],
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  tightDefinitions: true,
} as const satisfies Options

/** Markdown text of some nodes, in one fixed style so output is the same whatever the author wrote. */
export function serialise(nodes: RootContent[]): string {
  // Authors' notes between the blocks are taken out first, so the blocks around them can still be written without the writer.
  const kept = nodes.some((node) => node.type === 'html') ? withoutComments(nodes) : nodes
  return plainParagraphs(kept) ?? proseWithLinks(kept) ?? serialiseTree(kept)
}

/** serialise through the Markdown writer, whatever the nodes (what plainParagraphs and proseWithLinks are tested against). */
export function serialiseTree(nodes: RootContent[]): string {
  const kept = withoutComments(nodes)
  if (kept.length === 0) return ''
  const root: Root = { type: 'root', children: kept }
  return toMarkdown(root, { ...SERIALISE_STYLE, handlers: { text: textWithLikelyPatterns } })
    // A soft break keeps the source's CRLF inside a text node; output is LF whatever the editor saved.
    .replace(/\r\n?/g, '\n')
    .trimEnd()
}
