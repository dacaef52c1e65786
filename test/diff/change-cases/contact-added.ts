import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const withContact = (heading: string) => ({ 'contacts.md': swap('- Emergency: yes', `- Emergency: yes\n\n${heading}\n\n- Phone: 0345 678 9021`) })

export default changeTable({
  kind: 'contact-added',
  impact: 'practice',
  unchanged: [
    { name: 'the same contacts' },
    { name: 'a contact renamed, its id kept', new: { 'contacts.md': swap('## Front door {#front-door}', '## Front door team {#front-door}') } },
    { name: 'a contact removed', old: withContact('## Duty team {#duty-team}') },
  ],
  changed: [
    { name: 'the fixture pair of docs/changes.md', ...fixturePair('contact-added'), changes: [{ subject: { type: 'contact', new: { id: 'family-hub', label: 'Family hub' } } }] },
    { name: 'a new contact', new: withContact('## Duty team {#duty-team}'), changes: [{ subject: { type: 'contact', new: { id: 'duty-team', label: 'Duty team' } } }] },
    {
      name: 'two new contacts, in file order',
      new: { 'contacts.md': swap('- Emergency: yes', '- Emergency: yes\n\n## Duty team {#duty-team}\n\n- Phone: 0345 678 9021\n\n## Family hub {#family-hub}\n\n- Phone: 0121 496 0200') },
      changes: [{ subject: { type: 'contact', new: { id: 'duty-team', label: 'Duty team' } } }, { subject: { type: 'contact', new: { id: 'family-hub', label: 'Family hub' } } }],
    },
    {
      name: 'a contact replaced by one with another id and name',
      old: withContact('## Duty team {#duty-team}'),
      new: withContact('## Family hub {#family-hub}'),
      changes: [{ subject: { type: 'contact', new: { id: 'family-hub', label: 'Family hub' } } }],
    },
  ],
})
