import type { Heading, Nodes, Root } from 'mdast'
import type { Position } from 'unist'
import type { SourceFile } from '../../shared/source-file.ts'
import { plainText } from '../../parse/markdown.ts'
import { wasNotReadBecauseOfAnotherProblem } from '../../parse/stray.ts'
import { eachNode } from '../../parse/walk.ts'
import { defineRule } from '../define-rule.ts'

/**
 * Conservation: every word of a source file reaches the model or a message. Valid Markdown the
 * reader has no place for (a paragraph in contacts.md before the first contact, words beside a
 * link in links.md) would otherwise vanish from every output without a word.
 */
export default defineRule({
  id: 'content-placed',
  severity: 'error',
  description: 'Every word of a source file is read into the framework: nothing is dropped without a message.',
  messages: {
    notPlaced: '“{{words}}” is not read into the framework here, so it would be lost, expected it {{where}}',
    linkInHeading: 'The link “{{words}}” is in a heading, which keeps only its words, so its address would be lost, expected the link in the text under the heading',
    footnote: 'The footnote “[^{{label}}]” is not carried into the framework (apps and the package would show the marker without its note), expected the note’s words in the text itself',
  },
  check({ parsed, derived, report }) {
    const read = (node: Nodes) => parsed.placed.has(node) || wasNotReadBecauseOfAnotherProblem(node)
    // Whether a node holds something that was read, so a block with nothing read is reported once,
    // whole. Asked only of the nodes the walk below reaches that were not read themselves.
    const holdsRead = new Map<Nodes, boolean>()
    const holds = (node: Nodes): boolean => {
      let found = holdsRead.get(node)
      if (found === undefined) {
        found = read(node) || ('children' in node && node.children.some((child) => holds(child as Nodes)))
        holdsRead.set(node, found)
      }
      return found
    }
    const headings = derived.ofType('heading')
    derived.nodes().forEach(({ file, nodes }, index) => {
      // A heading is read as its words alone: a link's address inside it would vanish.
      for (const link of linksInHeadings(headings[index]?.nodes ?? [])) report({ file, position: link.position as Position }, 'linkInHeading', { words: shorten(wordsOf(link)) })
      // A footnote's note and its marker are kept nowhere: each is reported where it is written.
      for (const footnote of nodes) if ((footnote.type === 'footnoteReference' || footnote.type === 'footnoteDefinition') && footnote.position) report({ file, position: footnote.position }, 'footnote', { label: footnote.label ?? footnote.identifier })
      const tree = parsed.trees.get(file) as Root
      const stack: Nodes[] = [...tree.children].reverse()
      while (stack.length) {
        const node = stack.pop() as Nodes
        // Front-matter, and HTML: comments are authors' notes, other HTML is refused by raw-html.
        if (read(node) || node.type === 'yaml' || node.type === 'html') continue
        if (holds(node) && 'children' in node) {
          for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
          continue
        }
        const words = wordsOf(node)
        if (!words || !node.position) continue
        report({ file, position: wordsPosition(file, node) }, 'notPlaced', { words: shorten(words), where: whereExpected(file.relative) })
      }
    })
  },
})

/**
 * A text node keeps its source range after an id block is taken from its end: point at its
 * words alone when the source holds them as written.
 */
function wordsPosition(file: SourceFile, node: Nodes): Position {
  const position = node.position as Position
  const start = position.start.offset
  if (node.type !== 'text' || start === undefined) return position
  const leading = /^\s*/.exec(node.value)?.[0].length ?? 0
  const words = node.value.trim()
  if (file.text.slice(start + leading, start + leading + words.length) !== words) return position
  return { start: file.toPoint(start + leading), end: file.toPoint(start + leading + words.length) }
}

/** Links and images inside headings (a heading holds no heading), in document order. */
function linksInHeadings(headings: readonly Heading[]): Nodes[] {
  const found: Nodes[] = []
  for (const heading of headings)
    eachNode(heading.children, (node) => {
      if (/^(link|image)(Reference)?$/.test(node.type) && node.position) found.push(node)
    })
  return found
}

/** Nodes whose children are blocks of their own: their words are parted by a space, not run together. */
const BLOCK_CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'table', 'tableRow'])

/** The words to quote for a node; an image without a description is quoted by its address, so it is not dropped unsaid. */
function wordsOf(node: Nodes): string {
  if (node.type === 'code' || node.type === 'inlineCode') return node.value.trim()
  if (node.type === 'image') return node.alt || node.url
  if (!('children' in node)) return plainText(node)
  if (BLOCK_CONTAINERS.has(node.type)) return node.children.map((child) => wordsOf(child as Nodes)).filter(Boolean).join(' ')
  return plainText(node) || node.children.map((child) => wordsOf(child as Nodes)).filter(Boolean).join(' ')
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).replace(/\s+\S*$/, '')}…` : text
}

/** What the author can do instead, by the kind of file. */
function whereExpected(relative: string): string {
  if (relative === 'contacts.md') return 'under a contact’s “##” heading, or in a “<!-- note -->” if it is a note for editors'
  if (relative === 'links.md') return 'as a link entry “- [Name](https://...) {#id}” alone on its line, or in a “<!-- note -->” if it is a note for editors'
  if (relative.startsWith('levels/')) return 'as a link alone on its line under “Contacts” (say what a contact is for in contacts.md, with “Use for:”), other words under another heading of the level, or in a “<!-- note -->” if it is a note for editors'
  return 'under a heading, or in a “<!-- note -->” if it is a note for editors'
}
