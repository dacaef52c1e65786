import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { RESERVED_FRAMEWORK_IDS, windowsProblem } from '../shared/names.ts'
import { ID_PATTERN } from '../shared/text.ts'
import { skeleton } from './templates.ts'

export class ScaffoldError extends Error {}

/** Ids are folder names, file names on the website and keys in apps: keep them short. */
export const MAX_FRAMEWORK_ID = 60

export function validFrameworkId(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return `“${id}” is not a framework id, expected lower-case letters, digits and single hyphens, such as “west-midshire”`
  if (id.length > MAX_FRAMEWORK_ID) return `“${id}” is ${id.length} characters long, expected at most ${MAX_FRAMEWORK_ID}`
  const reserved = RESERVED_FRAMEWORK_IDS.get(id)
  if (reserved) return `“${id}” is a name the package uses for itself (${reserved}), expected another framework id`
  const trouble = windowsProblem(id)
  if (trouble) return `“${id}” cannot be a framework id: ${trouble}, expected another framework id`
  return undefined
}

/**
 * Writes a new framework folder `<sourcesDir>/<id>/` with every file, all at once: the files are
 * written beside it and the folder renamed into place, so a failure leaves nothing behind.
 * Returns the paths written, relative to the new folder.
 */
export function scaffoldFramework(sourcesDir: string, id: string): string[] {
  const problem = validFrameworkId(id)
  if (problem) throw new ScaffoldError(problem)
  const target = path.join(sourcesDir, id)
  if (existsSync(target)) throw new ScaffoldError(`${target} already exists, expected a new framework id (nothing was changed)`)
  const staging = path.join(sourcesDir, `.${id}.new-${randomUUID()}`)
  rmSync(staging, { recursive: true, force: true })
  const files = skeleton(id)
  try {
    for (const [relative, text] of files) {
      const file = path.join(staging, relative)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, text, { flag: 'wx' })
    }
    renameSync(staging, target)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return [...files.keys()]
}
