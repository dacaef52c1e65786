import { randomUUID } from 'node:crypto'
import { type BigIntStats, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { compareStrings } from '../shared/text.ts'
import { removeIfStopped } from '../shared/interrupt.ts'
import { timed } from '../shared/timing.ts'
import { UsageError } from '../shared/usage-error.ts'
import { isWithin } from '../shared/within.ts'
import { planInPlace, writable } from './in-place.ts'
import { assertReplaceable, folderShown, FOREIGN, MARKER, markerText, type OutputKind } from './output-folder.ts'

export interface WriteResult {
  changed: string[]
  removed: string[]
}

/** Top-level folders of this kind of output that other commands own (generated/site in a package). */
function foreignOf(kind: OutputKind): ReadonlySet<string> {
  return kind === 'package' ? FOREIGN : new Set()
}

function listFiles(dir: string, foreign: ReadonlySet<string>, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (!prefix && foreign.has(entry.name)) continue
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), foreign, relative))
    else out.push(relative)
  }
  return out.sort(compareStrings)
}

/** The folder `outDir` is in, or, when that is still to be made, the nearest folder that exists. */
function existingParent(outDir: string): string {
  let parent = path.dirname(outDir)
  while (!existsSync(parent) && path.dirname(parent) !== parent) parent = path.dirname(parent)
  return parent
}

/**
 * Every folder the swap renames or empties: `outDir`'s own tree, and its parent (or, when the
 * parent is still to be made, as generated/ is for a first `site`, the nearest folder that exists).
 */
function foldersToChange(outDir: string, foreign: ReadonlySet<string>): string[] {
  const folders = [existingParent(outDir)]
  const walk = (dir: string, top: boolean) => {
    folders.push(dir)
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) {
        // A folder another command owns moves as a whole: only the folder itself must be writable.
        if (top && foreign.has(entry.name)) folders.push(path.join(dir, entry.name))
        else walk(path.join(dir, entry.name), false)
      }
  }
  if (existsSync(outDir)) walk(outDir, true)
  return folders
}

/**
 * A read-only output folder (or parent) would be swapped in and then fail to remove the old one,
 * leaving both: found before anything moves.
 */
function refuseReadOnly(outDir: string, foreign: ReadonlySet<string>, shown: string, folders = foldersToChange(outDir, foreign)): void {
  for (const folder of folders) {
    if (!writable(folder)) {
      const inside = path.relative(outDir, folder)
      const what = !isWithin(folder, outDir) ? 'the folder it is in' : folderShown(inside ? `${folderShown(shown)}${inside.split(path.sep).join('/')}` : shown)
      throw new UsageError(`Cannot write to ${folderShown(shown)}: ${what} is read-only, expected a folder Thresholds can replace; nothing was changed`)
    }
  }
}

/** File system refusals while writing, as one plain line naming the output folder. */
function plainWriteError(error: unknown, shown: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UsageError(`Cannot write to ${folderShown(shown)}: permission denied, expected a folder Thresholds can write; nothing was changed`)
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UsageError(`Cannot write to ${folderShown(shown)}: the disk is full; nothing was changed`)
  return error
}

/**
 * Whether `target` is a plain file holding `text`. A link in a file's place is never the same: the
 * new tree gets a file of its own (the link's target may be removed with the old tree). A file
 * where a folder on the way should be (ENOTDIR) just means the file is not there yet.
 */
function sameFile(target: string, text: string): boolean {
  try {
    return lstatSync(target, { throwIfNoEntry: false })?.isFile() === true && readFileSync(target, 'utf8') === text
  } catch {
    return false
  }
}

/** A failure part way through an update in place: some files are new, the rest as they were. */
function partlyWritten(error: unknown, shown: string): UsageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error'
  return new UsageError(`Cannot finish writing ${folderShown(shown)} (${code}): some of its files are new and the rest as they were; run the build again`)
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
  /**
   * A file known to be on disk as this build would write it (its stamp unchanged since the build
   * that wrote it: see filesUntouched): counted as the same without reading it.
   */
  keep(relative: string): void
  /** What changed; replaces `outDir` when anything did (unless comparing only). */
  finish(): WriteResult
  /** Throws away the new tree: `outDir` is left as it was. */
  abort(): void
}

export interface OutputOptions {
  compareOnly?: boolean
  /** What this folder holds, named by its marker file (default: the package). */
  kind?: OutputKind
  /** The folder as messages name it (default: its absolute path). */
  shown?: string
  /**
   * Update the folder in place when that is safe (in-place.ts): only changed files are staged,
   * then renamed one by one onto their places, instead of every file carried into a new tree that
   * is swapped in. For a build that knows most files unchanged by their stamps.
   */
  inPlace?: boolean
}

