import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const REGIONAL = '- [Regional procedures](https://example.org/procedures) {#regional-procedures}'
const links = (...entries: string[]) => ({ 'links.md': `---\ntitle: Links\n---\n\n${entries.join('\n')}\n` })
const FORM = '- [Referral form](https://example.org/refer) {#referral-form}'
const OFFER = '- [Local offer](https://example.org/offer) {#local-offer}'

export default changeTable({
  kind: 'link-renamed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same links' },
    { name: 'only the address changed', new: links('- [Regional procedures](https://example.org/procedures/2026) {#regional-procedures}') },
  ],
  changed: [
    { name: 'the fixture pair: longer words', ...fixturePair('link-renamed'), changes: [{ subject: { type: 'link', old: { id: 'regional-procedures', label: 'Regional procedures' }, new: { id: 'regional-procedures', label: 'Regional safeguarding procedures' } }, old: { id: 'regional-procedures', title: 'Regional procedures' }, new: { id: 'regional-procedures', title: 'Regional safeguarding procedures' } }] },
    { name: 'a new id, matched by its address', new: links('- [Regional procedures](https://example.org/procedures) {#procedures}'), changes: [{ subject: { type: 'link', old: { id: 'regional-procedures', label: 'Regional procedures' }, new: { id: 'procedures', label: 'Regional procedures' } }, old: { id: 'regional-procedures', title: 'Regional procedures' }, new: { id: 'procedures', title: 'Regional procedures' } }] },
    { name: 'two links renamed', old: links(REGIONAL, FORM), new: links('- [Procedures](https://example.org/procedures) {#regional-procedures}', '- [Request for help form](https://example.org/refer) {#referral-form}'), changes: [
        { subject: { type: 'link', old: { id: 'referral-form', label: 'Referral form' }, new: { id: 'referral-form', label: 'Request for help form' } }, old: { id: 'referral-form', title: 'Referral form' }, new: { id: 'referral-form', title: 'Request for help form' } },
        { subject: { type: 'link', old: { id: 'regional-procedures', label: 'Regional procedures' }, new: { id: 'regional-procedures', label: 'Procedures' } }, old: { id: 'regional-procedures', title: 'Regional procedures' }, new: { id: 'regional-procedures', title: 'Procedures' } },
      ] },
  ],
})
