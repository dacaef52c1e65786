import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from './atomic-write.ts'

/** A file a generator writes (docs, schema types), relative to the tool's folder, with the text it should hold. */
export interface GeneratedFile {
  file: string
  text: string
}

/** The files whose text on disk is not what they should hold; a missing file counts as out of date. */
export function staleFiles(root: string, files: readonly GeneratedFile[]): string[] {
  return files.filter(({ file, text }) => !existsSync(path.join(root, file)) || readFileSync(path.join(root, file), 'utf8') !== text).map(({ file }) => file)
}

/** Writes each file whole (never a half-written one on failure). */
export function writeGeneratedFiles(root: string, files: readonly GeneratedFile[]): void {
  for (const { file, text } of files) writeFileAtomic(path.join(root, file), text)
}
