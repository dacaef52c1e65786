import fc from 'fast-check'

/**
 * Edits a careless editor, a bad copy-paste or a broken disk could make to a source file. They work
 * on bytes, so a change can split a multi-byte character and leave the file invalid UTF-8.
 * Places are any natural number, taken modulo the file's size when applied, so one mutation can
 * be replayed on any file and shrinks towards the start of the file.
 */
export type Mutation =
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'replace'; at: number; bytes: number[] }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }

const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')]

/** Characters that mean something to Markdown, YAML or the attribute syntax. */
const SYNTAX = ['#', '-', '*', '+', '>', ':', '{', '}', '[', ']', '(', ')', '|', '`', '~', '\\', '<', '!', '&', '"', "'", '=', ',', '.', '_', '%', '@', ' ', '\t', '\r', '\n', '0', '9', 'a', 'Z']

/** Bytes that are not text, or unusual text. */
const HOSTILE: number[][] = [
  [0x00], // NUL
  [0xff], // never valid in UTF-8
  [0xc3], // the first byte of a two-byte character, alone
  [0x80], // a continuation byte, alone
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate written as UTF-8 (invalid)
  [0xc0, 0xaf], // an overlong encoding of “/” (invalid)
  utf8('\uFEFF'), // a byte-order mark in the middle of the file
  utf8('\u2028'), // line separator
  utf8('\u202E'), // right-to-left override
  utf8('\u200B'), // zero-width space
  utf8('\u00A0'), // no-break space
  utf8('\u0301'), // combining acute accent
  utf8('\uFF1A'), // full-width colon
  utf8('😀'),
  utf8('\u000B'), // vertical tab
  utf8('\u001B[31m'), // a terminal escape
]

const bytes = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX).map(utf8) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }).map(utf8) },
)

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), bytes }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

/** Lines with their line feeds, so that joining them gives the file back byte for byte. */
function lines(buffer: Buffer): Buffer[] {
  const out: Buffer[] = []
  let start = 0
  for (let i = 0; i < buffer.length; i++)
    if (buffer[i] === 0x0a) {
      out.push(buffer.subarray(start, i + 1))
      start = i + 1
    }
  if (start < buffer.length) out.push(buffer.subarray(start))
  return out
}

/** Makes sure the last line ends with a line feed before lines are moved about. */
function terminated(parts: Buffer[]): Buffer[] {
  const last = parts.at(-1)
  if (last && last.at(-1) !== 0x0a) parts[parts.length - 1] = Buffer.concat([last, Buffer.from('\n')])
  return parts
}

export function applyMutation(original: Buffer, m: Mutation): Buffer {
  const size = original.length
  switch (m.kind) {
    case 'delete-line':
    case 'duplicate-line': {
      const parts = lines(original)
      if (parts.length === 0) return original
      const index = m.line % parts.length
      if (m.kind === 'delete-line') parts.splice(index, 1)
      else terminated(parts).splice(index, 0, parts[index] as Buffer)
      return Buffer.concat(parts)
    }
    case 'swap-lines': {
      const parts = terminated(lines(original))
      if (parts.length < 2) return original
      const a = m.a % parts.length
      const b = m.b % parts.length
      const first = parts[a] as Buffer
      parts[a] = parts[b] as Buffer
      parts[b] = first
      return Buffer.concat(parts)
    }
    case 'replace': {
      if (size === 0) return Buffer.from(m.bytes)
      const at = m.at % size
      return Buffer.concat([original.subarray(0, at), Buffer.from(m.bytes), original.subarray(at + 1)])
    }
    case 'insert': {
      const at = m.at % (size + 1)
      return Buffer.concat([original.subarray(0, at), Buffer.from(m.bytes), original.subarray(at)])
    }
    case 'truncate':
      return original.subarray(0, m.at % (size + 1))
  }
}

/** A short description for failure reports: what changed, and the text around it. */
export function describeMutation(m: Mutation): string {
  const show = (b: number[]) => JSON.stringify(Buffer.from(b).toString('latin1'))
  switch (m.kind) {
    case 'replace':
    case 'insert':
      return `${m.kind} ${show(m.bytes)} (bytes ${m.bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ')}) at byte ${m.at}`
    case 'swap-lines':
      return `swap lines ${m.a} and ${m.b}`
    case 'truncate':
      return `truncate at byte ${m.at}`
    default:
      return `${m.kind} ${m.line}`
  }
}
