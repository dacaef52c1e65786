import type { Indicator } from '../../model/types.ts'
import { defineRule } from '../define-rule.ts'

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/**
 * The same words twice in one list (one domain, one level) are a copy-paste slip. The same words
 * at several levels of a domain are normal (“Poor attachments” at levels 2, 3 and 4): every
 * consumer tells those copies apart by their level.
 */
export default defineRule({
  id: 'indicator-text-unique',
  severity: 'error',
  description: 'No two indicators in one list (the same domain, level and polarity) say the same thing, ignoring case and punctuation; the same words at different levels are fine.',
  messages: {
    repeated: 'This indicator repeats “{{text}}” in the same list, expected each indicator once in a list: remove the copy, or, if the source itself lists it twice, keep one',
  },
  check({ framework, parsed, report }) {
    // Normalising every text was most of this rule's time: indicators are first sorted by a
    // number taken from the ends of their words (edgesOf), and only those that meet one of the
    // same list with the same number are normalised and compared.
    const seen = new Map<number, Array<{ indicator: Indicator; words?: string }>>()
    for (const indicator of framework.indicators) {
      // (wordLetter never gives -1, so the second edgesOf always gives a number.)
      const edges = edgesOf(indicator.text, asciiLetter) ?? edgesOf(normalise(indicator.text), wordLetter) ?? 0
      const earlier = seen.get(edges)
      if (!earlier) {
        seen.set(edges, [{ indicator }])
        continue
      }
      const sameList = earlier.filter((each) => each.indicator.domain === indicator.domain && each.indicator.level === indicator.level && each.indicator.polarity === indicator.polarity)
      const words = sameList.length > 0 ? normalise(indicator.text) : undefined
      const first = sameList.find((each) => (each.words ??= normalise(each.indicator.text)) === words)?.indicator
      if (!first) {
        earlier.push({ indicator, words })
        continue
      }
      const place = parsed.places.get(first)
      report(indicator, 'repeated', { text: truncate(first.text) }, {
        cause: place ? { file: place.file, position: place.position, message: 'first written here' } : undefined,
      })
    }
  },
})

/** How many letters or digits edgesOf reads at each end of a text. */
const EDGE = 8

/**
 * The first and the last EDGE letters or digits of a text, lower-cased, as one number: the same
 * for any two texts whose normalised words are the same, as it is a function of those words.
 * `letter` gives a character's code once lower-cased if it is a letter or digit, 0 if not, and
 * -1 where this cannot tell (then undefined). Reading a text that is ASCII at both ends as it is
 * gives what reading its normalised words does: there, its letters and digits are lower-cased
 * and everything else is a space or gone.
 */
function edgesOf(text: string, letter: (code: number) => number): number | undefined {
  let hash = 0
  for (let i = 0, found = 0; i < text.length && found < EDGE; i++) {
    const code = letter(text.charCodeAt(i))
    if (code === -1) return undefined
    if (code !== 0) (hash = (Math.imul(hash, 31) + code) | 0), found++
  }
  for (let i = text.length - 1, found = 0; i >= 0 && found < EDGE; i--) {
    const code = letter(text.charCodeAt(i))
    if (code === -1) return undefined
    if (code !== 0) (hash = (Math.imul(hash, 31) + code) | 0), found++
  }
  return hash
}

/** An ASCII letter or digit, lower-cased; -1 beyond ASCII, where case and letters are Unicode's (normalise decides). */
function asciiLetter(code: number): number {
  if (code >= 0x80) return -1
  if (code >= 0x41 && code <= 0x5a) return code + 0x20
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? code : 0
}

/** In normalised words, everything but the spaces between them is a letter or digit. */
function wordLetter(code: number): number {
  return code === 0x20 ? 0 : code
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
