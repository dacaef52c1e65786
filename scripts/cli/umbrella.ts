/**
 * The version of the package holding every framework, for `build` (model/umbrella.ts): counted
 * from the release the output folder holds (its package.json, which the build replaces), and with
 * `build --check --base <revision>` also held to what the release committed at that revision
 * requires, so a pull request cannot ship a version lower than the branch it goes into needs.
 * Every problem is a positioned message for the report, never a thrown error.
 */
import { lstatSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Position } from 'unist'
import type { CheckedFramework } from '../check/checked-framework.ts'
import { findRepository, git, resolveCommit } from '../diff/git.ts'
import { MAX_RECORD_BYTES, parseUmbrellaRecord } from '../generate/umbrella-record.ts'
import { isStated } from '../model/not-stated.ts'
import { FIRST_UMBRELLA_VERSION, loweredFrameworks, nextUmbrellaVersion, semver, type UmbrellaRecord, type UmbrellaVersion } from '../model/umbrella.ts'
import { compareVersionNumbers, versionNumbers, type VersionNumbers } from '../model/versions.ts'
import { fileMessage } from '../shared/diagnostics.ts'
import { createSourceFile, FILE_START, type SourceFile } from '../shared/source-file.ts'
import { compareStrings } from '../shared/text.ts'
import { UsageError } from '../shared/usage-error.ts'
import { PACKAGE_NAME } from '../generate/package.ts'

export interface UmbrellaPlan {
  /** The package's version for this build; undefined when a problem stops the build. */
  next?: UmbrellaVersion
  /** The version the output folder's package.json had, when it had a readable one. */
  previous?: string
  /** Files holding the problems found (framework.md of a framework whose version went down, a damaged package.json). */
  files: VFile[]
}

/** What to do about a damaged record: deleting it would start the version again, lower. */
const RESTORE = `restore it from git rather than delete it, which would start the version again at ${FIRST_UMBRELLA_VERSION}`

const ZERO: VersionNumbers = { major: 0, minor: 0, patch: 0 }
const pointAt = (line: number, column: number): Position => ({ start: { line, column }, end: { line, column } })

/** A previous release as read: absent (no earlier build), its record, or the file with its problem filed on it. */
type Read = { record?: UmbrellaRecord; source?: SourceFile; problem?: true }

function recordFrom(text: string, shown: string): Read {
  const source = createSourceFile(shown, 'package.json', text.replace(/^\uFEFF/, ''))
  const parsed = parseUmbrellaRecord(source.text)
  if ('record' in parsed) return { record: parsed.record, source }
  fileMessage(source, pointAt(parsed.problem.line, parsed.problem.column), `${parsed.problem.reason}: ${RESTORE}`, 'release-record', 'error')
  return { source, problem: true }
}

function unreadable(shown: string, reason: string): Read {
  const source = createSourceFile(shown, 'package.json', '')
  fileMessage(source, FILE_START, `${reason}: ${RESTORE}`, 'release-record', 'error')
  return { source, problem: true }
}

/** The release in the output folder: its package.json, checked before it is read (never a link, a device or a huge file). */
export function readOutputRelease(outDir: string, shownOut: string): Read {
  const file = path.join(outDir, 'package.json')
  const shown = `${shownOut}/package.json`
  let stat
  try {
    stat = lstatSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? {} : unreadable(shown, `The package.json of the package already built cannot be read (${code ?? 'unknown error'}), expected the file “npm run build” writes`)
  }
  if (!stat.isFile()) return unreadable(shown, 'The package.json of the package already built is not a regular file (a folder, a link or a device), expected the file “npm run build” writes')
  if (stat.size > MAX_RECORD_BYTES) return unreadable(shown, `The package.json of the package already built is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB, expected the file “npm run build” writes (a few kilobytes)`)
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return unreadable(shown, `The package.json of the package already built cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}), expected the file “npm run build” writes`)
  }
  return recordFrom(text, shown)
}

/** The release committed at `ref` in the output folder's place: what the branch a change goes into holds. */
export function readCommittedRelease(ref: string, outDir: string, cwd: string): Read & { shown: string } {
  const repository = findRepository(cwd)
  if (!repository) throw new UsageError(`--base needs a git repository, and ${cwd} is not inside one`)
  const resolved = resolveCommit(repository, ref)
  if (!resolved) throw new UsageError(`--base: “${ref}” is not a commit, branch or tag in this repository`)
  const inRepository = path.relative(repository.top, path.join(outDir, 'package.json')).split(path.sep).join('/')
  if (inRepository.startsWith('../') || path.isAbsolute(inRepository)) throw new UsageError(`--base: the output folder is outside the git repository, so ${ref} cannot hold its package.json`)
  const shown = `${ref}:${inRepository}`
  const spec = `${resolved.commit}:${inRepository}`
  let size: number
  try {
    size = Number(git(['cat-file', '-s', spec], repository.top).trim())
  } catch {
    // Not in that commit: the branch has no release yet.
    return { shown }
  }
  if (!(size <= MAX_RECORD_BYTES)) return { ...unreadable(shown, `The package.json at ${ref} is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB, expected the file “npm run build” writes (a few kilobytes)`), shown }
  return { ...recordFrom(git(['cat-file', 'blob', spec], repository.top), shown), shown }
}

