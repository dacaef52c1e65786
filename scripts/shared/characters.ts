/**
 * Characters no text of a framework may hold, wherever it comes from (the file's bytes, a YAML
 * escape such as "\e" or "\u202E", a Markdown character reference such as `&#x202E;`, a file
 * name): they can rewrite a terminal or CI log that shows them, reorder what a reader sees
 * (Trojan Source), or make the published JSON invalid Unicode.
 *
 * - C0 and C1 controls, except tab, line feed and (as a line ending only) carriage return;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 *   reorder the text around them. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are
 *   allowed: they only set the direction of neighbouring punctuation, cannot reorder words, and
 *   are needed to write mixed right-to-left and left-to-right text correctly;
 * - the line and paragraph separators U+2028 and U+2029, which break a line in some terminals and
 *   editors but not in others, and end a string in JavaScript older than ES2019;
 * - the tag characters U+E0000–U+E007F, which are invisible: text written in them is read by
 *   programs (and language models) but never seen by a reviewer. Only the flags of England,
 *   Scotland and Wales are let through: each is a black flag U+1F3F4, the tag letters of
 *   gbeng, gbsct or gbwls, and the cancel tag U+E007F, exactly, and shows as the flag.
 * - lone surrogates (not Unicode at all) and the 66 noncharacters.
 */
const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')
const UNSAFE_IN_VALUES = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u{E0000}-\\u{E007F}\\u2066-\\u2069\\uD800-\\uDFFF\\uFDD0-\\uFDEF${NONCHARACTERS}]`, 'u')
/** The same, with carriage returns allowed: text read from a file may end its lines with them. */
const UNSAFE_IN_FILES = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u{E0000}-\\u{E007F}\\u2066-\\u2069\\uD800-\\uDFFF\\uFDD0-\\uFDEF${NONCHARACTERS}]`, 'u')

/** A subdivision's tag letters: “gbeng” as U+E0067 U+E0062 U+E0065 U+E006E U+E0067. */
const tagLetters = (code: string) => [...code].map((letter) => `\\u{${(0xe0000 + letter.charCodeAt(0)).toString(16)}}`).join('')
/** The flags of England, Scotland and Wales, the only use of tag characters that is let through. */
const NATION_FLAGS = `\\u{1F3F4}(?:${['gbeng', 'gbsct', 'gbwls'].map(tagLetters).join('|')})\\u{E007F}`
const NATION_FLAG_ALL = new RegExp(NATION_FLAGS, 'gu')

/** The text with each nation flag blanked to spaces of the same length, so offsets still hold. */
function withoutNationFlags(text: string): string {
  return text.includes('\u{1F3F4}') ? text.replace(NATION_FLAG_ALL, (flag) => ' '.repeat(flag.length)) : text
}

const UNSAFE_OR_FLAG_ALL = new RegExp(`${NATION_FLAGS}|${UNSAFE_IN_VALUES.source}`, 'gu')

/** The text without the characters refused in a value, for reading on once the refusal is reported. */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_OR_FLAG_ALL, (found) => (found.startsWith('\u{1F3F4}') ? found : ''))
}

export interface UnsafeCharacter {
  /** Offset in the text (in UTF-16 code units). */
  index: number
  /** `U+202E`. */
  code: string
  /** “the control character U+001B”, “the right-to-left override U+202E” ... */
  description: string
}

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
}

export function describeCharacter(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
  if (BIDI_NAMES[codePoint]) return `the bidirectional control “${BIDI_NAMES[codePoint]}” ${code}, which reorders the text around it`
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `the lone surrogate ${code}, which is not a Unicode character`
  if (codePoint === 0x2028) return `the line separator ${code}, which breaks the line in some programs and not in others`
  if (codePoint === 0x2029) return `the paragraph separator ${code}, which breaks the line in some programs and not in others`
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return `the tag character ${code}, which is invisible: a reader cannot see what it says`
  if ((codePoint & 0xfffe) === 0xfffe || (codePoint >= 0xfdd0 && codePoint <= 0xfdef)) return `the noncharacter ${code}`
  return `the control character ${code}`
}

/**
 * The first character no text may hold, or undefined. `inFile`: the text of a whole file, where a
 * carriage return may end a line; elsewhere (a value, a name) it may not.
 */
export function findUnsafeCharacter(text: string, options: { inFile?: boolean } = {}): UnsafeCharacter | undefined {
  const match = (options.inFile ? UNSAFE_IN_FILES : UNSAFE_IN_VALUES).exec(withoutNationFlags(text))
  if (!match) return undefined
  const codePoint = match[0].codePointAt(0) ?? 0
  return { index: match.index, code: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`, description: describeCharacter(codePoint) }
}
