// The plain Markdown most source files are made of, read without the Markdown parser: front-matter,
// `#` headings, paragraphs of prose, one-line `- ` items, `[text](destination)` links, whole-line
// HTML comments, simple tables, `*emphasis*` and `**strong**` of words between spaces, and the
// escapes `\*`, `\_` and `\\`. The tree is the one remark (with remark-frontmatter and remark-gfm) gives, positions
// included; a text with anything else in it, or anything doubtful, is left to remark whole
// (test/parse/plain-markdown.test.ts compares both on every Markdown file of the repository and on
// random documents). Plain JavaScript: the parse worker (markdown-worker.js) runs without a
// TypeScript loader and uses it too.

/** Characters that may start a line of prose or an item's text: letters, digits (not a numbered item), quotes, a bracket or a link, a `*` touching a word or another `*` (emphasis or strong, read by `emphasis`), an escape. */
const LINE_START = /^(?:[\p{L}"'“”‘’(]|\[|\d(?!\d*[.)])|\*(?![\s*]|$)|\*\*|\\[*_\\])/u
/** Characters that may start a heading's text. */
const HEADING_START = /^(?:[\p{L}\p{N}"'“”‘’(\[]|\*(?![\s*]|$)|\*\*)/u
/** Characters never taken in prose (`&` only where it starts a character reference): each may begin a construct the parser treats specially (emphasis, code, HTML, references, escapes, tables, strikethrough, e-mail autolinks). */
const NOT_PROSE = /&[#A-Za-z0-9]|[\\<*_`~|@\]\0-\x08\x0b-\x1f\x7f]|:\/\/|www\./i
/** What a link destination may hold: no space, bracket, parenthesis, escape, reference, quote or control character. */
const DESTINATION = /^[^\s()<>\\&"'[\]\0-\x1f\x7f]+$/
/** Escapes taken: a backslash and one of these (remark gives the character alone). */
const ESCAPED = '*_\\'
/** What may come before an emphasis opener: nothing (the start of the text), a space, a line ending or an opening parenthesis. */
const BEFORE_OPENER = /^(?:|[ \n(])$/
/** What may come after an opener: a letter, a digit or `(`. */
const AFTER_OPENER = /^[\p{L}\p{N}(]$/u
/** What may come before a closer: a letter, a digit, `.` or `)` (the last two only with a space, a line ending or nothing after). */
const BEFORE_CLOSER = /^[\p{L}\p{N}.)]$/u
/** What may come after a closer: nothing, a space, a line ending, or (after a letter or digit) one of `.,;:!?)`. */
const AFTER_CLOSER = /^(?:|[ \n])$/
const PUNCTUATION_AFTER_CLOSER = /^[.,;:!?)]$/
/** An item's marker and the space after it. */
const ITEM = '- '

/**
 * The tree remark gives for `text` when the text is entirely plain Markdown (above), else undefined.
 * @param {string} text
 * @returns {import('mdast').Root | undefined}
 */
export function plainMarkdown(text) {
  if (text.length === 0 || text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined
  const reader = new Reader(text)
  try {
    return reader.read()
  } catch (error) {
    if (error === NOT_PLAIN) return undefined
    throw error
  }
}

/**
 * A unified plugin, used after remark-parse, remark-frontmatter(['yaml']) and remark-gfm: the
 * processor then reads a plain text here and gives every other text to remark.
 * @this {import('unified').Processor<import('mdast').Root>}
 */
export function plainMarkdownFirst() {
  const remark = /** @type {(document: string, file: unknown) => import('mdast').Root} */ (this.parser)
  /** @param {string} document @param {unknown} file */
  this.parser = function plainOrRemark(document, file) {
    return plainMarkdown(document) ?? remark(document, file)
  }
}

/** Thrown inside the reader the moment the text turns out not to be plain. */
const NOT_PLAIN = new Error('not plain Markdown')

/** @returns {never} */
function notPlain() {
  throw NOT_PLAIN
}

class Reader {
  /** @param {string} text */
  constructor(text) {
    this.text = text
    /** Offsets at which each line starts, the first line's first. @type {number[]} */
    this.lineStarts = [0]
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1)
  }

  /** @param {number} offset */
  point(offset) {
    const starts = this.lineStarts
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - starts[low] + 1, offset }
  }

  /** @param {number} start @param {number} end */
  position(start, end) {
    return { start: this.point(start), end: this.point(end) }
  }

  /** @returns {import('mdast').Root} */
  read() {
    const text = this.text
    /** @type {import('mdast').RootContent[]} */
    const children = []
    let line = 0
    const yaml = this.frontMatter()
    if (yaml) {
      children.push(yaml.node)
      line = yaml.nextLine
    }
    const starts = this.lineStarts
    /** What the previous line was: blank, heading, paragraph or item (a comment is always followed by a blank line). */
    let previous = 'blank'
    /** Whether the last block is a list followed by blank lines only: an item now would make it loose. */
    let listAbove = false
    /** The open paragraph's first line, or -1. */
    let paragraphFrom = -1
    /** @type {import('mdast').List | undefined} the list the previous line is an item of */
    let list
    const closeParagraph = (/** @type {number} */ lastLine) => {
      if (paragraphFrom === -1) return
      const start = starts[paragraphFrom]
      const end = this.lineEnd(lastLine)
      children.push({ type: 'paragraph', children: this.inline(start, end), position: this.position(start, end) })
      paragraphFrom = -1
    }
    for (; line < starts.length; line++) {
      const start = starts[line]
      const end = this.lineEnd(line)
      if (start === end) {
        closeParagraph(line - 1)
        listAbove = previous === 'item' || (previous === 'blank' && listAbove)
        previous = 'blank'
        continue
      }
      const first = text.charCodeAt(start)
      if (text.charCodeAt(end - 1) === 0x20) notPlain()
      if (first === 0x2d /* - */) {
        const from = start + ITEM.length
        if (!text.startsWith(ITEM, start) || listAbove || from >= end || !LINE_START.test(text.slice(from, from + 2))) notPlain()
        closeParagraph(line - 1)
        if (previous !== 'item' || !list) {
          list = { type: 'list', ordered: false, start: null, spread: false, children: [], position: this.position(start, end) }
          children.push(list)
        }
        list.children.push({
          type: 'listItem',
          spread: false,
          checked: null,
          children: [{ type: 'paragraph', children: this.inline(from, end), position: this.position(from, end) }],
          position: this.position(start, end),
        })
        list.position = { start: list.position?.start ?? this.point(start), end: this.point(end) }
        previous = 'item'
        continue
      }
      listAbove = false
      if (previous === 'item') notPlain()
      if (first === 0x23 /* # */) {
        let depth = 1
        while (depth < 7 && text.charCodeAt(start + depth) === 0x23) depth++
        const from = start + depth + 1
        if (depth > 6 || text.charCodeAt(start + depth) !== 0x20 || from >= end || text.charCodeAt(end - 1) === 0x23 || !HEADING_START.test(text.slice(from, from + 2))) notPlain()
        closeParagraph(line - 1)
        /** @type {import('mdast').Heading} */
        const heading = { type: 'heading', depth: /** @type {1|2|3|4|5|6} */ (depth), children: this.inline(from, end), position: this.position(start, end) }
        children.push(heading)
        previous = 'heading'
      } else if (first === 0x3c /* < */) {
        if (previous === 'paragraph') notPlain()
        line = this.comment(line, children)
        previous = 'blank'
      } else if (first === 0x7c /* | */) {
        if (previous !== 'blank') notPlain()
        line = this.table(line, children)
        previous = 'blank'
      } else {
        if (!LINE_START.test(text.slice(start, start + 2))) notPlain()
        if (previous !== 'paragraph') paragraphFrom = line
        previous = 'paragraph'
      }
    }
    closeParagraph(starts.length - 1)
    return { type: 'root', children, position: this.position(0, text.length) }
  }

  /** The offset of the end of a line's text (its line ending, or the end of the text). @param {number} line */
  lineEnd(line) {
    const next = this.lineStarts[line + 1]
    return next === undefined ? this.text.length : next - 1
  }

  /**
   * The front-matter, when the text starts with it: `---`, lines of YAML (at least one, none
   * starting with `---`), `---`, then a line ending or the end of the text.
   * @returns {{ node: import('mdast').Yaml; nextLine: number } | undefined}
   */
  frontMatter() {
    const text = this.text
    if (!text.startsWith('---')) return undefined
    if (this.lineEnd(0) !== 3) notPlain()
    const starts = this.lineStarts
    for (let line = 1; line < starts.length; line++) {
      const start = starts[line]
      if (!text.startsWith('---', start)) continue
      if (line === 1 || this.lineEnd(line) !== start + 3) notPlain()
      const end = start + 3
      return { node: { type: 'yaml', value: text.slice(4, start - 1), position: this.position(0, end) }, nextLine: line + 1 }
    }
    return notPlain()
  }

  /**
   * An HTML comment of whole lines starting at `line` (`<!--` at its start, `-->` at the end of
   * its last line), added to `children`; the line after it must be blank or the end of the text.
   * @param {number} line @param {import('mdast').RootContent[]} children @returns {number} the comment's last line
   */
  comment(line, children) {
    const text = this.text
    const start = this.lineStarts[line]
    if (!text.startsWith('<!--', start) || text.startsWith('<!-->', start) || text.startsWith('<!--->', start)) notPlain()
    const close = text.indexOf('-->', start + 4)
    if (close === -1) notPlain()
    const end = close + 3
    // The comment's last line ends right after it, and the next line is blank.
    if (end !== text.length && text.charCodeAt(end) !== 0x0a) notPlain()
    if (end + 1 < text.length && text.charCodeAt(end + 1) !== 0x0a) notPlain()
    children.push({ type: 'html', value: text.slice(start, end), position: this.position(start, end) })
    return this.point(end).line - 1
  }

  /**
   * A table starting at `line`: a header row, a delimiter row of `---` cells, then rows, all with
   * the same number of cells, each cell plain inline text with one space either side; the line
   * after it must be blank or the end of the text.
   * @param {number} line @param {import('mdast').RootContent[]} children @returns {number} the table's last line
   */
  table(line, children) {
    const text = this.text
    const starts = this.lineStarts
    const header = this.row(line, false)
    const width = header.children.length
    const delimiter = line + 1
    if (delimiter >= starts.length || text.slice(starts[delimiter], this.lineEnd(delimiter)) !== `|${' --- |'.repeat(width)}`) notPlain()
    /** @type {import('mdast').TableRow[]} */
    const rows = [header]
    let last = delimiter + 1
    for (; last < starts.length && starts[last] !== this.lineEnd(last); last++) {
      const row = this.row(last, true)
      if (row.children.length !== width) notPlain()
      rows.push(row)
    }
    children.push({ type: 'table', align: Array(width).fill(null), children: rows, position: this.position(starts[line], this.lineEnd(last - 1)) })
    return last - 1
  }

  /**
   * A table row: `| a | b |`, or for a row under the delimiter also without the last `|`. A cell
   * runs from its `|` to the next (the last one's included).
   * @param {number} line @param {boolean} open whether the last `|` may be left out
   * @returns {import('mdast').TableRow}
   */
  row(line, open) {
    const text = this.text
    const start = this.lineStarts[line]
    const end = this.lineEnd(line)
    if (text.charCodeAt(start) !== 0x7c) notPlain()
    /** @type {import('mdast').TableCell[]} */
    const cells = []
    let pipe = start
    while (pipe < end - 1) {
      const next = text.indexOf('|', pipe + 1)
      const closed = next !== -1 && next < end
      if (!closed && !open) notPlain()
      const cellEnd = closed ? next : end
      // One space either side of words that neither start nor end with a space.
      const from = pipe + 2
      const to = closed ? next - 1 : end
      if (text.charCodeAt(pipe + 1) !== 0x20 || (closed && text.charCodeAt(next - 1) !== 0x20) || to <= from || text.charCodeAt(from) === 0x20 || text.charCodeAt(to - 1) === 0x20) notPlain()
      cells.push({ type: 'tableCell', children: this.inline(from, to), position: this.position(pipe, closed && next === end - 1 ? end : cellEnd) })
      pipe = cellEnd
    }
    return { type: 'tableRow', children: cells, position: this.position(start, end) }
  }

  /**
   * The inline content of text from `start` to `end` (line endings kept, as remark keeps them):
   * words and `[text](destination)` links.
   * @param {number} start @param {number} end @returns {import('mdast').PhrasingContent[]}
   */
  inline(start, end) {
    const text = this.text
    /** @type {import('mdast').PhrasingContent[]} */
    const nodes = []
    let from = start
    for (;;) {
      const open = text.indexOf('[', from)
      const until = open === -1 || open >= end ? end : open
      if (until > from) this.emphasis(from, until, nodes)
      if (until === end) return nodes
      const close = text.indexOf(']', open + 1)
      if (close === -1 || close >= end || text.charCodeAt(close + 1) !== 0x28 /* ( */) notPlain()
      const label = text.slice(open + 1, close)
      if (text.charCodeAt(open - 1) === 0x21 /* ! an image */ || label === '' || label.startsWith('^') || label.includes('[') || label.includes('\n') || label.startsWith(' ') || label.endsWith(' ')) notPlain()
      const after = text.indexOf(')', close + 2)
      if (after === -1 || after >= end) notPlain()
      const url = text.slice(close + 2, after)
      if (!DESTINATION.test(url)) notPlain()
      nodes.push({ type: 'link', title: null, url, children: [this.words(open + 1, close)], position: this.position(open, after + 1) })
      from = after + 1
    }
  }

  /**
   * Prose from `start` to `end` with `*emphasis*` and `**strong**` in it, added to `nodes`: each
   * run of `*` is one or two long, opens where neither a word nor a `*` touches it on the left and
   * a word starts on the right, and closes at the next `*` run of the same length, which a word (or
   * `.`/`)`) touches on the left and nothing but a space, a line ending or a closing punctuation
   * on the right. No nesting; anything else is left to remark.
   * @param {number} start @param {number} end @param {import('mdast').PhrasingContent[]} nodes
   */
  emphasis(start, end, nodes) {
    const text = this.text
    let from = start
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i)
      if (code === 0x5c /* \ */) i++
      if (code !== 0x2a /* * */) continue
      const size = text.charCodeAt(i + 1) === 0x2a ? 2 : 1
      const inner = i + size
      const before = text.charAt(i - 1)
      const after = text.charAt(inner)
      if (!BEFORE_OPENER.test(before) || !AFTER_OPENER.test(after)) notPlain()
      let close = inner
      while (close < end && text.charCodeAt(close) !== 0x2a) close += text.charCodeAt(close) === 0x5c ? 2 : 1
      const outer = close + size
      if (outer > end || text.slice(close, outer) !== '*'.repeat(size)) notPlain()
      const last = text.charAt(close - 1)
      const next = text.charAt(outer)
      if (!BEFORE_CLOSER.test(last) || !(AFTER_CLOSER.test(next) || (PUNCTUATION_AFTER_CLOSER.test(next) && last !== '.' && last !== ')'))) notPlain()
      if (i > from) nodes.push(this.words(from, i))
      nodes.push({ type: size === 2 ? 'strong' : 'emphasis', children: [this.words(inner, close)], position: this.position(i, outer) })
      from = outer
      i = outer - 1
    }
    if (end > from) nodes.push(this.words(from, end))
  }

  /**
   * A text node of prose from `start` to `end`, its escapes (`\\*`, `\\_`, `\\\\`) read as remark reads them.
   * @param {number} start @param {number} end @returns {import('mdast').Text}
   */
  words(start, end) {
    const raw = this.text.slice(start, end)
    let value = raw
    let checked = raw
    if (raw.includes('\\')) {
      value = ''
      checked = ''
      for (let i = 0; i < raw.length; i++) {
        if (raw[i] !== '\\') {
          value += raw[i]
          checked += raw[i]
        } else if (i + 1 < raw.length && ESCAPED.includes(raw[i + 1])) {
          value += raw[++i]
          // The escaped character is only a character: the prose check sees a letter in its place.
          checked += 'x'
        } else notPlain()
      }
    }
    if (NOT_PROSE.test(checked)) notPlain()
    return { type: 'text', value, position: this.position(start, end) }
  }
}
