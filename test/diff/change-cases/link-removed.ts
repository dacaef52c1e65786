import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const REGIONAL = '- [Regional procedures](https://example.org/procedures) {#regional-procedures}'
const links = (...entries: string[]) => ({ 'links.md': `---\ntitle: Links\n---\n\n${entries.join('\n')}\n` })
const FORM = '- [Referral form](https://example.org/refer) {#referral-form}'
const OFFER = '- [Local offer](https://example.org/offer) {#local-offer}'

export default changeTable({
  kind: 'link-removed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same links' },
    { name: 'a link renamed, not removed', new: links('- [Regional safeguarding procedures](https://example.org/procedures) {#regional-procedures}') },
    { name: 'a link given a new address, not removed', new: links('- [Regional procedures](https://example.org/procedures/2026) {#regional-procedures}') },
  ],
  changed: [
    { name: 'the fixture pair: a referral form', ...fixturePair('link-removed'), changes: [{ subject: { type: 'link', old: { id: 'referral-form', label: 'Referral form' } }, old: 'https://example.org/refer' }] },
    { name: 'two links removed', old: links(REGIONAL, FORM, OFFER), changes: [
        { subject: { type: 'link', old: { id: 'local-offer', label: 'Local offer' } }, old: 'https://example.org/offer' },
        { subject: { type: 'link', old: { id: 'referral-form', label: 'Referral form' } }, old: 'https://example.org/refer' },
      ] },
    { name: 'a link whose address was not known yet', old: links(REGIONAL, '- [Local offer](pending:) {#local-offer}'), changes: [{ subject: { type: 'link', old: { id: 'local-offer', label: 'Local offer' } }, old: null }] },
  ],
})
