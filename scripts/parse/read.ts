import { lstatSync, readdirSync, readFileSync, realpathSync as jsRealpath, statSync, type BigIntStats, type Dirent } from 'node:fs'
import path from 'node:path'
import { findUnsafeCharacter } from '../shared/characters.ts'
import { escapeControls } from '../shared/terminal.ts'
import { fileMessage } from '../shared/diagnostics.ts'
import { createSourceFile, FILE_START, type SourceFile } from '../shared/source-file.ts'
import { compareStrings } from '../shared/text.ts'
import { MARKDOWN_EXTENSION, windowsProblem } from '../shared/names.ts'
import { caseTwins, markdownUnder } from './names.ts'
import { linkNotFollowed, unfollowedLink } from './symbolic-links.ts'
import { existingRealPath } from '../shared/real-path.ts'
import { isWithin } from '../shared/within.ts'

// The system's realpath: one call per path instead of an lstat per path component (a tenth of
// reading 2,000 files). It fails with the same codes (ELOOP, ENOENT, EACCES).
const realpathSync = jsRealpath.native

/** Source files larger than this are refused unread: the largest real framework is ~50 kB. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024

export type FileKind = 'framework' | 'level' | 'domain' | 'contacts' | 'links' | 'matrix' | 'section' | 'rules'

export interface FrameworkFile {
  kind: FileKind
  source: SourceFile
  /** False when the file could not be read as text; `source.text` is then empty. */
  readable: boolean
  /** The digest of its text, when read with stamps (SourceStamps): the text itself is then read only if asked for. */
  digest?: string
}

/**
 * Stamps of files read before (cache/stamps.ts): a file whose stamp (device, inode, size,
 * modification and change times) is what it was when its text was read is known by that text's
 * digest without being read again, as Make, git and tsc trust a file's times.
 */
export interface SourceStamps {
  /** The digest of the text the file at `real` held when its stamp was `stamp`, if known. */
  known(real: string, stamp: string): string | undefined
  /** A file just read: the digest of its text, its stamp kept for the next run when it can be trusted. */
  read(real: string, stamp: string, text: string, stats: BigIntStats, readAt: bigint): string
  /** Reads a file known by its stamp when its text is asked for (SourcesChanged when it no longer holds that text). */
  late(real: string, shown: string, digest: string): string
}

