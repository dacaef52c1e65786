import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const withContact = (heading: string) => ({ 'contacts.md': swap('- Emergency: yes', `- Emergency: yes\n\n${heading}\n\n- Phone: 0345 678 9021`) })

export default changeTable({
  kind: 'contact-removed',
  impact: 'practice',
  unchanged: [
    { name: 'the same contacts' },
    { name: 'a contact added', new: withContact('## Duty team {#duty-team}') },
    { name: 'a contact’s number changed', new: { 'contacts.md': swap('0121 788 4300', '0121 496 0200') } },
  ],
  changed: [
    { name: 'the fixture pair of docs/changes.md', ...fixturePair('contact-removed'), changes: [{ subject: { type: 'contact', old: { id: 'family-hub', label: 'Family hub' } } }] },
    { name: 'a contact removed', old: withContact('## Duty team {#duty-team}'), changes: [{ subject: { type: 'contact', old: { id: 'duty-team', label: 'Duty team' } } }] },
    {
      name: 'two contacts removed, in file order',
      old: { 'contacts.md': swap('- Emergency: yes', '- Emergency: yes\n\n## Duty team {#duty-team}\n\n- Phone: 0345 678 9021\n\n## Family hub {#family-hub}\n\n- Phone: 0121 496 0200') },
      changes: [{ subject: { type: 'contact', old: { id: 'duty-team', label: 'Duty team' } } }, { subject: { type: 'contact', old: { id: 'family-hub', label: 'Family hub' } } }],
    },
    {
      name: 'a contact replaced by one with another id and name',
      old: withContact('## Duty team {#duty-team}'),
      new: withContact('## Family hub {#family-hub}'),
      changes: [{ subject: { type: 'contact', old: { id: 'duty-team', label: 'Duty team' } } }],
    },
  ],
})
