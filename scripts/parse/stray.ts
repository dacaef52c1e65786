import type { Nodes, RootContent } from 'mdast'
import type { Position } from 'unist'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import { isPlaceholder } from './resolve.ts'
import { allowedProperties, getValidators } from '../model/schemas.ts'
import type { SourceFile } from '../shared/source-file.ts'
import type { LinkUse, ParseContext } from './context.ts'
import type { FrameworkFile } from './read.ts'
import { classifyAddress, isDrivePath, SAFE_SCHEMES } from '../shared/addresses.ts'
import { addressName, eachNode } from './walk.ts'

/*
 * Markup that did not become what the author meant. Each of these is valid Markdown, so the
 * parser would quietly turn it into words and publish it: a setting outside the front-matter, a
 * table row cut off from its table, an author's note whose “<!--” or “-->” is missing, an id
 * block cut short. Each is reported where it is written.
 */

function shorten(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text
}

/** Start offsets and text of the lines a node covers in the source. */
function linesOf(file: SourceFile, node: { position?: Position }): Array<{ offset: number; text: string }> {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return []
  const out: Array<{ offset: number; text: string }> = []
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g
  pattern.lastIndex = start
  while (pattern.lastIndex < end) {
    const match = pattern.exec(file.text)
    if (!match || match[0] === '') break
    out.push({ offset: match.index, text: match[0].replace(/[\r\n]+$/, '') })
  }
  return out
}

/** Whether `character` is written anywhere in the node's source: a line that must hold it cannot be there otherwise, so its lines need not be read. */
function holds(file: SourceFile, node: { position?: Position }, character: string): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return false
  // Searched within the node only: searching on from its start to the file's end made a long file
  // with many paragraphs and no such character cost time growing with the square of its length.
  return file.text.slice(start, end).includes(character)
}

function span(file: SourceFile, offset: number, length: number): Position {
  return { start: file.toPoint(offset), end: file.toPoint(offset + length) }
}

/** A line that would be a setting of this kind of file's front-matter; undefined when it has none. */
function settingLine(file: FrameworkFile): RegExp | undefined {
  if (file.kind === 'rules') return undefined
  const keys = allowedProperties(getValidators().frontMatter[file.kind].schema)
  if (keys.length === 0) return undefined
  return new RegExp(`^[ ]{0,3}(?:${keys.join('|')})[ \\t]*:(?:[ \\t]|$)`)
}

/** Files the problems of one check, to be filed in the order that check found them. */
type Filer = Pick<ParseContext, 'problem'>

/**
 * Settings of this kind of file written as lines of paragraphs or setext headings below the
 * front-matter: paragraphs at any depth, as a line that slips under a bullet point joins its paragraph.
 */
function straySetting(context: Filer, file: FrameworkFile, setting: RegExp, node: Nodes): void {
  if (node.type !== 'paragraph' && node.type !== 'heading') return
  if (!holds(file.source, node, ':')) return
  for (const line of linesOf(file.source, node)) {
    if (!setting.test(line.text)) continue
    context.problem(
      file.source,
      span(file.source, line.offset, line.text.length),
      `“${shorten(line.text.trim())}” looks like a setting but is outside the front-matter, expected it between the two “---” lines at the top of the file`,
      'misplaced-content',
    )
    return
  }
}

/**
 * Table rows that are not what they seem: lines that look like rows inside a paragraph (a row cut
 * off from its table, or a table without its `| --- |` line), and lines without any “|” that
 * the table swallowed as rows because no blank line ends it.
 */
