import type { Indicator } from '../../model/types.ts'
import { defineRule } from '../define-rule.ts'

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/** The same words twice in one domain are a copy-paste slip, or two levels claiming one need. */
export default defineRule({
  id: 'indicator-text-unique',
  severity: 'error',
  description: 'No two indicators in a domain say the same thing (ignoring case and punctuation).',
  check({ framework, parsed, report }) {
    const seen = new Map<string, Indicator>()
    for (const indicator of framework.indicators) {
      const key = `${indicator.domain}\u0000${indicator.polarity}\u0000${normalise(indicator.text)}`
      const first = seen.get(key)
      if (!first) {
        seen.set(key, indicator)
        continue
      }
      const place = parsed.places.get(first)
      const where = first.level === indicator.level ? '' : ` at level “${first.level ?? ''}”`
      report(indicator, `This indicator repeats “${truncate(first.text)}”${where} in the same domain, expected each indicator once: remove one, or reword it to say what differs`, {
        cause: place ? { file: place.file, position: place.position, message: 'first written here' } : undefined,
      })
    }
  },
})

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
