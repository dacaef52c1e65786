import { randomBytes } from 'node:crypto'
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Replaces a file's content all at once: the new text goes to a temporary file in the same
 * folder (so on the same file system), which is then renamed over the file. A failed or
 * interrupted write leaves the old file as it was, never a truncated one. The file keeps its
 * permissions; a symbolic link keeps pointing where it did and its target is replaced.
 */
export function writeFileAtomic(file: string, text: string): void {
  let target = file
  try {
    target = realpathSync(file)
  } catch {
    // A new file: written where it was asked for.
  }
  let mode: number | undefined
  try {
    mode = statSync(target).mode & 0o7777
  } catch {
    mode = undefined
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, text, { flag: 'wx' })
    if (mode !== undefined) chmodSync(temporary, mode)
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}
