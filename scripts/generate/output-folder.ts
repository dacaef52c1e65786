/**
 * Which folders a command may replace. Build and site replace their whole output folder on each
 * run, so a wrong `--out` (`.`, `..`, `sources`, an unset variable) would delete what the user
 * wrote. A folder may be replaced only when it is absent, empty, or carries the marker file that
 * Thresholds writes into every output folder it makes, naming the kind of output.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { UsageError } from '../shared/usage-error.ts'
import { realPathOf } from '../shared/real-path.ts'
import { isWithin } from '../shared/within.ts'

/** The marker file, in every output folder Thresholds makes. */
export const MARKER = '.thresholds-output'

export type OutputKind = 'package' | 'site'

/** Folders under a package folder that other commands own: build carries them over untouched. */
export const FOREIGN = new Set(['site'])

export const WHO: Record<OutputKind, string> = { package: 'the package that thresholds build writes', site: 'the website that thresholds site writes' }
/** Each kind's default folder, from the working folder; messages give it as the example. */
export const DEFAULT_OUTPUT: Readonly<Record<OutputKind, string>> = { package: 'generated', site: 'generated/site' }

/**
 * An output folder as every message names it: as given, ending in “/” (generated/, my output/),
 * as “Wrote 3 files in generated/.” does.
 */
export function folderShown(shown: string): string {
  return shown.endsWith('/') || shown.endsWith(path.sep) ? shown : `${shown}/`
}

export function markerText(kind: OutputKind): string {
  return `thresholds-output: ${kind}\nThresholds made this folder and replaces all of it on each run: keep nothing else here.\n`
}

/** The kind of output a folder's marker names; undefined without a marker (or with one Thresholds did not write). */
export function markerKind(dir: string): OutputKind | undefined {
  let text: string
  try {
    if (!lstatSync(path.join(dir, MARKER)).isFile()) return undefined
    text = readFileSync(path.join(dir, MARKER), 'utf8')
  } catch {
    return undefined
  }
  const kind = /^thresholds-output: (package|site)\n/.exec(text)?.[1]
  return kind as OutputKind | undefined
}

/**
 * What is in `dir` that this kind of output would replace: for a package, not the website in its
 * usual place (generated/site, marked as a site), so `site` before the first `build` is fine.
 */
function entriesOf(dir: string, kind: OutputKind): string[] | undefined {
  try {
    if (!statSync(dir).isDirectory()) return undefined
    return readdirSync(dir).filter((name) => !(kind === 'package' && FOREIGN.has(name) && markerKind(path.join(dir, name)) === 'site'))
  } catch {
    return undefined
  }
}

/**
 * The first framework.md under `dir`, without following links. (Not a folder named sources: a
 * framework with that id has one in the package and on the website.)
 */