function strayTableRow(context: Filer, file: SourceFile, node: Nodes): void {
  if (node.type === 'table') {
    for (const row of node.children.slice(1)) {
      const [line] = linesOf(file, row)
      if (!line || line.text.includes('|')) continue
      context.problem(
        file,
        span(file, line.offset, line.text.length),
        `“${shorten(line.text.trim())}” is read as a row of the table above because no blank line ends the table, expected a blank line before it (or “|” between its cells if it is a row)`,
        'misplaced-content',
      )
      return
    }
    return
  }
  if (node.type !== 'paragraph' || !holds(file, node, '|')) return
  for (const line of linesOf(file, node)) {
    if (!/^[ ]{0,3}\|.*\|/.test(line.text)) continue
    context.problem(
      file,
      span(file, line.offset, line.text.length),
      `“${shorten(line.text.trim())}” looks like a table row but is not part of a table, expected it under the table's header row and “| --- |” line, with no blank line between rows`,
      'misplaced-content',
    )
    return
  }
}

const COMMENT = /<!--[\s\S]*?-->/g

/**
 * Raw HTML is refused: apps show the model's Markdown as it is, so HTML in it could run in their
 * pages. Comments are authors' notes and are dropped, but only when they are whole: a comment
 * without its “-->” runs on and would be published, and so would the second half of one without
 * its “<!--”.
 */
function rawHtml(context: Filer, file: SourceFile, node: Nodes): void {
  if (node.type === 'html') {
    const value = node.value
    const at = node.position
    if (/^\s*<!--/.test(value)) {
      if (!value.includes('-->'))
        context.problem(file, at, 'This comment has no closing “-->”, so it runs on and everything after it would be published, expected “<!-- note -->” with both ends', 'raw-html')
      else if (value.replace(COMMENT, '').trim() !== '')
        context.problem(file, at, `Text follows a comment on the same line (“${shorten(value.replace(COMMENT, '').trim())}”), expected the comment on lines of its own`, 'raw-html')
      return
    }
    context.problem(file, at, `Raw HTML (“${shorten(value.trim())}”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages`, 'raw-html')
    return
  }
  if (node.type !== 'text') return
  const open = node.value.indexOf('<!--')
  const close = node.value.indexOf('-->')
  if (open === -1 && close === -1) return
  const marker = close !== -1 && (open === -1 || close < open) ? '-->' : '<!--'
  const raw = node.position ? file.text.slice(node.position.start.offset, node.position.end.offset) : ''
  const index = raw.indexOf(marker)
  const where = index !== -1 && node.position?.start.offset !== undefined ? span(file, node.position.start.offset + index, marker.length) : node.position
  context.problem(
    file,
    where,
    marker === '-->'
      ? '“-->” ends a comment that was never started, expected “<!--” at the start of the note (write “→” for an arrow)'
      : '“<!--” starts a comment that is never ended, expected “-->” at the end of the note',
    'raw-html',
  )
}

/**
 * Everything in this module, for one parsed file: the three checks in one walk of its nodes, each
 * check's problems filed after the walk, in the order of the three walks they once took.
 */
export function reportStrayMarkup(context: ParseContext, file: FrameworkFile, body: readonly RootContent[]): void {
  const setting = settingLine(file)
  const found: Array<Array<Parameters<ParseContext['problem']>>> = [[], [], []]
  const [settings, rows, html] = found.map((list): Filer => ({ problem: (...problem) => void list.push(problem) })) as [Filer, Filer, Filer]
  eachNode(body as Nodes[], (node) => {
    if (setting) straySetting(settings, file, setting, node)
    strayTableRow(rows, file.source, node)
    rawHtml(html, file.source, node)
  })
  for (const list of found) for (const problem of list) context.problem(...problem)
}

/**
 * Runs once every file has been read, when each `{#id ...}` block Thresholds understands has been
 * taken out of the words. A “{#” still in the words is a block cut short (`{#early-he`), one with
 * text after it, or one where no block is read (a heading that lost its “#” and became a
 * paragraph): left alone, the id would silently be published as words.
 */
