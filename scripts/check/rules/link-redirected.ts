import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-redirected',
  severity: 'warning',
  online: true,
  description:
    'With `--online`, a web address that works but has moved permanently (a 301 or 308 redirect) is listed with its new address, so the link can be updated before the old one stops working. Temporary redirects are fine. Without `--online` this rule reports nothing.',
  messages: {
    moved: 'The link “{{text}}” points to “{{url}}”, which has moved permanently to “{{newUrl}}”, expected the new address: update the link',
  },
  check({ parsed, linkStatus, report }) {
    if (!linkStatus) return
    for (const use of parsed.linkUses) {
      const probe = linkStatus.get(use.url)
      if (probe?.outcome !== 'ok' || !probe.permanent || !probe.finalUrl) continue
      report({ file: use.file, position: use.position }, 'moved', { text: use.text, url: use.url, newUrl: probe.finalUrl }, {
        expected: [probe.finalUrl],
      })
    }
  },
})