/** A file's bytes as text, keeping a byte order mark; throws on bytes that are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
}

/** A file's stamp: what changes whenever its contents do (a save, a rename over it, `touch`). */
export function stampOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`
}

export interface FrameworkFolder {
  /** Folder name: the framework's id. */
  id: string
  dir: string
  files: FrameworkFile[]
  /** Messages that belong to no readable file (a missing framework.md). */
  folderFile: SourceFile
  /**
   * Markdown files Thresholds does not read (`levels/03-x.MD`, `notes/plan.md`), with no text:
   * the file-not-read rule reports them, so none is ignored without a word.
   */
  unread: SourceFile[]
}

/** Every file of a framework messages can be filed on: the folder's own, each file read, each not read. */
export function sourcesOf(folder: FrameworkFolder): SourceFile[] {
  return [folder.folderFile, ...folder.files.map((file) => file.source), ...folder.unread]
}

/** The files read at the top of a framework folder, and the folders whose files are read, by the kind of file. */
export const ROOT_FILES: Record<string, FileKind> = {
  'framework.md': 'framework',
  'contacts.md': 'contacts',
  'links.md': 'links',
  'matrix.md': 'matrix',
  'rules.yaml': 'rules',
}
export const FOLDERS: Record<string, FileKind> = { levels: 'level', domains: 'domain', sections: 'section' }

/**
 * Shown paths are relative to `cwd`, the command's working directory, so editors and CI can open
 * them; absolute when no folder is given or the file is outside it.
 */
export function displayPath(absolute: string, cwd: string | undefined): string {
  if (cwd === undefined) return absolute.split(path.sep).join('/')
  // Only “..” itself or “../…” leaves the folder: a folder named “..x” is inside it.
  const relative = path.relative(cwd, absolute)
  return (relative && isWithin(absolute, cwd) ? relative : absolute).split(path.sep).join('/')
}

/**
 * displayPath for paths inside `dir`, the same strings, without working out each path from `cwd`
 * (a fifth of reading 2,000 files known by their stamps): whether `dir` is within `cwd`, and its
 * path from there, are worked out once, and a path inside it is that and the rest. When `cwd` is
 * inside `dir`, a path in `dir` may or may not be within `cwd`, so each is worked out on its own.
 */
export function displayPathsIn(dir: string, cwd: string | undefined): (absolute: string) => string {
  const slow = (absolute: string) => displayPath(absolute, cwd)
  if (cwd === undefined) return slow
  const within = isWithin(dir, cwd)
  if (!within && isWithin(cwd, dir)) return slow
  // Within cwd, paths in `dir` are shown from cwd through `dir`; outside it, whole.
  const shownDir = within ? path.relative(cwd, dir) : dir
  const prefix = `${dir}${path.sep}`
  return (absolute) => {
    if (!absolute.startsWith(prefix) || absolute.length === prefix.length) return slow(absolute)
    const rest = absolute.slice(prefix.length)
    return (shownDir ? `${shownDir}${path.sep}${rest}` : rest).split(path.sep).join('/')
  }
}

/**
 * How to join a folder and a name from its listing: `path.join(dir, name)` is the folder's
 * normalised path and the name, so it is worked out once per folder rather than once per file
 * (path.join normalises the whole path on every call: a seventh of reading 2,000 files). A name
 * from a listing never holds a separator and is never “.” or “..”, so the result is the same.
 */
export function joinerIn(dir: string): (name: string) => string {
  const prefix = path.join(dir, 'x').slice(0, -1)
  return (name) => prefix + name
}

/**
 * Reads one framework folder. Only the files the format defines are read; each is checked to
 * be a regular file inside the sources root (symlinks are followed only when they stay inside),
 * within the size limit, and valid UTF-8 text.
 */
export function readFrameworkFolder(dir: string, sourcesRoot: string, besides: readonly SourceFile[] = [], cwd?: string, stamps?: SourceStamps): FrameworkFolder {
  const id = path.basename(dir)
  // Paths as messages show them (displayPath).
  const show = displayPathsIn(dir, cwd)
  const rootReal = existingRealPath(sourcesRoot) ?? path.resolve(sourcesRoot)
  const folderFile = createSourceFile(show(path.join(dir, 'framework.md')), 'framework.md', '')
  // Links beside the framework folders, filed with this one (symbolic-links.ts).
  const files: FrameworkFile[] = besides.map((source) => ({ kind: 'section', source, readable: false }))
  const unread: SourceFile[] = []
  // A Markdown file that is not read: reported by the file-not-read rule, or refused here when its
  // name ends in a dot or space (Windows would save it under another name).
  const notRead = (absolute: string, relative: string) => {
    const trouble = windowsProblem(path.basename(relative))
    if (trouble) files.push(badName(absolute, relative, `“${relative}” cannot be used as a file name: ${trouble}, expected a name ending in “.md”`, show))
    else unread.push(createSourceFile(show(absolute), relative, ''))
  }
  const knownReal = existingRealPath(dir)
  const frameworkReal = knownReal ?? path.resolve(dir)
  const inDir = joinerIn(dir)
  const inReal = knownReal === undefined ? undefined : joinerIn(knownReal)
  // A symbolic link the reader does not follow (symbolic-links.ts): reported at the link.
  const link = (absolute: string, relative: string) => {
    const reason = unfollowedLink(absolute, rootReal, frameworkReal)
    if (reason) files.push({ kind: 'section', source: linkNotFollowed(show(absolute), relative, reason), readable: false })
  }
  const found = (entry: { absolute: string; relative: string; link?: boolean }) => (entry.link ? link(entry.absolute, entry.relative) : notRead(entry.absolute, entry.relative))

  const unsafeName = findUnsafeCharacter(id)
  if (unsafeName) {
    fileMessage(folderFile, FILE_START, `The framework folder name “${escapeControls(id)}” holds ${unsafeName.description}, expected a name of lower-case letters, digits and hyphens`, 'file-unreadable', 'error')
    return { id, dir, files, folderFile, unread }
  }

  const listed = listDir(dir)
  if (listed instanceof Error) {
    fileMessage(folderFile, FILE_START, `The framework folder “${id}” cannot be read: ${reasonOf(listed)}`, 'file-unreadable', 'error')
    return { id, dir, files, folderFile, unread }
  }
  // Names Thresholds reads first, so that of two names differing only in case the other is refused.
  const known = (name: string) => Object.hasOwn(ROOT_FILES, name) || Object.hasOwn(FOLDERS, name)
  const entries = [...listed.filter((entry) => known(entry.name)), ...listed.filter((entry) => !known(entry.name))]
  const rootTwins = caseTwins(entries.map((entry) => entry.name))
  for (const entry of entries) {
    const absolute = inDir(entry.name)
    const twin = rootTwins.get(entry.name)
    if (twin !== undefined) {
      const slash = entry.isDirectory() ? '/' : ''
      files.push(badName(absolute, entry.name + slash, `“${entry.name}${slash}” differs from “${twin}${slash}” only in case, and Windows and macOS keep only one of the two, expected one ${slash ? 'folder' : 'file'}: move the files into “${twin}${slash}”`, show))
      continue
    }
    if (Object.hasOwn(ROOT_FILES, entry.name)) {
      files.push(readOne(absolute, entry.name, ROOT_FILES[entry.name] as FileKind, rootReal, show, stamps, inReal))
    } else if (Object.hasOwn(FOLDERS, entry.name)) {
      const opened = openFolder(absolute, rootReal, entry.isDirectory() && inReal !== undefined ? inReal(entry.name) : undefined)
      if (opened === undefined) continue // a file named like a folder: not something Thresholds reads
      if (typeof opened === 'string') {
        files.push(unreadableFolder(absolute, entry.name, opened, show))
        continue
      }
      const folderReal = opened.real
      const children = listDir(absolute)
      if (children instanceof Error) {
        files.push(unreadableFolder(absolute, entry.name, reasonOf(children), show))
        continue
      }
      const twins = caseTwins(children.map((child) => child.name))
      const inFolder = joinerIn(absolute)
      const inFolderReal = joinerIn(folderReal)
      for (const child of children) {
        const childPath = inFolder(child.name)
        const relative = `${entry.name}/${child.name}`
        if (child.name.endsWith('.md')) {
          const read = readOne(childPath, relative, FOLDERS[entry.name] as FileKind, rootReal, show, stamps, inFolderReal)
          files.push(read)
          const trouble = windowsProblem(child.name)
          const twin = twins.get(child.name)
          if (trouble) fileMessage(read.source, FILE_START, `“${relative}” cannot be used as a file name: ${trouble}, expected another name`, 'portable-name', 'error')
          else if (twin !== undefined)
            fileMessage(read.source, FILE_START, `“${relative}” differs from “${entry.name}/${twin}” only in case, and Windows and macOS keep only one of the two, expected one file: rename or merge them`, 'portable-name', 'error')
        } else if (child.isDirectory()) unknownMarkdownIn(childPath, relative, files, found, show)
        else if (MARKDOWN_EXTENSION.test(child.name)) notRead(childPath, relative)
        else if (child.isSymbolicLink()) link(childPath, relative)
      }
    } else if (entry.name.endsWith('.md')) {
      const source = createSourceFile(show(absolute), entry.name, '')
      fileMessage(source, FILE_START, `“${entry.name}” is not a file Thresholds reads, expected framework.md, contacts.md, links.md, matrix.md, or a file in levels/, domains/ or sections/`, 'unknown-file', 'error')
      files.push({ kind: 'section', source, readable: false })
    } else if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) for (const under of markdownUnder(absolute, entry.name)) found(under)
    } else if (MARKDOWN_EXTENSION.test(entry.name)) notRead(absolute, entry.name)
    else if (entry.isSymbolicLink()) link(absolute, entry.name)
  }
  if (!files.some((file) => file.kind === 'framework'))
    fileMessage(folderFile, FILE_START, `The framework folder “${id}” has no framework.md, expected one with the framework's title, version and dates`, 'file-unreadable', 'error')
  return { id, dir, files, folderFile, unread }
}

