import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const REGIONAL = '- [Regional procedures](https://example.org/procedures) {#regional-procedures}'
const links = (...entries: string[]) => ({ 'links.md': `---\ntitle: Links\n---\n\n${entries.join('\n')}\n` })
const FORM = '- [Referral form](https://example.org/refer) {#referral-form}'
const OFFER = '- [Local offer](https://example.org/offer) {#local-offer}'

export default changeTable({
  kind: 'link-retargeted',
  impact: 'practice',
  unchanged: [
    { name: 'the same addresses' },
    { name: 'only the words changed', new: links('- [Regional safeguarding procedures](https://example.org/procedures) {#regional-procedures}') },
  ],
  changed: [
    { name: 'the fixture pair: a new address', ...fixturePair('link-retargeted'), changes: [{ subject: { type: 'link', old: { id: 'regional-procedures', label: 'Regional procedures' }, new: { id: 'regional-procedures', label: 'Regional procedures' } }, old: 'https://example.org/procedures', new: 'https://example.org/procedures/2026' }] },
    { name: 'an address no longer known', new: links('- [Regional procedures](pending:) {#regional-procedures}'), changes: [{ subject: { type: 'link', old: { id: 'regional-procedures', label: 'Regional procedures' }, new: { id: 'regional-procedures', label: 'Regional procedures' } }, old: 'https://example.org/procedures', new: null }] },
    { name: 'an address now known', old: links(REGIONAL, '- [Local offer](pending:) {#local-offer}'), new: links(REGIONAL, OFFER), changes: [{ subject: { type: 'link', old: { id: 'local-offer', label: 'Local offer' }, new: { id: 'local-offer', label: 'Local offer' } }, old: null, new: 'https://example.org/offer' }] },
  ],
})
