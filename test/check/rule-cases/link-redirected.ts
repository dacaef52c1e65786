import type { LinkProbe } from '../../../scripts/online/probe.ts'
import { ruleTable, swap } from '../rule-tester.ts'

const PROCEDURES = 'https://example.org/procedures'
const NEW = 'https://example.org/safeguarding/procedures'
const probe = (url: string, result: Partial<LinkProbe>): Record<string, LinkProbe> => ({
  [url]: { url, outcome: 'ok', status: 200, attempts: 1, checkedAt: '2026-01-05T09:00:00.000Z', ...result },
})
const moved = (text: string, url: string, to: string) =>
  `The link “${text}” points to “${url}”, which has moved permanently to “${to}”, expected the new address: update the link`

export default ruleTable({
  rule: 'link-redirected',
  severity: 'warning',
  valid: [
    { name: 'an address that answers directly', linkStatus: probe(PROCEDURES, {}) },
    { name: 'a temporary redirect', linkStatus: probe(PROCEDURES, { finalUrl: NEW, permanent: false }) },
    { name: 'a permanent redirect that ends in an error (link-reachable reports it)', linkStatus: probe(PROCEDURES, { outcome: 'http-error', status: 404, finalUrl: NEW, permanent: true }) },
    { name: 'a permanent redirect without --online', files: {} },
    { name: 'a permanent redirect with no final address', linkStatus: probe(PROCEDURES, { permanent: true }) },
  ],
  invalid: [
    {
      name: 'a permanent redirect in links.md',
      linkStatus: probe(PROCEDURES, { finalUrl: NEW, permanent: true }),
      errors: [{ file: 'links.md', messageId: 'moved', data: { text: 'Regional procedures', url: 'https://example.org/procedures', newUrl: 'https://example.org/safeguarding/procedures' }, message: moved('Regional procedures', PROCEDURES, NEW), line: 5, column: 3, endLine: 5, endColumn: 56, suggestions: [NEW] }],
    },
    {
      name: 'an http address that moved to https, in a level',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', '- See the [local offer](http://example.org/local-offer).') },
      linkStatus: { ...probe(PROCEDURES, {}), ...probe('http://example.org/local-offer', { finalUrl: 'https://example.org/local-offer', permanent: true }) },
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'moved', data: { text: 'local offer', url: 'http://example.org/local-offer', newUrl: 'https://example.org/local-offer' }, message: moved('local offer', 'http://example.org/local-offer', 'https://example.org/local-offer'), line: 11, column: 11, endLine: 11, endColumn: 56, suggestions: ['https://example.org/local-offer'] },
      ],
    },
    {
      name: 'the same moved address written twice',
      files: { 'levels/01-early-help.md': swap('- Talk to the family.', `- Follow the [procedures](${PROCEDURES}).`) },
      linkStatus: probe(PROCEDURES, { finalUrl: NEW, permanent: true }),
      errors: [
        { file: 'levels/01-early-help.md', messageId: 'moved', data: { text: 'procedures', url: 'https://example.org/procedures', newUrl: 'https://example.org/safeguarding/procedures' }, message: moved('procedures', PROCEDURES, NEW), line: 11, column: 14, endLine: 11, endColumn: 58, suggestions: [NEW] },
        { file: 'links.md', messageId: 'moved', data: { text: 'Regional procedures', url: 'https://example.org/procedures', newUrl: 'https://example.org/safeguarding/procedures' }, message: moved('Regional procedures', PROCEDURES, NEW), line: 5, column: 3, endLine: 5, endColumn: 56, suggestions: [NEW] },
      ],
    },
  ],
})
