import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const REGIONAL = '- [Regional procedures](https://example.org/procedures) {#regional-procedures}'
const links = (...entries: string[]) => ({ 'links.md': `---\ntitle: Links\n---\n\n${entries.join('\n')}\n` })
const FORM = '- [Referral form](https://example.org/refer) {#referral-form}'
const OFFER = '- [Local offer](https://example.org/offer) {#local-offer}'

export default changeTable({
  kind: 'link-added',
  impact: 'editorial',
  unchanged: [
    { name: 'the same links' },
    { name: 'a link renamed, not added', new: links('- [Regional safeguarding procedures](https://example.org/procedures) {#regional-procedures}') },
    { name: 'a link given a new address, not added', new: links('- [Regional procedures](https://example.org/procedures/2026) {#regional-procedures}') },
  ],
  changed: [
    { name: 'the fixture pair: a referral form', ...fixturePair('link-added'), changes: [{ subject: { type: 'link', new: { id: 'referral-form', label: 'Referral form' } }, new: 'https://example.org/refer' }] },
    { name: 'two links added', new: links(REGIONAL, FORM, OFFER), changes: [
        { subject: { type: 'link', new: { id: 'local-offer', label: 'Local offer' } }, new: 'https://example.org/offer' },
        { subject: { type: 'link', new: { id: 'referral-form', label: 'Referral form' } }, new: 'https://example.org/refer' },
      ] },
    { name: 'a link whose address is not known yet', new: links(REGIONAL, '- [Local offer](pending:) {#local-offer}'), changes: [{ subject: { type: 'link', new: { id: 'local-offer', label: 'Local offer' } }, new: null }] },
  ],
})
