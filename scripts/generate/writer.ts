import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { compareStrings } from '../shared/text.ts'
import { timed } from '../shared/timing.ts'

/** Folders under generated/ that other commands own; build never touches them. */
export const FOREIGN = new Set(['site'])

export interface WriteResult {
  changed: string[]
  removed: string[]
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (!prefix && FOREIGN.has(entry.name)) continue
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), relative))
    else out.push(relative)
  }
  return out.sort(compareStrings)
}

/** What differs between the files on disk and the files a build would write. */
export function compareOutput(outDir: string, files: ReadonlyMap<string, string>): WriteResult {
  const existing = listFiles(outDir)
  const changed = [...files.keys()]
    .filter((relative) => {
      const target = path.join(outDir, relative)
      return !existsSync(target) || readFileSync(target, 'utf8') !== files.get(relative)
    })
    .sort(compareStrings)
  const removed = existing.filter((relative) => !files.has(relative))
  return { changed, removed }
}

/**
 * Replaces the build's part of `outDir` all at once: the new tree is written beside it and
 * swapped in with renames, so a crash never leaves half a package. Nothing is written when
 * nothing changed, so timestamps only move when content does.
 */
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>): WriteResult {
  return timed('write', () => writeAll(outDir, files))
}

function writeAll(outDir: string, files: ReadonlyMap<string, string>): WriteResult {
  const result = compareOutput(outDir, files)
  if (result.changed.length === 0 && result.removed.length === 0) return result
  const parent = path.dirname(path.resolve(outDir))
  const base = path.basename(outDir)
  const staging = path.join(parent, `.${base}.staging-${process.pid}`)
  const previous = path.join(parent, `.${base}.previous-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  for (const [relative, content] of files) {
    const target = path.join(staging, relative)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
  // Carry over folders other commands own.
  if (existsSync(outDir))
    for (const name of FOREIGN) if (existsSync(path.join(outDir, name))) renameSync(path.join(outDir, name), path.join(staging, name))
  mkdirSync(staging, { recursive: true })
  if (existsSync(outDir)) renameSync(outDir, previous)
  renameSync(staging, outDir)
  rmSync(previous, { recursive: true, force: true })
  return result
}
