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
    const seen = new Map<string, Indicator>()
    for (const indicator of framework.indicators) {
      const key = `${indicator.domain}\u0000${indicator.level ?? ''}\u0000${indicator.polarity}\u0000${normalise(indicator.text)}`
      const first = seen.get(key)
      if (!first) {
        seen.set(key, indicator)
        continue
      }
      const place = parsed.places.get(first)
      report(indicator, 'repeated', { text: truncate(first.text) }, {
        cause: place ? { file: place.file, position: place.position, message: 'first written here' } : undefined,
      })
    }
  },
})

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