/** A name that cannot be used: the file (or folder) is not read, and the reason is an error. */
function badName(absolute: string, relative: string, reason: string, show: (absolute: string) => string): FrameworkFile {
  const source = createSourceFile(relative.endsWith('/') ? `${show(absolute)}/` : show(absolute), relative, '')
  fileMessage(source, FILE_START, reason, 'portable-name', 'error')
  return { kind: 'section', source, readable: false }
}

function unknownMarkdownIn(dir: string, relative: string, files: FrameworkFile[], found: (entry: { absolute: string; relative: string; link?: boolean }) => void, show: (absolute: string) => string): void {
  const children = listDir(dir)
  if (children instanceof Error) {
    files.push(unreadableFolder(dir, relative, reasonOf(children), show))
    return
  }
  const inDir = joinerIn(dir)
  for (const child of children) {
    const childPath = inDir(child.name)
    if (child.isDirectory()) {
      for (const deeper of markdownUnder(childPath, `${relative}/${child.name}`)) found(deeper)
      continue
    }
    if (!child.name.endsWith('.md')) {
      if (MARKDOWN_EXTENSION.test(child.name) || child.isSymbolicLink()) found({ absolute: childPath, relative: `${relative}/${child.name}`, link: !MARKDOWN_EXTENSION.test(child.name) })
      continue
    }
    const source = createSourceFile(show(childPath), `${relative}/${child.name}`, '')
    fileMessage(source, FILE_START, `“${relative}/${child.name}” is in a folder Thresholds does not read, expected it directly in levels/, domains/ or sections/`, 'unknown-file', 'error')
    files.push({ kind: 'section', source, readable: false })
  }
}

