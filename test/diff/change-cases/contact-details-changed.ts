import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const FRONT_DOOR = { type: 'contact' as const, old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }
const details = (lines: string) => ({ 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00', `- Hours: Mon-Fri 09:00-17:00\n${lines}`) })

export default changeTable({
  kind: 'contact-details-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same details' },
    { name: 'the same email and use in both versions', old: details('- Email: frontdoor@example.org\n- Use for: any worry'), new: details('- Email: frontdoor@example.org\n- Use for: any worry') },
    { name: 'the contact renamed, its details kept', new: { 'contacts.md': swap('## Front door {#front-door}', '## Front door team {#front-door}') } },
    { name: 'only the hours changed', new: { 'contacts.md': swap('Mon-Fri 09:00-17:00', 'Mon-Fri 08:00-18:00') } },
    { name: 'the same postal address', old: details('- Address: Council House\n  Manor Square'), new: details('- Address: Council House\n  Manor Square') },
    { name: 'the postal address written on one line instead of two: a report shows it on one line either way', old: details('- Address: Council House\n  Manor Square'), new: details('- Address: Council House, Manor Square') },
    { name: 'the postal address on one line with no comma instead of two: the same address', old: details('- Address: Council House\n  Manor Square\n  Solihull B91 3QB'), new: details('- Address: Council House Manor Square Solihull B91 3QB') },
    { name: 'the postal address split differently, its lines ending in commas: the same address', old: details('- Address: Council House, Manor Square\n  Solihull B91 3QB'), new: details('- Address: Council House,\n  Manor Square,\n  Solihull B91 3QB') },
  ],
  changed: [
    { name: 'the fixture pair: email and use for added', ...fixturePair('contact-details-changed'), changes: [
        { subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'email', old: null, new: 'frontdoor@example.org' },
        { subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'useFor', old: null, new: 'any worry about a child' },
      ] },
    { name: 'a new email address', old: details('- Email: frontdoor@example.org'), new: details('- Email: mash@example.org'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'email', old: 'frontdoor@example.org', new: 'mash@example.org' }] },
    { name: 'a web address added', new: details('- Web: https://example.org/front-door'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'web', old: null, new: 'https-example-org-front-door' }] },
    { name: 'use for reworded only in punctuation, which is editorial', old: details('- Use for: any worry about a child'), new: details('- Use for: Any worry about a child.'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'useFor', old: 'any worry about a child', new: 'Any worry about a child.', impact: 'editorial' }] },
    { name: 'use for changed in meaning', old: details('- Use for: any worry about a child'), new: details('- Use for: urgent worries only'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'useFor', old: 'any worry about a child', new: 'urgent worries only' }] },
    { name: 'a postal address added, shown on one line', new: details('- Address: Council House\n  Manor Square\n  Solihull B91 3QB'), changes: [{ subject: FRONT_DOOR, field: 'address', old: null, new: 'Council House, Manor Square, Solihull B91 3QB' }] },
    { name: 'the postal address moved', old: details('- Address: Council House\n  Manor Square'), new: details('- Address: Civic Centre\n  Manor Square'), changes: [{ subject: FRONT_DOOR, field: 'address', old: 'Council House, Manor Square', new: 'Civic Centre, Manor Square' }] },
    { name: 'the postal address removed', old: details('- Address: Council House\n  Manor Square'), changes: [{ subject: FRONT_DOOR, field: 'address', old: 'Council House, Manor Square', new: null }] },
    { name: 'emergency status removed', old: { 'contacts.md': swap('- Emergency: yes', '- Emergency: yes') }, new: { 'contacts.md': swap('- Emergency: yes\n', '') }, changes: [{ subject: { type: 'contact', old: { id: 'emergency', label: 'Emergency services' }, new: { id: 'emergency', label: 'Emergency services' } }, field: 'emergency', old: true, new: false }] },
  ],
})