/** The file a framework's version is set in (framework.md), and where in it. */
function versionPlace(context: CheckedFramework): { source: SourceFile; position: Position } {
  const source = context.folder.files.find((file) => file.kind === 'framework')?.source ?? context.folder.folderFile
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source.text)
  const setting = frontMatter ? /^version[ \t]*:[ \t]*/m.exec(frontMatter[1] ?? '') : null
  if (!frontMatter || !setting) return { source, position: FILE_START }
  const start = frontMatter.index + frontMatter[0].indexOf(frontMatter[1] ?? '') + setting.index + setting[0].length
  const point = source.toPoint(start)
  return { source, position: { start: point, end: point } }
}

/** Each framework's package version now, by id in id order (a version “not stated” is 0.0.0). */
function currentVersions(contexts: readonly CheckedFramework[]): Map<string, VersionNumbers> {
  const sorted = [...contexts].sort((a, b) => compareStrings(a.framework.id, b.framework.id))
  return new Map(sorted.map((context) => [context.framework.id, versionNumbers(context.framework.version) ?? ZERO]))
}

/** Files a message on framework.md for each framework whose version is lower than `record` holds; the files, once each. */
function refuseLowered(contexts: readonly CheckedFramework[], current: Map<string, VersionNumbers>, record: UmbrellaRecord | undefined, where: string, done: Set<string>): VFile[] {
  const files: VFile[] = []
  for (const { id, recorded } of loweredFrameworks(record, current)) {
    const context = contexts.find((candidate) => candidate.framework.id === id)
    // A version that is not numbers is the version-scheme rule's to report.
    if (!context || done.has(id) || (isStated(context.framework.version) && !versionNumbers(context.framework.version))) continue
    done.add(id)
    const { source, position } = versionPlace(context)
    const now = isStated(context.framework.version) ? context.framework.version : '“not stated” (0.0.0)'
    fileMessage(source, position, `The version ${now} is lower than ${semver(recorded)}, the version ${where} has for ${id}, expected ${semver(recorded)} or higher: a framework's version never goes down, or apps would see it go backwards`, 'version-not-lowered', 'error')
    if (!files.includes(source.vfile)) files.push(source.vfile)
  }
  return files
}

/**
 * The package's version for a build of `contexts` into `outDir`, and every problem that stops it.
 * With `base`, also the release committed at that revision, which the version must not fall below.
 */
export function planUmbrella(contexts: readonly CheckedFramework[], outDir: string, shownOut: string, cwd: string, base?: string): UmbrellaPlan {
  const current = currentVersions(contexts)
  const output = readOutputRelease(outDir, shownOut)
  const committed = base === undefined ? undefined : readCommittedRelease(base, outDir, cwd)
  const problems = [output, committed].flatMap((read) => (read?.problem && read.source ? [read.source.vfile] : []))
  const done = new Set<string>()
  const lowered = [...refuseLowered(contexts, current, output.record, `the package in ${shownOut}/`, done), ...(committed ? refuseLowered(contexts, current, committed.record, `the package at ${base}`, done) : [])]
  const files = [...problems, ...lowered.filter((file, index) => lowered.indexOf(file) === index)]
  const previous = output.record && semver(output.record.version)
  if (files.length) return { files, ...(previous ? { previous } : {}) }
  const next = nextUmbrellaVersion(output.record, current)
  if (committed) {
    const required = nextUmbrellaVersion(committed.record, current)
    const have = versionNumbers(next.version) ?? ZERO
    if (compareVersionNumbers(have, versionNumbers(required.version) ?? ZERO) < 0) {
      // The output's own record was edited (or rebuilt from a later one) so that it asks for less than the branch's release.
      const source = output.source ?? createSourceFile(`${shownOut}/package.json`, 'package.json', '')
      const at = /"version"\s*:\s*/.exec(source.text)
      const point = at ? source.toPoint(at.index + at[0].length) : undefined
      const why = required.reasons.length ? ` (${required.reasons.join('; ')})` : ''
      const from = committed.record ? `${semver(committed.record.version)} at ${base}` : `no release at ${base}`
      fileMessage(
        source,
        point ? { start: point, end: point } : FILE_START,
        `The version of ${PACKAGE_NAME} here is ${next.version}, lower than the ${required.version} that these frameworks need after ${from}${why}, expected ${required.version} or higher: restore ${shownOut}/package.json from ${base} and run “npm run build”`,
        'package-version-not-lowered',
        'error',
      )
      return { files: [source.vfile], ...(previous ? { previous } : {}) }
    }
  }
  return { next, files: [], ...(previous ? { previous } : {}) }
}
