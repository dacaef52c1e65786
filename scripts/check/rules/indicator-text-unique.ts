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
    // Normalising every text was most of this rule's time; a signature (lettersOf) sorts the
    // indicators first, and only those whose list and signature meet one already seen are normalised.
    const seen = new Map<string, Array<{ indicator: Indicator; words?: string }>>()
    for (const indicator of framework.indicators) {
      const key = `${indicator.domain}\u0000${indicator.level ?? ''}\u0000${indicator.polarity}\u0000${lettersOf(indicator.text)}`
      const earlier = seen.get(key)
      if (!earlier) {
        seen.set(key, [{ indicator }])
        continue
      }
      const words = normalise(indicator.text)
      const first = earlier.find((each) => (each.words ??= normalise(each.indicator.text)) === words)?.indicator
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

/**
 * A number the same for any two texts whose normalised words are the same: a hash of the letters
 * and digits, lower-cased, without the spaces between them. Text that is all ASCII is read as it
 * is (its normalised words are exactly its letters and digits, lower-cased, parted by spaces);
 * other text is normalised first, as its letters, case and punctuation are Unicode's.
 */
function lettersOf(text: string): number {
  let hash = 0
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code >= 0x80) return lettersOfNormalised(normalise(text))
    if (code >= 0x41 && code <= 0x5a) code += 0x20
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) hash = (Math.imul(hash, 31) + code) | 0
  }
  return hash
}

/** lettersOf of normalised words: every character but the spaces between them. */
function lettersOfNormalised(words: string): number {
  let hash = 0
  for (let i = 0; i < words.length; i++) {
    const code = words.charCodeAt(i)
    if (code !== 0x20) hash = (Math.imul(hash, 31) + code) | 0
  }
  return hash
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
