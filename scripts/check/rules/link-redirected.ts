import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-redirected',
  severity: 'warning',
  online: true,
  description:
    'With `--online`, a web address that works but has moved permanently (a 301 or 308 redirect) is listed with its new address, so the link can be updated before the old one stops working. Temporary redirects are fine. Without `--online` this rule reports nothing.',
  check({ parsed, linkStatus, report }) {
    if (!linkStatus) return
    for (const use of parsed.linkUses) {
      const probe = linkStatus.get(use.url)
      if (probe?.outcome !== 'ok' || !probe.permanent || !probe.finalUrl) continue
      report({ file: use.file, position: use.position }, `The link “${use.text}” points to “${use.url}”, which has moved permanently to “${probe.finalUrl}”, expected the new address: update the link`, {
        expected: [probe.finalUrl],
      })
    }
  },
})
