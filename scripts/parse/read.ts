import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { fileMessage } from '../shared/diagnostics.ts'
import { createSourceFile, FILE_START, type SourceFile } from '../shared/source-file.ts'
import { compareStrings } from '../shared/text.ts'

/** Source files larger than this are refused unread: the largest real framework is ~50 kB. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024

export type FileKind = 'framework' | 'level' | 'domain' | 'contacts' | 'links' | 'matrix' | 'section' | 'rules'

export interface FrameworkFile {
  kind: FileKind
  source: SourceFile
  /** False when the file could not be read as text; `source.text` is then empty. */
  readable: boolean
}

export interface FrameworkFolder {
  /** Folder name: the framework's id. */
  id: string
  dir: string
  files: FrameworkFile[]
  /** Messages that belong to no readable file (a missing framework.md). */
  folderFile: SourceFile
}

const ROOT_FILES: Record<string, FileKind> = {
  'framework.md': 'framework',
  'contacts.md': 'contacts',
  'links.md': 'links',
  'matrix.md': 'matrix',
  'rules.yaml': 'rules',
}
const FOLDERS: Record<string, FileKind> = { levels: 'level', domains: 'domain', sections: 'section' }

/** Shown paths are relative to the working directory so editors and CI can open them. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, absolute)
  return (relative && !relative.startsWith('..') ? relative : absolute).split(path.sep).join('/')
}

/**
 * Reads one framework folder. Only the files the format defines are read; each is checked to
 * be a regular file inside the sources root (symlinks are followed only when they stay inside),
 * within the size limit, and valid UTF-8 text.
 */
export function readFrameworkFolder(dir: string, sourcesRoot: string): FrameworkFolder {
  const id = path.basename(dir)
  const rootReal = safeRealpath(sourcesRoot) ?? path.resolve(sourcesRoot)
  const folderFile = createSourceFile(displayPath(path.join(dir, 'framework.md')), 'framework.md', '')
  const files: FrameworkFile[] = []

  const entries = listDir(dir)
  for (const entry of entries) {
    const absolute = path.join(dir, entry.name)
    if (Object.hasOwn(ROOT_FILES, entry.name)) {
      files.push(readOne(absolute, entry.name, ROOT_FILES[entry.name] as FileKind, rootReal))
    } else if (Object.hasOwn(FOLDERS, entry.name) && isDirectory(absolute)) {
      for (const child of listDir(absolute)) {
        const childPath = path.join(absolute, child.name)
        const relative = `${entry.name}/${child.name}`
        if (child.name.endsWith('.md')) files.push(readOne(childPath, relative, FOLDERS[entry.name] as FileKind, rootReal))
        else if (child.isDirectory()) unknownMarkdownIn(childPath, relative, files)
      }
    } else if (entry.name.endsWith('.md')) {
      const source = createSourceFile(displayPath(absolute), entry.name, '')
      fileMessage(source, FILE_START, `“${entry.name}” is not a file Thresholds reads, expected framework.md, contacts.md, links.md, matrix.md, or a file in levels/, domains/ or sections/`, 'unknown-file', 'error')
      files.push({ kind: 'section', source, readable: false })
    }
  }
  if (!files.some((file) => file.kind === 'framework'))
    fileMessage(folderFile, FILE_START, `The framework folder “${id}” has no framework.md, expected one with the framework's title, version and dates`, 'file-unreadable', 'error')
  return { id, dir, files, folderFile }
}

function unknownMarkdownIn(dir: string, relative: string, files: FrameworkFile[]): void {
  for (const child of listDir(dir)) {
    if (!child.name.endsWith('.md')) continue
    const source = createSourceFile(displayPath(path.join(dir, child.name)), `${relative}/${child.name}`, '')
    fileMessage(source, FILE_START, `“${relative}/${child.name}” is in a folder Thresholds does not read, expected it directly in levels/, domains/ or sections/`, 'unknown-file', 'error')
    files.push({ kind: 'section', source, readable: false })
  }
}

function listDir(dir: string): Dirent[] {
  try {
    // Code-unit order, not locale order: the same on every machine.
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))
  } catch {
    return []
  }
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory()
  } catch {
    return false
  }
}

function safeRealpath(target: string): string | undefined {
  try {
    return realpathSync(target)
  } catch {
    return undefined
  }
}

function readOne(absolute: string, relative: string, kind: FileKind, rootReal: string): FrameworkFile {
  const shown = displayPath(absolute)
  const fail = (reason: string): FrameworkFile => {
    const source = createSourceFile(shown, relative, '')
    fileMessage(source, FILE_START, reason, 'file-unreadable', 'error')
    return { kind, source, readable: false }
  }
  let real: string
  try {
    const link = lstatSync(absolute)
    real = link.isSymbolicLink() ? realpathSync(absolute) : absolute
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return fail(`“${relative}” is a symbolic link that points back at itself, expected a real file`)
    if (code === 'ENOENT') return fail(`“${relative}” is a symbolic link to a file that does not exist, expected a real file`)
    return fail(`“${relative}” cannot be opened (${code ?? 'unknown error'}), expected a readable file`)
  }
  const realRoot = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep
  if (real !== absolute && !(safeRealpath(real) ?? real).startsWith(realRoot))
    return fail(`“${relative}” is a symbolic link to a file outside sources/, expected the file itself inside the framework folder`)
  let stats
  try {
    stats = statSync(real)
  } catch (error) {
    return fail(`“${relative}” cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}), expected a readable file`)
  }
  if (!stats.isFile()) return fail(`“${relative}” is not a regular file, expected a text file`)
  if (stats.size > MAX_FILE_BYTES)
    return fail(`“${relative}” is ${(stats.size / 1024 / 1024).toFixed(1)} MB, expected at most ${MAX_FILE_BYTES / 1024 / 1024} MB: split it into smaller files`)
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
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer)
  } catch {
    const lossy = buffer.toString('utf8')
    const bad = Buffer.byteLength(lossy.slice(0, Math.max(0, lossy.indexOf('\uFFFD'))), 'utf8')
    return failAt(shown, relative, kind, buffer, bad, `“${relative}” is not valid UTF-8 text, expected the file to be saved as UTF-8`)
  }
  return { kind, source: createSourceFile(shown, relative, text), readable: true }
}

/** Positions an encoding problem at the line and column of the offending byte. */
function failAt(shown: string, relative: string, kind: FileKind, buffer: Buffer, byteOffset: number, reason: string): FrameworkFile {
  const before = buffer.subarray(0, byteOffset).toString('utf8')
  const lines = before.split(/\r\n|\r|\n/)
  const line = lines.length
  const column = (lines.at(-1)?.length ?? 0) + 1
  const source = createSourceFile(shown, relative, '')
  fileMessage(source, { start: { line, column }, end: { line, column: column + 1 } }, reason, 'file-unreadable', 'error')
  return { kind, source, readable: false }
}
