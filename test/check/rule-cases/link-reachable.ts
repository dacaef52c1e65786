import type { LinkProbe } from '../../../scripts/online/probe.ts'
import { ruleTable, swap } from '../rule-tester.ts'

const PROCEDURES = 'https://example.org/procedures'
const probe = (url: string, result: Partial<LinkProbe>): Record<string, LinkProbe> => ({
  [url]: { url, outcome: 'ok', status: 200, attempts: 1, checkedAt: '2026-01-05T09:00:00.000Z', ...result },
})
const broken = (text: string, url: string, which: string) => ({
  messageId: 'unreachable',
  data: { text, url, problem: which },
  message: `The link “${text}” points to “${url}”, which ${which}, expected a page that loads: correct the address, or replace it if the page has gone`,
})
const at = { file: 'links.md', line: 5, column: 3, endLine: 5, endColumn: 56 }

export default ruleTable({
  rule: 'link-reachable',
  severity: 'error',
  valid: [
    { name: 'an address that answers', linkStatus: probe(PROCEDURES, {}) },
    { name: 'an address that redirects to a page that answers', linkStatus: probe(PROCEDURES, { finalUrl: 'https://example.org/new', permanent: false }) },
    { name: 'a failing address without --online', files: {} },
    { name: 'an address the prober has no result for', linkStatus: probe('https://example.org/other', { outcome: 'http-error', status: 404 }) },
    { name: 'an address the prober skipped (a private address is not requested)', linkStatus: probe(PROCEDURES, { outcome: 'skipped', status: undefined, detail: 'is a private address' }) },
  ],
  invalid: [
    {
      name: 'not found, in links.md and where a level writes the same address',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', `- Read the [procedures](${PROCEDURES}).`) },
      linkStatus: probe(PROCEDURES, { outcome: 'http-error', status: 404 }),
      errors: [
        { file: 'levels/01-early-help.md', ...broken('procedures', PROCEDURES, 'answered 404 Not Found'), line: 11, column: 12, endLine: 11, endColumn: 56 },
        { ...at, ...broken('Regional procedures', PROCEDURES, 'answered 404 Not Found') },
      ],
    },
    {
      name: 'a server error on every try, after a redirect',
      linkStatus: probe(PROCEDURES, { outcome: 'http-error', status: 503, attempts: 3, finalUrl: 'https://example.org/moved' }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'redirects to “https://example.org/moved”, and that answered 503 Service Unavailable on each of 3 tries') }],
    },
    {
      name: 'a host that was not found',
      linkStatus: probe(PROCEDURES, { outcome: 'network-error', detail: 'ENOTFOUND' }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'names a host that was not found (example.org)') }],
    },
    {
      name: 'a time-out on each of three tries',
      linkStatus: probe(PROCEDURES, { outcome: 'timeout', attempts: 3 }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'did not answer in time on any of 3 tries') }],
    },
    {
      name: 'a refused connection, tried once',
      linkStatus: probe(PROCEDURES, { outcome: 'network-error', detail: 'ECONNREFUSED' }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'could not be reached (ECONNREFUSED)') }],
    },
    {
      name: 'a redirect loop',
      linkStatus: probe(PROCEDURES, { outcome: 'too-many-redirects', finalUrl: 'https://example.org/loop' }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'keeps redirecting (a loop, or too many redirects, last to “https://example.org/loop”)') }],
    },
    {
      name: 'a status with no standard name',
      linkStatus: probe(PROCEDURES, { outcome: 'http-error', status: 599 }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'answered 599') }],
    },
    {
      name: 'a failed connection with no detail, tried twice',
      linkStatus: probe(PROCEDURES, { outcome: 'network-error', attempts: 2 }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'could not be reached (connection failed) on any of 2 tries') }],
    },
    {
      name: 'a redirect to a host that was not found',
      linkStatus: probe(PROCEDURES, { outcome: 'network-error', detail: 'ENOTFOUND', finalUrl: 'https://gone.example.net/procedures' }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'redirects to “https://gone.example.net/procedures”, and that names a host that was not found (gone.example.net)') }],
    },
    {
      name: 'a redirect loop with no last address, and an address that cannot be fetched for no stated reason',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- Read the [offer](https://example.org/offer).') },
      linkStatus: { ...probe(PROCEDURES, { outcome: 'too-many-redirects' }), ...probe('https://example.org/offer', { outcome: 'not-fetchable' }) },
      errors: [
        { file: 'levels/01-early-help.md', ...broken('offer', 'https://example.org/offer', 'cannot be fetched'), line: 11, column: 12, endLine: 11, endColumn: 46 },
        { ...at, ...broken('Regional procedures', PROCEDURES, 'keeps redirecting (a loop, or too many redirects, last to “?”)') },
      ],
    },
    {
      name: 'an address that cannot be fetched',
      linkStatus: probe(PROCEDURES, { outcome: 'not-fetchable', detail: 'is on a private network' }),
      errors: [{ ...at, ...broken('Regional procedures', PROCEDURES, 'is on a private network') }],
    },
  ],
})
