import { readdirSync } from 'node:fs'
import path from 'node:path'
import { MARKDOWN_EXTENSION } from '../shared/names.ts'
import { compareStrings } from '../shared/text.ts'

/**
 * Names in one folder listing that differ from an earlier one only in case (or in how an accent is
 * encoded), each with the earlier name: Windows and macOS keep only one of them.
 */
export function caseTwins(names: readonly string[]): Map<string, string> {
  const first = new Map<string, string>()
  const twins = new Map<string, string>()
  for (const name of names) {
    const key = name.normalize('NFC').toLowerCase()
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, name)
    else twins.set(name, earlier)
  }
  return twins
}

/** How far the search for unread Markdown goes: it only has to find the files an author left, not walk a disk. */
const MAX_DEPTH = 8
const MAX_ENTRIES = 2000

/**
 * Markdown files under a folder Thresholds does not read, by path relative to the framework folder,
 * and the symbolic links there (`link: true`, for the reader to report). Symbolic links are not
 * followed and hidden folders are skipped, so a loop or a large tree cannot hold the run up.
 */
export function markdownUnder(dir: string, relative: string): Array<{ absolute: string; relative: string; link?: true }> {
  const found: Array<{ absolute: string; relative: string; link?: true }> = []
  const queue: Array<{ dir: string; relative: string; depth: number }> = [{ dir, relative, depth: 1 }]
  let seen = 0
  while (queue.length && seen < MAX_ENTRIES) {
    const folder = queue.shift() as (typeof queue)[number]
    let entries
    try {
      entries = readdirSync(folder.dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))
    } catch {
      continue // a folder that cannot be listed holds nothing Thresholds would read anyway
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) break
      const absolute = path.join(folder.dir, entry.name)
      const shown = `${folder.relative}/${entry.name}`
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules' && folder.depth < MAX_DEPTH) queue.push({ dir: absolute, relative: shown, depth: folder.depth + 1 })
      } else if (MARKDOWN_EXTENSION.test(entry.name)) found.push({ absolute, relative: shown })
      else if (entry.isSymbolicLink()) found.push({ absolute, relative: shown, link: true })
    }
  }
  return found
}
