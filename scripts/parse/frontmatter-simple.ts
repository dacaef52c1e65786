/**
 * The front-matter most files hold, read without the YAML library: one `key: value` line per
 * setting, each value a word-led plain text, a whole number or a quoted text without escapes; or
 * a `key:` line followed by a list of such settings (`  - key: value`, then `    key: value`), as
 * framework.md's guidance is written. Anything else (comments, blank lines, other numbers, special
 * words, a key twice, other indents) is left to the YAML library (frontmatter.ts). Reading the same text both ways gives the same settings
 * and the same places (test/parse/frontmatter-simple.test.ts, on random front-matter and on every
 * file of sources/ and of the bench's corpus); this only saves building the YAML document.
 */
import { findUnsafeCharacter } from '../shared/characters.ts'

/** One setting: offsets in the YAML text of its key and of its value (quotes included). */
export interface SimpleSetting {
  key: string
  keyStart: number
  keyEnd: number
  valueStart: number
  valueEnd: number
  /** The value is a list of settings: places within it are the YAML document's. */
  list?: true
}

export interface SimpleYaml {
  data: Record<string, unknown>
  settings: SimpleSetting[]
  /** Offsets of the whole map, as the YAML library gives them: from the first key to the end of the last line, its line break included. */
  start: number
  end: number
  /** Whether some setting is a list of settings. */
  lists: boolean
}

// The key: a word of letters, digits, `_` and `-`, led by a letter, as every setting of the schemas is.
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/
// Words the YAML core schema reads as null or true/false, as a key or a value.
const SPECIAL_WORD = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/
// A plain value led by a letter or a digit, with no `:` or `#` (which can end a plain value or
// start a comment), no tab and no trailing space; the rest of the line is taken as written.
const PLAIN = /^[A-Za-z0-9](?:[^:#\t\uFEFF]*[^:#\t\uFEFF ])?$/
// Plain values led by a digit that the core schema reads as a number (int, octal, hex, float).
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/
// Whole numbers small enough to read exactly, as the library does (parseInt, base 10).
const WHOLE = /^[0-9]{1,15}$/
// A quoted value read as written: no escape, no quote of its own kind inside.
const DOUBLE_QUOTED = /^"[^"\\\t\uFEFF]*"$/
const SINGLE_QUOTED = /^'[^'\t\uFEFF]*'$/

/** The settings of `text` when every line is a simple setting; undefined for anything else. */
export function readSimpleYaml(text: string): SimpleYaml | undefined {
  if (text.length === 0 || text.includes('\r')) return undefined
  const data: Record<string, unknown> = {}
  const settings: SimpleSetting[] = []
  let lineStart = 0
  let end = 0
  let lists = false
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    if (newline !== -1 && text.charCodeAt(lineEnd - 1) === 58 /* `:` */ && text.startsWith(LIST_ITEM, newline + 1)) {
      // `key:` and a list of settings below it.
      const key = text.slice(lineStart, lineEnd - 1)
      const list = key.includes(': ') ? undefined : readList(text, newline + 1)
      if (!list || !KEY.test(key) || SPECIAL_WORD.test(key) || Object.hasOwn(data, key)) return undefined
      data[key] = list.items
      settings.push({ key, keyStart: lineStart, keyEnd: lineEnd - 1, valueStart: newline + 1, valueEnd: list.end, list: true })
      lists = true
      end = list.end
      lineStart = end
      continue
    }
    const colon = text.indexOf(': ', lineStart)
    if (colon === -1 || colon >= lineEnd) return undefined
    const key = text.slice(lineStart, colon)
    if (!KEY.test(key) || SPECIAL_WORD.test(key) || Object.hasOwn(data, key)) return undefined
    const valueStart = colon + 2
    const written = text.slice(valueStart, lineEnd)
    const value = valueOf(written)
    if (value === undefined) return undefined
    data[key] = value
    settings.push({ key, keyStart: lineStart, keyEnd: colon, valueStart, valueEnd: lineEnd })
    end = newline === -1 ? lineEnd : lineEnd + 1
    lineStart = end
  }
  return { data, settings, start: 0, end, lists }
}

/** How an item of a list of settings starts, and how its further settings are indented: as wide. */
const LIST_ITEM = '  - '
const ITEM_INDENT = '    '

/** The items of a list of settings starting at `start`, each a map of simple settings, and where the list ends. */
function readList(text: string, start: number): { items: Array<Record<string, unknown>>; end: number } | undefined {
  const items: Array<Record<string, unknown>> = []
  let lineStart = start
  while (text.startsWith(LIST_ITEM, lineStart)) {
    const item: Record<string, unknown> = {}
    do {
      const newline = text.indexOf('\n', lineStart)
      const lineEnd = newline === -1 ? text.length : newline
      const keyStart = lineStart + LIST_ITEM.length
      const colon = text.indexOf(': ', keyStart)
      if (colon === -1 || colon >= lineEnd) return undefined
      const key = text.slice(keyStart, colon)
      if (!KEY.test(key) || SPECIAL_WORD.test(key) || Object.hasOwn(item, key)) return undefined
      const value = valueOf(text.slice(colon + 2, lineEnd))
      if (value === undefined) return undefined
      item[key] = value
      lineStart = newline === -1 ? text.length : newline + 1
    } while (text.startsWith(ITEM_INDENT, lineStart))
    items.push(item)
  }
  return { items, end: lineStart }
}

/** The value of one setting as the YAML core schema reads it, or undefined when that is not certain here. */
function valueOf(written: string): string | number | undefined {
  if (findUnsafeCharacter(written)) return undefined
  if (DOUBLE_QUOTED.test(written) || SINGLE_QUOTED.test(written)) return written.slice(1, -1)
  if (!PLAIN.test(written) || SPECIAL_WORD.test(written)) return undefined
  if (!CORE_NUMBER.test(written)) return written
  return WHOLE.test(written) ? Number.parseInt(written, 10) : undefined
}
