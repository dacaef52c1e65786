import { defineRule } from '../define-rule.ts'

/** Plain http can be altered on the way; most public-sector sites serve https. */
export default defineRule({
  id: 'link-https',
  severity: 'warning',
  description: 'Web addresses use `https:`, not `http:`.',
  messages: {
    http: 'The address “{{url}}” uses http:, expected https: (check that “{{https}}” works and use that)',
  },
  check({ derived, report }) {
    for (const link of derived.links()) {
      if (link.scheme !== 'http') continue
      const https = link.url.replace(/^http:/i, 'https:')
      report(link.place, 'http', { url: link.url, https }, { expected: [https] })
    }
  },
})
