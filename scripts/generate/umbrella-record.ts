/**
 * What the package's package.json records of the release it is (its version and each framework's
 * version, see model/umbrella.ts), and reading that record back from an earlier build. The file
 * read back is untrusted: anyone can edit it, so every value is checked and a problem is given
 * with its place, never thrown.
 */
import type { VersionNumbers } from '../model/versions.ts'
import type { UmbrellaRecord } from '../model/umbrella.ts'
import { createSourceFile } from '../shared/source-file.ts'
import { compareStrings } from '../shared/text.ts'

/** The field of package.json that records each framework's package version, by id. */
export const FRAMEWORK_VERSIONS = 'frameworkVersions'

/** Larger than any package.json a build writes (1,000 frameworks make about 1 MB). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024

/** MAJOR.MINOR.PATCH as npm publishes it, each part short enough to stay exact when raised. */
const SEMVER = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/
/** A framework id as the sources allow it (a folder name). */
const ID = /^[a-z0-9][a-z0-9-]{0,199}$/

export interface RecordProblem {
  reason: string
  /** 1-based, in the text read. */
  line: number
  column: number
}

function semverNumbers(value: unknown): VersionNumbers | undefined {
  const match = typeof value === 'string' ? SEMVER.exec(value) : null
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : undefined
}

/** Line and column of an offset in `text`, as every source file counts them. */
const pointOf = (text: string, offset: number): { line: number; column: number } => {
  const { line, column } = createSourceFile('package.json', 'package.json', text).toPoint(offset)
  return { line, column }
}

/**
 * Where the value at `path` starts (or with `key`, its key) in valid JSON, found by one scan that
 * follows strings and nesting without recursion: a hostile file nested 200,000 deep is fine.
 * The start of the file when the path is not there.
 */
function placeOf(text: string, path: readonly string[], key = false): { line: number; column: number } {
  const STRING = /"(?:[^"\\]|\\.)*"/y
  const WHITESPACE = /[ \t\r\n]*/y
  const skipSpace = (at: number) => {
    WHITESPACE.lastIndex = at
    WHITESPACE.exec(text)
    return WHITESPACE.lastIndex
  }
  // One entry per container open at `i`: the key its value is under (undefined in an array).
  const keys: Array<string | undefined> = []
  let i = 0
  while (i < text.length) {
    const char = text[i]
    if (char === '"') {
      STRING.lastIndex = i
      const token = STRING.exec(text)?.[0] ?? '""'
      const end = i + token.length
      const colon = skipSpace(end)
      if (text[colon] === ':' && keys.length > 0 && keys.length <= path.length) {
        const name = JSON.parse(token) as string
        const depth = keys.length
        const matches = path.slice(0, depth - 1).every((part, index) => keys[index] === part) && name === path[depth - 1]
        if (matches && depth === path.length) return pointOf(text, key ? i : skipSpace(colon + 1))
        keys[depth - 1] = name
        i = colon + 1
        continue
      }
      i = end
      continue
    }
    if (char === '{' || char === '[') keys.push(undefined)
    else if (char === '}' || char === ']') keys.pop()
    i++
  }
  return { line: 1, column: 1 }
}

const problem = (text: string, reason: string, path: readonly string[], key = false): { problem: RecordProblem } => ({ problem: { reason, ...placeOf(text, path, key) } })

/** Text in a message: short, and without anything a terminal would act on. */
const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value).replace(/[^\x20-\x7e]/g, '?')

/**
 * The record in the text of a package.json a build wrote: its version, and each framework's when
 * it has them (output made before they were recorded has none).
 */
export function parseUmbrellaRecord(text: string): { record: UmbrellaRecord } | { problem: RecordProblem } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // The position, not the message: the message can quote the file's text.
    const at = /position (\d+)/.exec((error as Error).message)?.[1]
    return { problem: { reason: 'The package.json is not valid JSON, expected the file as “npm run build” writes it', ...pointOf(text, at === undefined ? text.length : Number(at)) } }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: { reason: 'The package.json is not a JSON object, expected the file as “npm run build” writes it', line: 1, column: 1 } }
  const fields = value as Record<string, unknown>
  const version = semverNumbers(Object.hasOwn(fields, 'version') ? fields.version : undefined)
  if (!version) return problem(text, 'The package version is missing or not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “2.1.0”', Object.hasOwn(fields, 'version') ? ['version'] : [])
  if (!Object.hasOwn(fields, FRAMEWORK_VERSIONS)) return { record: { version } }
  const recorded = fields[FRAMEWORK_VERSIONS]
  if (recorded === null || typeof recorded !== 'object' || Array.isArray(recorded)) return problem(text, `“${FRAMEWORK_VERSIONS}” is not an object, expected each framework's id with its package version, such as { "solihull": "1.2.0" }`, [FRAMEWORK_VERSIONS])
  const frameworks = new Map<string, VersionNumbers>()
  for (const id of Object.keys(recorded).sort(compareStrings)) {
    if (!ID.test(id)) return problem(text, `The framework id ${shown(id)} in “${FRAMEWORK_VERSIONS}” is not a framework's id, expected lower-case letters, digits and hyphens`, [FRAMEWORK_VERSIONS, id], true)
    const numbers = semverNumbers((recorded as Record<string, unknown>)[id])
    if (!numbers) return problem(text, `The version of ${id} in “${FRAMEWORK_VERSIONS}” is not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “1.2.0”`, [FRAMEWORK_VERSIONS, id])
    frameworks.set(id, numbers)
  }
  return { record: { version, frameworks } }
}