export function openOutput(outDir: string, options: OutputOptions = {}): OutputWriter {
  const kind = options.kind ?? 'package'
  const shown = options.shown ?? outDir
  const foreign = foreignOf(kind)
  // Never replace a folder Thresholds did not make (see output-folder.ts).
  if (!options.compareOnly) assertReplaceable(outDir, kind, shown)
  const parent = path.dirname(path.resolve(outDir))
  const base = path.basename(outDir)
  // A name no other run picks, even one in another container with the same process id.
  const unique = randomUUID()
  const staging = path.join(parent, `.${base}.staging-${unique}`)
  const previous = path.join(parent, `.${base}.previous-${unique}`)
  const seen = new Set<string>()
  const changed = new Set<string>()
  // A folder that is not there yet has no file to compare with: nothing is looked up (a cold build makes a thousand files).
  const absent = !existsSync(outDir)
  let staged = false
  // Whether unchanged files are carried into the staging folder as they come (not while in place).
  let carrying = !options.inPlace
  let forget: () => void = () => undefined

  // Folders made in the new tree: each is made once, not once per file in it.
  const made = new Set<string>()
  const stage = (relative: string, text?: string) => {
    const target = path.join(staging, relative)
    const folder = path.dirname(target)
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true })
      made.add(folder)
    }
    if (text === undefined) carryOver(path.join(outDir, relative), target)
    else writeFileSync(target, text)
  }
  /** Every unchanged file seen so far into the staging folder, and each one after it as it comes. */
  const startCarrying = () => {
    carrying = true
    try {
      for (const relative of seen) if (!changed.has(relative)) stage(relative)
    } catch (error) {
      throw plainWriteError(error, shown)
    }
  }
  const startStaging = () => {
    if (staged || options.compareOnly) return
    // In place, only the folder the staging folder goes in now; those that change just before they do (in-place.ts).
    refuseReadOnly(outDir, foreign, shown, carrying ? undefined : [existingParent(outDir)])
    try {
      rmSync(staging, { recursive: true, force: true })
      forget = removeIfStopped(() => rmSync(staging, { recursive: true, force: true }))
      mkdirSync(staging, { recursive: true })
    } catch (error) {
      throw plainWriteError(error, shown)
    }
    staged = true
    // Files seen so far were the same as on disk.
    if (carrying) startCarrying()
  }

  /** A file of this build: `text` compared with the one on disk, or undefined for one known to be the same. */
  const accept = (relative: string, text: string | undefined) => {
    // Paths come from framework ids and the content cache: neither may reach outside outDir.
    if (path.isAbsolute(relative) || relative.split(/[\\/]/).some((part) => part === '..' || part === '')) throw new Error(`${relative} is not a path inside the output folder`)
    if (seen.has(relative)) throw new Error(`${relative} was generated twice`)
    seen.add(relative)
    const target = path.join(outDir, relative)
    const same = text === undefined || (!absent && sameFile(target, text))
    if (!same) {
      changed.add(relative)
      startStaging()
    }
    try {
      if (staged && (!same || carrying)) stage(relative, same ? undefined : text)
    } catch (error) {
      throw plainWriteError(error, shown)
    }
  }

  const writer: OutputWriter = {
    add(relative, text) {
      timed('write', () => accept(relative, text))
    },
    keep(relative) {
      timed('write', () => accept(relative, undefined))
    },
    finish() {
      return timed('write', () => {
        const plan = carrying ? undefined : planInPlace(outDir, { seen, changed }, foreign)
        const removed = plan?.removed ?? listFiles(outDir, foreign).filter((relative) => !seen.has(relative))
        const result = { changed: [...changed].sort(compareStrings), removed }
        if (options.compareOnly || (changed.size === 0 && removed.length === 0)) return result
        // Staging started here checks the folder itself; one started earlier (or in place, where
        // startStaging checks nothing) is checked again just before the swap: the folder may have
        // changed while the files were made.
        const checkAgain = staged || !carrying
        startStaging()
        if (plan?.safe) {
          try {
            plan.apply(staging)
          } catch (error) {
            throw partlyWritten(error, shown)
          }
          forget()
          rmSync(staging, { recursive: true, force: true })
          return result
        }
        // Not safe in place (a link, a read-only folder): the whole folder is replaced instead.
        if (checkAgain) refuseReadOnly(outDir, foreign, shown)
        if (!carrying) startCarrying()
        // Carry over folders other commands own.
        if (existsSync(outDir))
          for (const name of foreign) if (existsSync(path.join(outDir, name))) renameSync(path.join(outDir, name), path.join(staging, name))
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
  // Every output folder says what made it, so the next run knows it may replace it. The first file
  // added: when it cannot be written, the caller has no writer to abort, so the new tree goes here.
  try {
    writer.add(MARKER, markerText(kind))
  } catch (error) {
    writer.abort()
    throw error
  }
  return writer
}

/**
 * Each file of the build's part of `outDir` with its size, inode and modification and change
 * times in nanoseconds: equal stamps mean the files were not touched since (the change time
 * moves on every write and cannot be set back).
 */
export function stampsOf(outDir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(outDir, FOREIGN).map((relative) => {
      // lstat: a link put in a file's place has a stamp of its own, never its target's.
      return [relative, stampText(lstatSync(path.join(outDir, relative), { bigint: true }))]
    }),
  )
}

/** One file's stamp, as stampsOf records it and filesUntouched compares it. */
function stampText(stat: BigIntStats): string {
  return `${stat.size} ${stat.ino} ${stat.mtimeNs} ${stat.ctimeNs}`
}

/**
 * True when every file of `stamps` (paths inside `outDir`, stamps as stampsOf gives them) is still
 * a plain file with that stamp: not edited, replaced, moved, linked to or deleted since. Other
 * files in the folder are not looked at.
 */
export function filesUntouched(outDir: string, stamps: Readonly<Record<string, string>>): boolean {
  return Object.entries(stamps).every(([relative, stamp]) => {
    // lstat: a link put in a file's place has a stamp of its own, never its target's.
    const stat = lstatSync(path.join(outDir, relative), { bigint: true, throwIfNoEntry: false })
    return stat !== undefined && stat.isFile() && stampText(stat) === stamp
  })
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
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>, options: Omit<OutputOptions, 'compareOnly'> = {}): WriteResult {
  const output = openOutput(outDir, options)
  try {
    for (const [relative, text] of files) output.add(relative, text)
    return output.finish()
  } catch (error) {
    output.abort()
    throw error
  }
}
