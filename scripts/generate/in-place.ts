/**
 * Updating an output folder in place (writer.ts, `inPlace`): when a build changes a few files
 * among many, each changed file is renamed from the staging folder onto its place and each file
 * no longer made is removed, instead of carrying every unchanged file into a new tree and
 * swapping it in. Every file is whole at every moment (a rename replaces a file at once); only
 * a crash between two renames (the process killed, the machine stopped: a signal waits for the
 * end of this synchronous step) leaves some files new and the rest old, which the next build
 * finds by their stamps and writes again.
 */
import { accessSync, constants, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { compareStrings } from '../shared/text.ts'

/** What is in an output folder, links not followed. */
interface Tree {
  /** Plain files, by path. */
  files: Set<string>
  /** Anything else that is not a folder (links, pipes), by path: never written through. */
  others: Set<string>
  /** Real folders (not links to folders), by path. */
  folders: Set<string>
}

function treeOf(dir: string, foreign: ReadonlySet<string>): Tree {
  const tree: Tree = { files: new Set(), others: new Set(), folders: new Set() }
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!prefix && foreign.has(entry.name)) continue
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        tree.folders.add(relative)
        walk(path.join(folder, entry.name), relative)
      } else (entry.isFile() ? tree.files : tree.others).add(relative)
    }
  }
  walk(dir, '')
  return tree
}

/** The folders a path is in, outermost first ('a/b/c.json': 'a', 'a/b'). */
function foldersOf(relative: string): string[] {
  const parts = relative.split('/').slice(0, -1)
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'))
}

/** Whether this process may add and remove entries in `folder`. */
export function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK)
    return true
  } catch {
    return false
  }
}

export interface InPlaceUpdate {
  /** Every file of this build, by path. */
  seen: ReadonlySet<string>
  /** The files of `seen` that differ from the folder's, each staged under the same path in the staging folder. */
  changed: ReadonlySet<string>
}

export interface InPlacePlan {
  /** Files in the folder this build does not make, by path: removed by `apply`. */
  removed: string[]
  /**
   * Whether the folder may be updated in place: every unchanged file of the build a plain file
   * reached through real folders (not a link, which could point at a file the next run removes
   * or edits), no changed file's place behind a link or a file, every folder to change writable.
   */
  safe: boolean
  /** Renames each changed file from `staging` onto its place, then removes what is no longer made. */
  apply(staging: string): void
}

/** How `update` would be applied to `outDir` in place; undefined when `outDir` is not a real folder (absent, or a link). */
export function planInPlace(outDir: string, update: InPlaceUpdate, foreign: ReadonlySet<string>): InPlacePlan | undefined {
  if (lstatSync(outDir, { throwIfNoEntry: false })?.isDirectory() !== true) return undefined
  const tree = treeOf(outDir, foreign)
  const removed = [...tree.files, ...tree.others].filter((relative) => !update.seen.has(relative)).sort(compareStrings)
  // Folders holding no file of this build go too (a removed framework's), deepest first.
  const kept = new Set([...update.seen].flatMap(foldersOf))
  const emptied = [...tree.folders].filter((folder) => !kept.has(folder)).sort((a, b) => compareStrings(b, a))
  const apply = (staging: string) => {
    for (const relative of [...update.changed].sort(compareStrings)) {
      const target = path.join(outDir, relative)
      mkdirSync(path.dirname(target), { recursive: true })
      renameSync(path.join(staging, relative), target)
    }
    for (const relative of removed) rmSync(path.join(outDir, relative), { force: true })
    // Recursive only for a file put there since the folder was listed: it would go with the swap too.
    for (const folder of emptied) rmSync(path.join(outDir, folder), { recursive: true, force: true })
  }
  return { removed, safe: isSafe(outDir, tree, update, removed, emptied), apply }
}

function isSafe(outDir: string, tree: Tree, update: InPlaceUpdate, removed: readonly string[], emptied: readonly string[]): boolean {
  for (const relative of update.seen) if (!update.changed.has(relative) && !tree.files.has(relative)) return false
  // Every folder whose entries change: the output folder, and those a file is renamed into, removed from or made in.
  const touched = new Set<string>([''])
  for (const relative of update.changed) {
    if (tree.folders.has(relative)) return false
    for (const folder of foldersOf(relative)) {
      if (tree.files.has(folder) || tree.others.has(folder)) return false
      if (!tree.folders.has(folder)) break
      touched.add(folder)
    }
  }
  for (const relative of [...removed, ...emptied]) touched.add(foldersOf(relative).pop() ?? '')
  return [...touched].every((folder) => writable(path.join(outDir, folder)))
}
