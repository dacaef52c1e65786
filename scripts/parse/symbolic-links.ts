import { readdirSync, realpathSync as jsRealpath, statSync } from 'node:fs'
import path from 'node:path'
import { fileMessage } from '../shared/diagnostics.ts'
import { createSourceFile, FILE_START, type SourceFile } from '../shared/source-file.ts'
import { compareStrings } from '../shared/text.ts'
import { existingRealPath } from '../shared/real-path.ts'
import { isWithin } from '../shared/within.ts'

const realpathSync = jsRealpath.native

/**
 * Symbolic links under sources/ that Thresholds does not follow: one that loops, leads nowhere,
 * leaves sources/, or leads into another framework's folder (whose files belong to that
 * framework and are read there). Each is reported at the link, so what an author linked is
 * never passed over without a word. A warning, not an error: nothing is read through the link,
 * so nothing unsafe or foreign reaches the output, and the framework is complete without it.
 * Links that stay inside their own framework folder are followed as before.
 */

/**
 * Why the link at `absolute` is not followed, or undefined when it stays inside its own
 * framework folder (`frameworkReal`; none for a link beside the framework folders).
 */
export function unfollowedLink(absolute: string, rootReal: string, frameworkReal?: string): string | undefined {
  let real: string
  try {
    real = realpathSync(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return 'it points back at itself'
    if (code === 'ENOENT') return 'it points to something that does not exist'
    return `it cannot be followed (${code ?? 'unknown error'})`
  }
  if (!isWithin(real, rootReal)) return 'it points outside sources/'
  if (real === rootReal) return 'it points at the sources folder that holds it'
  if (!frameworkReal || !isWithin(real, frameworkReal)) return `it points into the framework folder “${path.relative(rootReal, real).split(path.sep)[0]}”, whose files are read there`
  let parentReal: string
  try {
    parentReal = realpathSync(path.dirname(absolute))
  } catch {
    return undefined
  }
  if (isWithin(parentReal, real)) return 'it points at a folder that holds it, which makes a loop'
  return undefined
}

/** The warning for a link not followed, on a source of its own at the link's path. */
export function linkNotFollowed(shown: string, relative: string, reason: string, expected = 'the files themselves in the framework folder'): SourceFile {
  const source = createSourceFile(shown, relative, '')
  fileMessage(source, FILE_START, `“${relative}” is a symbolic link that is not followed: ${reason}, expected ${expected}`, 'symbolic-link', 'warning')
  return source
}

/**
 * Links beside the framework folders of a `sources/` folder (`sources/old -> shropshire`,
 * `sources/loop -> loop`, `sources/shared -> /elsewhere`) are not frameworks and are not
 * followed. Each one that leads to a folder, or nowhere, is filed with the framework folder that
 * comes first in `sources/`, so it is reported once, whichever frameworks a run reads; a link to a
 * file is passed over like any other file there. Only a folder named `sources` is looked at: a
 * framework kept elsewhere is not surrounded by other frameworks.
 */
export function linksBesideFrameworks(folders: readonly string[], shown: (absolute: string) => string): Map<string, SourceFile[]> {
  const filed = new Map<string, SourceFile[]>()
  const parents = new Set(folders.map((folder) => path.dirname(folder)).filter((parent) => path.basename(parent) === 'sources'))
  for (const parent of parents) {
    let entries
    try {
      entries = readdirSync(parent, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))
    } catch {
      continue
    }
    const owner = entries.find((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    if (!owner || !folders.includes(path.join(parent, owner.name))) continue
    const rootReal = existingRealPath(parent) ?? parent
    const sources: SourceFile[] = []
    for (const entry of entries) {
      if (!entry.isSymbolicLink() || entry.name.startsWith('.')) continue
      const absolute = path.join(parent, entry.name)
      if (leadsToFile(absolute)) continue
      const reason = unfollowedLink(absolute, rootReal)
      if (reason) sources.push(linkNotFollowed(shown(absolute), `sources/${entry.name}`, reason.replace(', whose files are read there', ', which is read under its own name'), 'only framework folders in sources/'))
    }
    if (sources.length) filed.set(path.join(parent, owner.name), sources)
  }
  return filed
}

function leadsToFile(absolute: string): boolean {
  try {
    return statSync(absolute).isFile()
  } catch {
    return false
  }
}