export function reportUnreadBlocks(context: ParseContext, file: SourceFile, body: readonly RootContent[]): void {
  const stack: Nodes[] = [...body].reverse()
  while (stack.length) {
    const node = stack.pop() as Nodes
    if (notRead.has(node)) continue
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
    if (node.type !== 'text') continue
    const inValue = node.value.indexOf('{#')
    if (inValue === -1) continue
    // The n-th “{#” of the words is the n-th of the source: blocks that were read are only ever
    // taken from the end.
    const nth = node.value.slice(0, inValue).split('{#').length - 1
    let offset: number | undefined
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) {
      const raw = file.text.slice(start, end)
      let index = raw.indexOf('{#')
      for (let seen = 0; index !== -1 && seen < nth; seen++) index = raw.indexOf('{#', index + 1)
      if (index !== -1) offset = start + index
    }
    context.problem(
      file,
      offset === undefined ? node.position : span(file, offset, 2),
      `“${shorten(node.value.slice(inValue))}” looks like an id block but is not read, expected “{#id}”, closed with “}”, as the last thing on a heading, an indicator or a links.md line, or in the first row or column of the matrix`,
      'invalid-attributes',
    )
  }
}

/** Content skipped because a problem above it was already reported (an unknown heading, a file whose settings cannot be read). */
const notRead = new WeakSet<Nodes>()

/** True for content skipped because a problem above it was already reported. */
export function wasNotReadBecauseOfAnotherProblem(node: object): boolean {
  return notRead.has(node as Nodes)
}

/** Marks content that is not read because of a problem already reported, so its blocks are not reported again. */
export function notReadBecauseOfAnotherProblem(nodes: readonly RootContent[]): void {
  for (const node of nodes) notRead.add(node)
}

/** The schema's test for a web address (format “uri”), so a link that passes here passes there. */
const isUri = fullFormats.uri as (text: string) => boolean

const named = (use: LinkUse): string => addressName(use, shorten)

/**
 * The one address gate: every address written anywhere in the Markdown (links, autolinks,
 * images, link reference definitions, in any part of any file) is one apps can open safely.
 * The scheme is read by classifyAddress, the same reading link resolution uses, so no spelling
 * (entities, percent-escapes, case, controls inside the scheme) makes a script look like a path.
 * These are reading problems, so no framework can switch them off.
 */
export function reportUnsafeLinks(context: ParseContext): void {
  for (const use of context.linkUses) {
    const url = use.url.trim()
    const address = classifyAddress(url)
    const scheme = address.kind === 'scheme' ? address.scheme : undefined
    const at = use.position
    const name = use.text || url
    if (use.isRegistryEntry) {
      if (scheme === 'pending' || isPlaceholder(url)) continue
      if (scheme !== 'https' && scheme !== 'http') {
        context.problem(use.file, at, `The address of “${shorten(name)}” is “${shorten(url)}”, expected a web address starting https:// (or “pending:” while it is not known)`, 'link-scheme')
        continue
      }
    } else if (scheme === 'pending') {
      context.problem(use.file, at, `${named(use)} is “pending:”, which only links.md may use, expected a link to an entry of links.md such as “[${shorten(name)}](#link-id)”`, 'link-scheme')
      continue
    } else if (address.kind === 'protocol-relative') {
      context.problem(use.file, at, `${named(use)} starts with “//”, which apps open as an address on another site, expected a full address starting https:// or a link inside the framework`, 'link-scheme')
      continue
    } else if (scheme !== undefined && !SAFE_SCHEMES.includes(scheme) && !isDrivePath(url)) {
      // A drive letter (`C:\x.md`) is a path written on one computer: link resolution reports it
      // as an absolute path, and it stays an unsafe scheme to everything that opens addresses.
      context.problem(use.file, at, `${named(use)} uses “${scheme}:”, which apps must not open, expected https://, http://, mailto: or tel:`, 'link-scheme')
      continue
    }
    if ((scheme === 'https' || scheme === 'http') && !isUri(url))
      context.problem(use.file, at, `“${shorten(url)}” is not a valid web address, expected one such as https://www.example.org/page (write spaces and other special characters with %, such as %20)`, 'link-scheme')
  }
}
