import { SuggestionIndex } from './suggestions.ts'

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_ID_LENGTH = 80
/** Derived ids stay short enough to read in a message or an address, with room for a “-NN” suffix. */
const MAX_DERIVED_LENGTH = 40
const MAX_ID_WORDS = 8
const ASCII = /^[\x00-\x7f]*$/

/**
 * Derives an id from words, as documented in docs/authoring.md:
 * lower case, accents removed, anything that is not a letter or digit becomes a hyphen,
 * at most the first eight words, at most 72 characters (room for a “-2” suffix).
 */
export function slugify(text: string, prefix = ''): string {
  // Plain ASCII (nearly every id) is its own NFKD form and holds no combining marks: both steps skipped.
  const folded = ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  const lower = folded.toLowerCase().replace(/&/g, ' and ').replace(/['’‘`]/g, '')
  // The first words only: an indicator's words are not all split up to keep eight of them.
  const words: string[] = []
  for (const [word] of lower.matchAll(/[a-z0-9]+/g)) if (words.push(word) === MAX_ID_WORDS) break
  // Whole words only, up to the length limit, so an id never ends mid-word; the first word always
  // comes, and only a single word longer than the limit is cut.
  let slug = [prefix, words[0]].filter(Boolean).join('-')
  for (const word of words.slice(1)) {
    if (slug.length + 1 + word.length > MAX_DERIVED_LENGTH) break
    slug += `-${word}`
  }
  if (slug.length > MAX_ID_LENGTH) slug = slug.slice(0, MAX_ID_LENGTH).replace(/-+$/, '')
  return slug || prefix || 'item'
}

/** Settings written in a `{#id key=value}` block at the end of a heading, list item or cell. */
export interface Attributes {
  id?: string
  values: Record<string, string>
}

export interface AttributeBlock {
  attributes: Attributes
  /** Offset of `{` within the text the block was found in. */
  start: number
  /** Problems with individual tokens, with their offset within the text; `expected` is the corrected setting (“did you mean”). */
  problems: Array<{ offset: number; message: string; messageId?: string; data?: Record<string, string>; expected?: string[] }>
}

/** A setting whose list of values ran on past a space (`related=a, b`): what was written, and its tokens' end. */
interface SpacedList {
  token: { value: string; offset: number }
  written: string
}

const TOKEN = /(#[^\s]*|[A-Za-z][\w-]*=[^\s]*)/y

/**
 * Finds a trailing attribute block. Text that merely ends in braces but does not look like
 * attributes (`{see note}`) is left alone, so authors can still write braces. A block that starts
 * like attributes (`{#id ...` or `{key=value ...`) is one: anything else in it is a problem, not
 * a reason to leave the whole block in the text.
 */
export function findAttributeBlock(text: string): AttributeBlock | undefined {
  const match = blockAtEnd(text)
  if (!match) return undefined
  const { inner, innerStart } = match
  // Nearly every block is a lone id (`{#early-help}`): read as the tokens below would read it.
  if (inner.charCodeAt(0) === 35 && inner.length <= MAX_ID_LENGTH + 1 && ID_PATTERN.test(inner.slice(1))) {
    const attributes: Attributes = { values: Object.create(null) as Record<string, string> }
    attributes.id = inner.slice(1)
    return { attributes, start: match.start, problems: [] }
  }
  const tokens: Array<{ value: string; offset: number }> = []
  const problems: AttributeBlock['problems'] = []
  const spaced: SpacedList[] = []
  // The setting just read, while only a list's commas and values follow it.
  let listing: SpacedList | undefined
  // A copy: the search's position (lastIndex) is this call's own, never left in a shared pattern.
  const tokenPattern = new RegExp(TOKEN)
  let position = 0
  while (position < inner.length) {
    const space = /\s+/y
    space.lastIndex = position
    const ws = space.exec(inner)
    if (ws) {
      position = space.lastIndex
      continue
    }
    tokenPattern.lastIndex = position
    const token = tokenPattern.exec(inner)
    if (!token || token[1] === undefined) {
      if (tokens.length === 0) return undefined
      const word = /\S+/y
      word.lastIndex = position
      const junk = word.exec(inner)?.[0] ?? ''
      // `related=a, b` or `related=a ,b`: one list written with spaces, reported once, with the list as it should be.
      if (listing && (listing.written.endsWith(',') || junk.startsWith(','))) {
        if (!spaced.includes(listing)) spaced.push(listing)
        listing.written = inner.slice(listing.token.offset - innerStart, position + junk.length)
        listing.token.value += junk
        position += junk.length
        continue
      }
      listing = undefined
      problems.push({ offset: innerStart + position, message: `“${junk}” in “{${inner.trim()}}” is neither an id such as “#early-help” nor a setting such as “age=baby”, expected no spaces inside an id` })
      position += Math.max(1, junk.length)
      continue
    }
    const read = { value: token[1], offset: innerStart + position }
    tokens.push(read)
    listing = token[1].startsWith('#') ? undefined : { token: read, written: token[1] }
    position = tokenPattern.lastIndex
  }
  if (tokens.length === 0) return undefined
  for (const { token, written } of spaced) {
    const quoted = /["']/.test(written)
    if (quoted) token.value = token.value.replace(/["']/g, '')
    problems.push({
      offset: token.offset,
      messageId: quoted ? 'listWithSpacesAndQuotes' : 'listWithSpaces',
      data: { written, suggestion: token.value },
      message: `“${written}” separates its values with spaces${quoted ? ' and quotes them' : ''}, expected commas alone between them`,
      expected: [token.value],
    })
  }
  const attributes: Attributes = { values: Object.create(null) as Record<string, string> }
  for (const { value, offset } of tokens) {
    if (value.startsWith('#')) {
      const id = value.slice(1)
      if (ID_PATTERN.test(id) && id.length > MAX_ID_LENGTH)
        // Its characters are fine: say what is wrong, and suggest whole words.
        problems.push({ offset, message: `“${shortened(id)}” is ${id.length} characters long, expected an id of at most ${MAX_ID_LENGTH} such as “${slugify(id.replace(/-/g, ' '))}”` })
      else if (!ID_PATTERN.test(id))
        problems.push({
          offset,
          message: `“${id}” is not a valid id, expected lower-case letters, digits and single hyphens such as “${slugify(id) || 'early-help'}”`,
        })
      else if (attributes.id !== undefined) problems.push({ offset, message: `Two ids in one block (“${attributes.id}” and “${id}”), expected one` })
      else attributes.id = id
    } else {
      const eq = value.indexOf('=')
      const key = value.slice(0, eq)
      if (Object.hasOwn(attributes.values, key)) problems.push({ offset, message: `Setting “${key}” is written twice, expected once` })
      else attributes.values[key] = value.slice(eq + 1)
    }
  }
  return { attributes, start: match.start, problems }
}

/**
 * Where `/[ \t]*\{([^{}\n]*)\}[ \t]*$/` matches, found from the end of the text instead of by
 * trying the pattern at every offset (test/shared/attribute-block.test.ts compares the two):
 * `start` is where the spaces before `{` begin, `inner` what is between the braces.
 */
export function blockAtEnd(text: string): { start: number; inner: string; innerStart: number } | undefined {
  let end = text.length
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--
  if (end === 0 || text.charCodeAt(end - 1) !== 125) return undefined
  const open = text.lastIndexOf('{', end - 2)
  if (open === -1) return undefined
  const inner = text.slice(open + 1, end - 1)
  if (inner.includes('}') || inner.includes('\n')) return undefined
  let start = open
  while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--
  return { start, inner, innerStart: open + 1 }
}

/** The closest candidates to a mistyped name, for “did you mean ...?” suggestions (see suggestions.ts). */
export function closest(input: string, candidates: Iterable<string>, limit = 1): string[] {
  return new SuggestionIndex(candidates).closest(input, limit)
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const [best] = closest(input, candidates)
  return best ? `, did you mean “${best}”?` : ''
}

/** Normalises a heading for matching: case, punctuation and spacing do not matter. */
function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 41).replace(/[-\s][^-\s]*$/, '')}…` : text
}

export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Stable, locale-independent string comparison (code unit order) for sorting. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
