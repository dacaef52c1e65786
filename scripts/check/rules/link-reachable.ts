import { createRequire } from 'node:module'
import type { LinkProbe } from '../../online/probe.ts'
import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-reachable',
  severity: 'error',
  online: true,
  description:
    'With `--online`, every web address answers: no 4xx or 5xx status (5xx, 429 and time-outs are tried again first), no unknown host, failed connection, time-out or redirect loop. Reported where the address is written. Without `--online` this rule reports nothing.',
  messages: {
    unreachable: 'The link “{{text}}” points to “{{url}}”, which {{problem}}, expected a page that loads: correct the address, or replace it if the page has gone',
  },
  check({ parsed, linkStatus, report }) {
    if (!linkStatus) return
    for (const use of parsed.linkUses) {
      const probe = linkStatus.get(use.url)
      // A skipped address was not requested; the online summary lists it with the reason.
      if (!probe || probe.outcome === 'ok' || probe.outcome === 'skipped') continue
      report({ file: use.file, position: use.position }, 'unreachable', { text: use.text, url: use.url, problem: whatWentWrong(probe) })
    }
  },
})

/**
 * The status's reason phrase. node:http is required here, when a status is described (with
 * --online, which has loaded it already), so a check without --online does not load Node's HTTP stack.
 */
function statusText(status: number): string | undefined {
  return (createRequire(import.meta.url)('node:http') as typeof import('node:http')).STATUS_CODES[status]
}

function tries(probe: LinkProbe, each: string): string {
  return probe.attempts > 1 ? ` ${each} ${probe.attempts} tries` : ''
}

/** The failure in words, as the clause after “which”. */
export function whatWentWrong(probe: LinkProbe): string {
  const via = probe.finalUrl ? `redirects to “${probe.finalUrl}”, and that ` : ''
  switch (probe.outcome) {
    case 'ok':
      return 'answered'
    case 'http-error':
      return `${via}answered ${probe.status ?? '?'} ${statusText(probe.status ?? 0) ?? ''}`.trimEnd() + tries(probe, 'on each of')
    case 'timeout':
      return `${via}did not answer in time${tries(probe, 'on any of')}`
    case 'network-error':
      return probe.detail === 'ENOTFOUND'
        ? `${via}names a host that was not found (${hostOf(probe.finalUrl ?? probe.url)})`
        : `${via}could not be reached (${probe.detail ?? 'connection failed'})${tries(probe, 'on any of')}`
    case 'too-many-redirects':
      return `keeps redirecting (a loop, or too many redirects, last to “${probe.finalUrl ?? '?'}”)`
    case 'not-fetchable':
      return probe.detail ?? 'cannot be fetched'
    case 'skipped':
      return `${via}was not requested: it ${probe.detail ?? 'was skipped'}`
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
