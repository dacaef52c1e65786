import type { Nodes, Root } from 'mdast'
import { Parser } from 'yaml'
import type { SourceFile } from '../shared/source-file.ts'

/**
 * One occurrence an author chose to accept, written just above the line it concerns:
 *   <!-- thresholds-ignore-next-line level-has-contacts: the source gives no contacts here -->
 *   # thresholds-ignore-next-line level-has-contacts: ...      (a comment inside front-matter or rules.yaml)
 */
export interface InlineSuppression {
  file: SourceFile
  ruleId: string
  reason: string
  /** Line of the comment itself. */
  line: number
  column: number
  /** The line whose messages it suppresses. */
  target: number
  used: boolean
}

/** What a comment says once its markers are taken off: `thresholds-ignore-next-line <rule>[: <reason>]`, on its own lines or not. */
const DIRECTIVE_WORDS = 'thresholds-ignore-next-line'
const DIRECTIVE = /^\s*thresholds-ignore-next-line[ \t]+([a-z0-9-]+)(?:[ \t]*:([\s\S]*))?\s*$/
const HTML_COMMENT = /<!--([\s\S]*?)-->/g

interface Found {
  ruleId: string
  reason: string
  /** Offsets of the whole comment in the file. */
  start: number
  end: number
}

/**
 * The suppressions of a file, read from its syntax trees only: HTML comment nodes of the Markdown
 * tree, and comment tokens of its YAML (front-matter, or the whole of rules.yaml). The same words
 * in a heading, a paragraph, a code block or a YAML string are not comments, so they suppress
 * nothing and are never reported as unused.
 */
export function findSuppressions(file: SourceFile, tree: Root | undefined, isYamlFile = false): InlineSuppression[] {
  // Every directive holds these words as written in the file (a comment has no escapes), so a
  // file without them has none: its YAML is not parsed again nor its tree walked.
  if (!file.text.includes(DIRECTIVE_WORDS)) return []
  const found: Found[] = isYamlFile ? yamlComments(file.text, 0) : tree ? [...markdownComments(file, tree), ...frontMatterComments(file, tree)] : []
  found.sort((a, b) => a.start - b.start)
  const lines = file.text.split(/\r\n|\r|\n/)
  // Lines that hold nothing but suppressions: several stacked above one line all apply to it.
  const directiveOnly = new Set<number>()
  for (const item of found) {
    const start = file.toPoint(item.start)
    const end = file.toPoint(item.end)
    for (let line = start.line; line <= end.line; line++) directiveOnly.add(line)
  }
  for (const line of [...directiveOnly]) if (!onlyComments(lines[line - 1] ?? '')) directiveOnly.delete(line)
  return found.map((item) => {
    const start = file.toPoint(item.start)
    let target = file.toPoint(item.end).line + 1
    while (target <= lines.length && ((lines[target - 1] ?? '').trim() === '' || directiveOnly.has(target))) target++
    return { file, ruleId: item.ruleId, reason: item.reason, line: start.line, column: start.column, target, used: false }
  })
}

/** A line that is only comments (HTML or YAML), so suppressions on it stack with the ones below. */
function onlyComments(line: string): boolean {
  const rest = line.replace(HTML_COMMENT, '').trim()
  return rest === '' || rest.startsWith('#')
}

function directiveIn(text: string): { ruleId: string; reason: string } | undefined {
  const match = DIRECTIVE.exec(text)
  return match ? { ruleId: match[1] ?? '', reason: (match[2] ?? '').replace(/\s+/g, ' ').trim() } : undefined
}

/** HTML nodes that are comments, at any depth of the tree (under a list item too). */
function markdownComments(file: SourceFile, tree: Root): Found[] {
  const found: Found[] = []
  const stack: Nodes[] = [...tree.children]
  while (stack.length) {
    const node = stack.pop() as Nodes
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
    if (node.type !== 'html') continue
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (from === undefined || to === undefined) continue
    // The words come from the node's value, which has lost the “>” and indentation of the quote or
    // list it sits in (a comment over several lines in a quote has them on every line); the place
    // comes from the node's own source, where its comments are in the same order.
    const places = [...file.text.slice(from, to).matchAll(HTML_COMMENT)]
    const comments = [...node.value.matchAll(HTML_COMMENT)]
    for (let i = 0; i < comments.length; i++) {
      const directive = directiveIn(comments[i]?.[1] ?? '')
      const place = places[i]
      if (directive && place) found.push({ ...directive, start: from + place.index, end: from + place.index + place[0].length })
    }
  }
  return found
}

/** Comments of the front-matter block remark-frontmatter leaves at the top of the tree. */
function frontMatterComments(file: SourceFile, tree: Root): Found[] {
  const node = tree.children[0]
  if (node?.type !== 'yaml' || node.position?.start.offset === undefined) return []
  const lineBreak = /\r\n|\r|\n/g
  lineBreak.lastIndex = node.position.start.offset
  const opening = lineBreak.exec(file.text)
  if (!opening) return []
  return yamlComments(node.value, opening.index + opening[0].length)
}

/** Comment tokens of a YAML text, with offsets shifted by where the text starts in the file. */
function yamlComments(text: string, base: number): Found[] {
  const found: Found[] = []
  // Comments sit in the concrete syntax tree as { type: 'comment', offset, source } tokens, at any depth.
  const stack: unknown[] = [...new Parser().parse(text.replace(/\r(?!\n)/g, '\n'))]
  while (stack.length) {
    const token = stack.pop()
    if (Array.isArray(token)) {
      stack.push(...token)
      continue
    }
    if (typeof token !== 'object' || token === null) continue
    const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown }
    if (type === 'comment' && typeof offset === 'number' && typeof source === 'string') {
      const directive = directiveIn(source.replace(/^#/, ''))
      if (directive) found.push({ ...directive, start: base + offset, end: base + offset + source.length })
      continue
    }
    for (const value of Object.values(token)) if (typeof value === 'object' && value !== null) stack.push(value)
  }
  return found
}