function sourcesUnder(dir: string): string | undefined {
  const stack = [dir]
  while (stack.length) {
    const current = stack.pop() as string
    let entries
    try {
      entries = readdirSync(current, { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name)
      if (entry.name === 'framework.md') return full
      if (entry.isDirectory()) stack.push(full)
    }
  }
  return undefined
}

export interface OutputPlace {
  /** What the user typed for `--out`, or undefined for the default. */
  given: string | undefined
  /** The folder it resolves to. */
  outDir: string
  kind: OutputKind
  cwd: string
  /** Folders the command reads sources from (its arguments, or sources/). */
  sourceRoots: readonly string[]
  /** Only compared, never written (`build --check`): a folder without the marker then just differs. */
  compareOnly?: boolean
}

/**
 * Throws a usage error (one line, nothing touched) when the command must not replace `outDir`:
 * see the module comment. Run before the check, so a wrong `--out` costs nothing.
 */
export function refuseOutputFolder(place: OutputPlace): void {
  const { given, kind, cwd } = place
  const option = given === undefined ? '' : ' (--out)'
  if (given !== undefined && given.trim() === '') throw new UsageError(`--out is empty, expected a folder such as ${DEFAULT_OUTPUT[kind]}`)
  const outDir = realPathOf(place.outDir)
  const shown = folderShown(given ?? (path.relative(cwd, place.outDir) || place.outDir))
  const refuse = (reason: string): never => {
    throw new UsageError(`Cannot write to ${shown}${option}: ${reason}; nothing was changed`)
  }
  const here = realPathOf(cwd)
  if (outDir === here) refuse(`it is the working folder, expected a folder of its own such as ${DEFAULT_OUTPUT[kind]}`)
  if (isWithin(here, outDir)) refuse(`it holds the working folder, expected a folder of its own such as ${DEFAULT_OUTPUT[kind]}`)
  if (outDir === realPathOf(homedir())) refuse('it is your home folder, expected a folder of its own such as ' + DEFAULT_OUTPUT[kind])
  for (const root of new Set([path.join(cwd, 'sources'), ...place.sourceRoots].map(realPathOf))) {
    const name = `“${path.relative(here, root) || root}”`
    if (isWithin(outDir, root)) refuse(outDir === root ? 'it is the sources folder' : `it is inside the sources folder ${name}`)
    if (isWithin(root, outDir) && existsSync(root)) refuse(`it holds the sources folder ${name}`)
  }
  for (let dir = outDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'framework.md'))) refuse(`it is ${dir === outDir ? '' : 'inside '}a framework folder (one with a framework.md)`)
    const other = dir === outDir ? undefined : markerKind(dir)
    // The website's usual place, generated/site, is the one folder inside a package it may have.
    const siteInPackage = kind === 'site' && other === 'package' && path.dirname(outDir) === dir && FOREIGN.has(path.basename(outDir))
    if (other && !siteInPackage) refuse(`it is inside “${path.relative(here, dir) || dir}”, which holds ${WHO[other]}`)
    if (path.dirname(dir) === dir) break
  }
  if (existsSync(place.outDir) && !statSync(place.outDir).isDirectory()) refuse('it is a file, expected a folder')
  for (let dir = path.dirname(place.outDir); ; dir = path.dirname(dir)) {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) refuse(`“${path.relative(cwd, dir) || dir}” is a file, expected a folder`)
      break
    }
    if (path.dirname(dir) === dir) break
  }
  const entries = entriesOf(outDir, kind)
  if (!entries || entries.length === 0 || place.compareOnly) return
  const marked = markerKind(outDir)
  if (marked && marked !== kind) refuse(`it holds ${WHO[marked]}, expected a folder of its own such as ${DEFAULT_OUTPUT[kind]}`)
  if (!marked) refuse(`it is not empty and Thresholds did not make it (it has no ${MARKER} file), expected a new or empty folder`)
  const found = sourcesUnder(outDir)
  if (found) refuse(`it holds “${path.relative(here, found) || found}”, which Thresholds did not make`)
}

/** The output folder `dir` is in (or is), by its marker: anything written there is removed by the next run. */
export function enclosingOutput(dir: string): { dir: string; kind: OutputKind } | undefined {
  for (let current = realPathOf(dir); ; current = path.dirname(current)) {
    const kind = markerKind(current)
    if (kind) return { dir: current, kind }
    if (path.dirname(current) === current) return undefined
  }
}

/**
 * The writer's own guard, whatever called it: a folder is replaced only when it is absent, empty
 * or marked as this kind of output.
 */
export function assertReplaceable(outDir: string, kind: OutputKind, shown = outDir): void {
  if (!existsSync(outDir)) return
  if (!statSync(outDir).isDirectory()) throw new UsageError(`Cannot write to ${folderShown(shown)}: it is a file, expected a folder; nothing was changed`)
  if (entriesOf(outDir, kind)?.length === 0) return
  const marked = markerKind(outDir)
  if (marked === kind) return
  throw new UsageError(
    `Cannot write to ${folderShown(shown)}: ${marked ? `it holds ${WHO[marked]}` : `it is not empty and Thresholds did not make it (it has no ${MARKER} file)`}, expected a new or empty folder; nothing was changed`,
  )
}
