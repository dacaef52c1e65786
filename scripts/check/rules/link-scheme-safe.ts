import { linksIn } from '../links.ts'
import { defineRule } from '../define-rule.ts'

/** Addresses an app could be tricked into running or opening on the reader's own machine. */
const ALLOWED = new Set(['https', 'http', 'mailto', 'tel'])

export default defineRule({
  id: 'link-scheme-safe',
  severity: 'error',
  description: 'Links are web addresses (`https:`), email (`mailto:`), phone (`tel:`) or links inside the framework; `javascript:`, `data:`, `file:` and other schemes are refused.',
  check({ parsed, report }) {
    for (const link of linksIn(parsed)) {
      if (link.url.trim().startsWith('//')) {
        report(link.place, `The address “${shorten(link.url)}” has no scheme, expected it to start with “https://”`, { expected: [`https:${link.url.trim()}`] })
        continue
      }
      if (link.scheme === undefined || ALLOWED.has(link.scheme)) continue
      // links.md marks an address not known yet as `pending:`; it never leaves the sources.
      if (link.scheme === 'pending' && link.place.file.relative === 'links.md') continue
      report(link.place, `The link “${link.text}” uses “${link.scheme}:”, which apps must not open, expected an https: address, mailto:, tel: or a link inside the framework`)
    }
  },
})

function shorten(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}…` : url
}