/** The folder's entries in code-unit order (the same on every machine), or why it cannot be listed. */
function listDir(dir: string): Dirent[] | Error {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

function reasonOf(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ELOOP') return 'it is a symbolic link that points back at itself'
  if (code === 'ENOENT') return 'it is a symbolic link to something that does not exist'
  return `the system reports ${code ?? error.message}`
}

/** A folder that cannot be listed: its files would otherwise vanish without a word. */
function unreadableFolder(absolute: string, relative: string, reason: string, show: (absolute: string) => string): FrameworkFile {
  const source = createSourceFile(`${show(absolute)}/`, `${relative}/`, '')
  fileMessage(source, FILE_START, `The folder “${relative}/” cannot be read: ${reason}, expected a folder inside the framework folder whose files Thresholds can list`, 'file-unreadable', 'error')
  return { kind: 'section', source, readable: false }
}

/**
 * Checks a levels/, domains/ or sections/ folder before listing it: its real path to list it, a
 * reason when it cannot be used, undefined when it is not a folder at all.
 */
function openFolder(absolute: string, rootReal: string, listedReal?: string): { real: string } | string | undefined {
  let real: string
  // `listedReal`: listed as a folder (not a link) in a folder whose real path is known, it is at
  // that path under its own name, and a folder: no real path or stat to ask for.
  if (listedReal !== undefined) real = listedReal
  else
    try {
      real = realpathSync(absolute)
      if (!statSync(real).isDirectory()) return undefined
    } catch (error) {
      return reasonOf(error instanceof Error ? error : new Error(String(error)))
    }
  const realRoot = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep
  if (!real.startsWith(realRoot)) return 'it is a symbolic link to a folder outside sources/'
  return { real }
}

/** `inFolderReal`: the real path of a name in the file's folder (joinerIn), when the folder's real path is known. */
function readOne(absolute: string, relative: string, kind: FileKind, rootReal: string, show: (absolute: string) => string, stamps?: SourceStamps, inFolderReal?: (name: string) => string): FrameworkFile {
  const shown = show(absolute)
  const fail = (reason: string): FrameworkFile => {
    const source = createSourceFile(shown, relative, '')
    fileMessage(source, FILE_START, reason, 'file-unreadable', 'error')
    return { kind, source, readable: false }
  }
  // A name is shown in every message about the file, and becomes part of the package's paths.
  const unsafeName = findUnsafeCharacter(relative)
  if (unsafeName) return fail(`The file name “${escapeControls(relative)}” holds ${unsafeName.description}, expected a name of plain letters, digits and hyphens`)
  // When it was looked at: a stamp taken in the same clock tick as a change cannot be trusted (stamps.ts).
  const readAt = BigInt(Date.now()) * 1_000_000n
  let linkStats: BigIntStats
  try {
    linkStats = lstatSync(absolute, { bigint: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return fail(code === 'EACCES' ? `“${relative}” cannot be opened: permission denied` : `“${relative}” cannot be opened (${code ?? 'unknown error'}), expected a readable file`)
  }
  const isLink = linkStats.isSymbolicLink()
  // The real path, not just the last link: a linked folder (levels/ -> /elsewhere) leaves sources/ too.
  // A file that is not a link, in a folder whose real path is known, is at that path under its own
  // name, and its lstat is its stat: one system call instead of three.
  let real: string
  if (!isLink && inFolderReal !== undefined) real = inFolderReal(path.basename(absolute))
  else
    try {
      real = realpathSync(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ELOOP') return fail(`“${relative}” is a symbolic link that points back at itself, expected a real file`)
      if (code === 'ENOENT') return fail(`“${relative}” is a symbolic link to a file that does not exist, expected a real file`)
      return fail(`“${relative}” cannot be opened (${code ?? 'unknown error'}), expected a readable file`)
    }
  const realRoot = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep
  if (!real.startsWith(realRoot))
    return fail(
      isLink
        ? `“${relative}” is a symbolic link to a file outside sources/, expected the file itself inside the framework folder`
        : `“${relative}” is reached through a folder that is a symbolic link to outside sources/, expected the files themselves inside the framework folder`,
    )
  let stats: BigIntStats
  try {
    stats = isLink || inFolderReal === undefined ? statSync(real, { bigint: true }) : linkStats
  } catch (error) {
    return fail(`“${relative}” cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}), expected a readable file`)
  }
  if (!stats.isFile()) return fail(`“${relative}” is not a regular file, expected a text file`)
  const size = Number(stats.size)
  if (size > MAX_FILE_BYTES) return fail(`“${relative}” is ${(size / 1024 / 1024).toFixed(1)} MB, expected at most ${MAX_FILE_BYTES / 1024 / 1024} MB: split it into smaller files`)
  // Unchanged since its text was read and found readable: the same checks would pass again.
  const stamp = stamps && stampOf(stats)
  const known = stamp === undefined ? undefined : stamps?.known(real, stamp)
  if (stamps && known) return { kind, source: createSourceFile(shown, relative, () => stamps.late(real, shown, known)), readable: true, digest: known }
  let buffer: Buffer
  try {
    buffer = readFileSync(real)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return fail(code === 'EACCES' ? `“${relative}” cannot be read: permission denied` : `“${relative}” cannot be read (${code ?? 'unknown error'})`)
  }
  const nul = buffer.indexOf(0)
  if (nul !== -1) return failAt(shown, relative, kind, buffer, nul, `“${relative}” is a binary file (it contains a NUL byte), expected plain text`)
  let text: string
  try {
    text = decodeUtf8(buffer)
  } catch {
    const lossy = buffer.toString('utf8')
    const bad = Buffer.byteLength(lossy.slice(0, Math.max(0, lossy.indexOf('\uFFFD'))), 'utf8')
    return failAt(shown, relative, kind, buffer, bad, `“${relative}” is not valid UTF-8 text, expected the file to be saved as UTF-8`)
  }
  // Control characters, bidirectional overrides and noncharacters have no place in text: they
  // can rewrite a terminal that shows a message quoting them (an escape sequence in a heading,
  // say) or reorder what a reviewer sees; tab and line endings are the exceptions.
  const unsafe = findUnsafeCharacter(text, { inFile: true })
  if (unsafe) {
    const at = createSourceFile(shown, relative, text).toPoint(unsafe.index)
    const source = createSourceFile(shown, relative, '')
    fileMessage(source, { start: at, end: { line: at.line, column: at.column + 1 } }, `“${relative}” contains ${unsafe.description}, expected plain text: delete it or replace it with a space`, 'file-unreadable', 'error')
    return { kind, source, readable: false }
  }
  const digest = stamps && stamp !== undefined ? stamps.read(real, stamp, text, stats, readAt) : undefined
  return { kind, source: createSourceFile(shown, relative, text), readable: true, ...(digest ? { digest } : {}) }
}

/** Positions an encoding problem at the line and column of the offending byte. */
function failAt(shown: string, relative: string, kind: FileKind, buffer: Buffer, byteOffset: number, reason: string): FrameworkFile {
  // Columns are counted as in a readable file: without a leading byte-order mark.
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf && byteOffset >= 3 ? 3 : 0
  const before = buffer.subarray(bom, byteOffset).toString('utf8')
  const lines = before.split(/\r\n|\r|\n/)
  const line = lines.length
  const column = (lines.at(-1)?.length ?? 0) + 1
  const source = createSourceFile(shown, relative, '')
  fileMessage(source, { start: { line, column }, end: { line, column: column + 1 } }, reason, 'file-unreadable', 'error')
  return { kind, source, readable: false }
}
