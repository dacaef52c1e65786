/**
 * A corpus of copies of the shipped frameworks: what real partnerships write (emphasis, nested
 * lists, escapes, tables with odd cells), unlike the synthetic corpus (corpus.ts), whose text is
 * almost all plain. Each copy is its framework's folder with only the id in framework.md changed.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Writes `count` frameworks under `root/sources/`, copies of each of `shipped`'s in turn, and returns the folder. */
export function writeShippedCopies(root: string, shipped: string, count: number): string {
  const sources = path.join(root, 'sources')
  rmSync(sources, { recursive: true, force: true })
  const originals = readdirSync(shipped, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  if (originals.length === 0) throw new Error(`no frameworks in ${shipped}`)
  for (let n = 0; n < count; n++) {
    const original = originals[n % originals.length] as string
    const id = `${original}-${String(Math.floor(n / originals.length) + 1).padStart(4, '0')}`
    const folder = path.join(sources, id)
    cpSync(path.join(shipped, original), folder, { recursive: true })
    const framework = path.join(folder, 'framework.md')
    const text = readFileSync(framework, 'utf8')
    const renamed = text.replace(new RegExp(`^id: ${original}$`, 'm'), `id: ${id}`)
    if (renamed === text) throw new Error(`no “id: ${original}” line in ${framework}`)
    writeFileSync(framework, renamed)
  }
  return sources
}
