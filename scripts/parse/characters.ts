import type { Nodes, Root } from 'mdast'
import { findUnsafeCharacter } from '../shared/characters.ts'
import type { SourceFile } from '../shared/source-file.ts'
import type { ParseContext } from './context.ts'
import { eachNode } from './walk.ts'

/**
 * Where a numeric character reference starts in a node's source, to point at it rather than at
 * the whole node. Only with its semicolon: without one, Markdown keeps “&#x202E” as written.
 */
const REFERENCE = /&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});/g

/**
 * The raw file holds no control or bidirectional characters (read.ts refuses them), but a
 * Markdown character reference writes any character into the text (`&#x202E;`, `&#x2066;`,
 * `&#13;`): each is refused where it is written, in words, addresses, titles and descriptions alike.
 */
export function reportReferencedCharacters(context: ParseContext, file: SourceFile, tree: Root): void {
  // Without a “&” no reference is written, and every character of the words, addresses and titles
  // comes from the file's own text (the parser adds only ASCII and U+FFFD): a text that holds no
  // refused character (read.ts refuses such files before parsing) cannot give a value that does.
  if (!file.text.includes('&') && !findUnsafeCharacter(file.text, { inFile: true })) return
  eachNode(tree.children, (node: Nodes) => {
    if (node.type === 'yaml' || node.type === 'html') return
    const values = [(node as { value?: unknown }).value, (node as { url?: unknown }).url, (node as { title?: unknown }).title, (node as { alt?: unknown }).alt]
    for (const value of values) {
      if (typeof value !== 'string') continue
      // A soft line break in a file saved with CR LF, or CR alone, keeps its CR in the words; a
      // CR written as a reference (`&#13;`) is still refused.
      const words = value.includes('\r') && !referenceIn(file, node, 'U+000D') ? value.replace(/\r\n?/g, '\n') : value
      const unsafe = findUnsafeCharacter(words)
      if (!unsafe) continue
      context.problem(file, referenceIn(file, node, unsafe.code) ?? node.position, `This text holds ${unsafe.description}, written as a character reference such as “&#x202E;”, expected plain text: remove the reference`, 'unsafe-character')
      return
    }
  })
}

/**
 * The first character reference in a node's source that writes the refused character `code`
 * (U+202E): not just any such reference, as the Markdown parser reads some (a control character,
 * a noncharacter) as U+FFFD, which is accepted.
 */
function referenceIn(file: SourceFile, node: Nodes, code: string): { start: ReturnType<SourceFile['toPoint']>; end: ReturnType<SourceFile['toPoint']> } | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  for (const match of file.text.slice(start, end).matchAll(REFERENCE)) {
    const decoded = decodeReference(match[0])
    if (decoded !== undefined && findUnsafeCharacter(decoded)?.code === code) return { start: file.toPoint(start + match.index), end: file.toPoint(start + match.index + match[0].length) }
  }
  return undefined
}

function decodeReference(reference: string): string | undefined {
  const numeric = /^&#([xX])?([0-9a-fA-F]+);$/.exec(reference)
  if (!numeric) return undefined
  const code = Number.parseInt(numeric[2] ?? '', numeric[1] ? 16 : 10)
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}
