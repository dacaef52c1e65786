import type { Nodes } from 'mdast'
import type { ParseContext, Place } from '../parse/context.ts'
import { plainText } from '../parse/markdown.ts'
import { schemeOf } from '../parse/resolve.ts'
import { eachNode } from '../parse/walk.ts'
import type { SourceFile } from '../shared/source-file.ts'

/** An address as written in a file's Markdown. */
export interface WrittenLink {
  url: string
  text: string
  scheme: string | undefined
  place: Place
  image: boolean
}

/** A file's nodes below its root, depth-first in document order (as eachNode visits them). */
export interface FileNodes {
  file: SourceFile
  nodes: readonly Nodes[]
}

/**
 * What several rules derive from one framework's trees, derived once for all of them: most rules
 * that read Markdown walk every tree and take the words of the same paragraphs and links, which
 * was most of the rules' time. Made per framework for its own rules and dropped with them, so it
 * never keeps trees alive after they are let go (forComparing); a comparing rule reading it
 * throws as reading the trees does.
 */
export class Derived {
  private walked: FileNodes[] | undefined
  private readonly byType = new Map<string, FileNodes[]>()
  private readonly words = new Map<Nodes, string>()
  private written: WrittenLink[] | undefined

  constructor(private readonly parsed: ParseContext) {}

  /** Every file's nodes below its root, in the order of `parsed.trees`. */
  nodes(): readonly FileNodes[] {
    if (this.walked) return this.walked
    const walked: FileNodes[] = []
    for (const [file, tree] of this.parsed.trees) {
      const nodes: Nodes[] = []
      eachNode(tree.children, (node) => nodes.push(node))
      walked.push({ file, nodes })
    }
    this.walked = walked
    return walked
  }

  /** Every file's nodes of one type, in document order (a file without one is still listed). */
  ofType<T extends Nodes['type']>(type: T): ReadonlyArray<{ file: SourceFile; nodes: ReadonlyArray<Extract<Nodes, { type: T }>> }> {
    let found = this.byType.get(type)
    if (!found) {
      found = this.nodes().map(({ file, nodes }) => ({ file, nodes: nodes.filter((node) => node.type === type) }))
      this.byType.set(type, found)
    }
    return found as unknown as ReadonlyArray<{ file: SourceFile; nodes: ReadonlyArray<Extract<Nodes, { type: T }>> }>
  }

  /** plainText of a node, taken once however many rules ask. */
  plainText(node: Nodes): string {
    let text = this.words.get(node)
    if (text === undefined) {
      text = plainText(node)
      this.words.set(node, text)
    }
    return text
  }

  /**
   * Every address written in the framework's Markdown: links, autolinks, images and link
   * definitions, wherever they sit. The safety rules read this rather than the links the parser
   * kept, so a link in an unexpected place cannot slip past them.
   */
  links(): readonly WrittenLink[] {
    if (this.written) return this.written
    const links: WrittenLink[] = []
    for (const { file, nodes } of this.nodes())
      for (const node of nodes) {
        if (!node.position) continue
        if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
          const text = node.type === 'link' ? this.plainText(node) : node.type === 'image' ? (node.alt ?? '') : (node.label ?? node.identifier)
          links.push({ url: node.url, text, scheme: schemeOf(node.url.trim()), place: { file, position: node.position }, image: node.type === 'image' })
        }
      }
    this.written = links
    return links
  }
}
