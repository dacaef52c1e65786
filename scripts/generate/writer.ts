import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { compareStrings } from '../shared/text.ts'
import { removeIfStopped } from '../shared/interrupt.ts'
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

/**
 * Where a build's files go as they are made. Each file is compared with the one on disk; once
 * one differs, a new tree is started beside `outDir` (files seen so far copied from it) and every
 * file goes there. `finish` swaps the new tree in with renames, so a crash or a failed run never
 * leaves half a package, and nothing is written when nothing changed, so timestamps only move
 * when content does. With `compareOnly` nothing is ever written (`build --check`).
 */
export interface OutputWriter {
  add(relative: string, text: string): void
  /** What changed; replaces `outDir` when anything did (unless comparing only). */
  finish(): WriteResult
  /** Throws away the new tree: `outDir` is left as it was. */
  abort(): void
}

export function openOutput(outDir: string, options: { compareOnly?: boolean } = {}): OutputWriter {
  const parent = path.dirname(path.resolve(outDir))
  const base = path.basename(outDir)
  const staging = path.join(parent, `.${base}.staging-${process.pid}`)
  const previous = path.join(parent, `.${base}.previous-${process.pid}`)
  const seen = new Set<string>()
  const changed: string[] = []
  let staged = false
  let forget: () => void = () => undefined

  const stage = (relative: string, text?: string) => {
    const target = path.join(staging, relative)
    mkdirSync(path.dirname(target), { recursive: true })
    if (text === undefined) carryOver(path.join(outDir, relative), target)
    else writeFileSync(target, text)
  }
  const startStaging = () => {
    if (staged || options.compareOnly) return
    rmSync(staging, { recursive: true, force: true })
    forget = removeIfStopped(() => rmSync(staging, { recursive: true, force: true }))
    mkdirSync(staging, { recursive: true })
    staged = true
    // Files seen so far were the same as on disk.
    for (const relative of seen) if (!changed.includes(relative)) stage(relative)
  }

  return {
    add(relative, text) {
      timed('write', () => {
        // Paths come from framework ids and the content cache: neither may reach outside outDir.
        if (path.isAbsolute(relative) || relative.split(/[\\/]/).some((part) => part === '..' || part === '')) throw new Error(`${relative} is not a path inside the output folder`)
        if (seen.has(relative)) throw new Error(`${relative} was generated twice`)
        seen.add(relative)
        const target = path.join(outDir, relative)
        const same = existsSync(target) && readFileSync(target, 'utf8') === text
        if (!same) {
          changed.push(relative)
          startStaging()
        }
        if (staged) stage(relative, same ? undefined : text)
      })
    },
    finish() {
      return timed('write', () => {
        const removed = listFiles(outDir).filter((relative) => !seen.has(relative))
        const result = { changed: changed.sort(compareStrings), removed }
        if (options.compareOnly || (changed.length === 0 && removed.length === 0)) return result
        startStaging()
        // Carry over folders other commands own.
        if (existsSync(outDir))
          for (const name of FOREIGN) if (existsSync(path.join(outDir, name))) renameSync(path.join(outDir, name), path.join(staging, name))
        if (existsSync(outDir)) renameSync(outDir, previous)
        renameSync(staging, outDir)
        forget()
        rmSync(previous, { recursive: true, force: true })
        return result
      })
    },
    abort() {
      if (staged) rmSync(staging, { recursive: true, force: true })
      forget()
    },
  }
}

/**
 * Each file of the build's part of `outDir` with its size, inode and modification and change
 * times in nanoseconds: equal stamps mean the files were not touched since (the change time
 * moves on every write and cannot be set back).
 */
export function stampsOf(outDir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(outDir).map((relative) => {
      const stat = statSync(path.join(outDir, relative), { bigint: true })
      return [relative, `${stat.size} ${stat.ino} ${stat.mtimeNs} ${stat.ctimeNs}`]
    }),
  )
}

/** True when `outDir` holds exactly the files of `stamps`, none touched since. */
export function stampsMatch(outDir: string, stamps: Readonly<Record<string, string>>): boolean {
  const now = stampsOf(outDir)
  const files = Object.keys(now)
  return files.length === Object.keys(stamps).length && files.every((relative) => Object.hasOwn(stamps, relative) && stamps[relative] === now[relative])
}

/**
 * An unchanged file into the new tree: a hard link to the file as it is (beside it, so on the
 * same file system) costs no copying; a copy where links are refused.
 */
function carryOver(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

/** Replaces the build's part of `outDir` with `files` all at once (see `openOutput`). */
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>): WriteResult {
  const output = openOutput(outDir)
  try {
    for (const [relative, text] of files) output.add(relative, text)
    return output.finish()
  } catch (error) {
    output.abort()
    throw error
  }
}
