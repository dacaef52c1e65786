import path from 'node:path'
import type { Root } from 'mdast'
import { filesToParse } from '../parse/build.ts'
import { IN_THREAD_MAX_BYTES } from '../parse/bounded.ts'
import { copyTree, TreeMemo } from '../parse/markdown.ts'
import type { FrameworkFolder } from '../parse/read.ts'
import { textDigest } from './stamps.ts'
import { digest, readEntry, writeEntry, type ContentCache } from './store.ts'

/** Entries of syntax trees: one per source file, the tree of the text it held when last parsed. */
export const TREES = 'tree'

interface StoredTree {
  /** The digest of the text the tree was parsed from (stamps.ts: textDigest). */
  digest: string
  tree: Root
}

function isStoredTree(value: unknown): value is StoredTree {
  if (typeof value !== 'object' || value === null) return false
  const { digest: given, tree } = value as Record<string, unknown>
  return typeof given === 'string' && typeof tree === 'object' && tree !== null && (tree as Root).type === 'root' && Array.isArray((tree as Root).children)
}

/**
 * Whether JSON holds a tree exactly: plain objects, arrays, strings, finite numbers, booleans and
 * null. A tree holding anything else (undefined, which JSON drops; a Date; NaN) is not stored, so
 * a tree read back is always the tree the parser made. Walks with a stack: deep trees are fine.
 */
export function exactInJson(tree: unknown): boolean {
  const stack: unknown[] = [tree]
  while (stack.length) {
    const value = stack.pop()
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue
    if (typeof value === 'number') {
      if (Number.isFinite(value)) continue
      return false
    }
    if (typeof value !== 'object') return false
    // Another realm's plain objects (the parse on this thread runs in a vm context) are plain too.
    if (!Array.isArray(value) && Object.prototype.toString.call(value) !== '[object Object]') return false
    for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key])
  }
  return true
}

/**
 * Syntax trees kept in the content cache for a small parse (one framework edited, as an author
 * does between checks): each file's tree by its path, with the digest of the text it was parsed
 * from, so the next check parses only the files whose text changed and takes the others' trees.
 * Only for a parse the main thread does itself (at most IN_THREAD_MAX_BYTES of Markdown): a cold
 * run of many frameworks stores none, so it writes no more than before. A tree is used only for
 * the very text it was parsed from (by digest), from an entry signed like every other (store.ts)
 * and keyed by the tool, whose digest covers the parser's version.
 */
export class CachedTrees extends TreeMemo {
  /** Trees parsed in this run, by text: written by save(). */
  private readonly made = new Map<string, Root>()
  /** How many files' trees came from the cache. */
  restored = 0

  private constructor(
    private readonly cache: ContentCache,
    private readonly files: ReadonlyArray<{ key: string; text: string; digest: string }>,
  ) {
    super()
    for (const file of files) {
      const stored = readEntry(cache, TREES, file.key, isStoredTree)
      if (stored?.digest !== file.digest) continue
      this.restore(file.text, stored.tree)
      this.restored++
    }
  }

  /** The stored trees of these folders' files, or undefined when they hold more Markdown than a small parse. */
  static of(cache: ContentCache, folders: readonly FrameworkFolder[]): CachedTrees | undefined {
    const files: Array<{ key: string; text: string; digest: string }> = []
    let bytes = 0
    for (const folder of folders)
      for (const file of filesToParse(folder)) {
        const text = file.source.text
        bytes += text.length
        if (bytes > IN_THREAD_MAX_BYTES) return undefined
        files.push({ key: digest(cache.tool, TREES, path.join(folder.dir, file.source.relative)), text, digest: file.digest ?? textDigest(text) })
      }
    return new CachedTrees(cache, files)
  }

  override keep(text: string, tree: Root): void {
    super.keep(text, tree)
    if (exactInJson(tree)) this.made.set(text, copyTree(tree))
  }

  /** Stores the trees parsed in this run, each under the path of every file that holds its text. */
  save(): void {
    for (const file of this.files) {
      const tree = this.made.get(file.text)
      if (tree) writeEntry(this.cache, TREES, file.key, { digest: file.digest, tree } satisfies StoredTree)
    }
  }
}
