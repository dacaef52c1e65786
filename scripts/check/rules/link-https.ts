import { linksIn } from '../links.ts'
import { defineRule } from '../define-rule.ts'

/** Plain http can be altered on the way; most public-sector sites serve https. */
export default defineRule({
  id: 'link-https',
  severity: 'warning',
  description: 'Web addresses use `https:`, not `http:`.',
  check({ parsed, report }) {
    for (const link of linksIn(parsed))
      if (link.scheme === 'http')
        report(link.place, `The address “${link.url}” uses http:, expected https: (check that “${link.url.replace(/^http:/i, 'https:')}” works and use that)`, {
          expected: [link.url.replace(/^http:/i, 'https:')],
        })
  },
})
