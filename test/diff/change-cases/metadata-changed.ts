import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const meta = (from: string, to: string) => ({ 'framework.md': swap(from, to) })

export default changeTable({
  kind: 'metadata-changed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same settings' },
    { name: 'only the summary changed', new: meta('A small framework used by the tests.', 'A small framework for the tests.') },
    // A package built before page titles were kept records none, so a title one side lacks is not compared.
    { name: 'a contacts page with no title on one side', new: { 'contacts.md': swap('---\ntitle: Contacts\n---\n', '') } },
  ],
  changed: [
    { name: 'the fixture pair: published as version 2.0', ...fixturePair('metadata-changed'), changes: [
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'published', old: null, new: '2026-05-01' },
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'status', old: 'draft', new: 'published' },
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'version', old: '1.0', new: '2.0' },
      ] },
    { name: 'a new title and region', new: meta('title: Minimal Framework', 'title: Minimal Threshold Framework\nregion: West Midlands'), changes: [
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Threshold Framework' } }, field: 'region', old: null, new: 'West Midlands' },
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Threshold Framework' } }, field: 'title', old: 'Minimal Framework', new: 'Minimal Threshold Framework' },
      ] },
    { name: 'the contacts and links pages retitled', new: { 'contacts.md': swap('title: Contacts', 'title: Contacts / Cysylltiadau'), 'links.md': swap('title: Links', 'title: Useful links') }, changes: [
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'contactsTitle', old: 'Contacts', new: 'Contacts / Cysylltiadau' },
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'linksTitle', old: 'Links', new: 'Useful links' },
      ] },
    { name: 'a newer edition of the guidance', new: meta('edition: 2026', 'edition: 2027'), changes: [{ subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'guidance', old: { title: 'Working Together to Safeguard Children', edition: 2026 }, new: { title: 'Working Together to Safeguard Children', edition: 2027 } }] },
    { name: 'guidance added', new: meta('    edition: 2026', '    edition: 2026\n  - title: Keeping Children Safe in Education\n    edition: 2025'), changes: [{ subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'guidance', old: null, new: { title: 'Keeping Children Safe in Education', edition: 2025 } }] },
    { name: 'the guidance title changed in case only, the same edition', new: meta('title: Working Together to Safeguard Children', 'title: Working together to safeguard children'), changes: [{ subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'guidance', old: { title: 'Working Together to Safeguard Children', edition: 2026 }, new: { title: 'Working together to safeguard children', edition: 2026 } }] },
    { name: 'guidance removed', old: meta('    edition: 2026', '    edition: 2026\n  - title: Keeping Children Safe in Education\n    edition: 2025'), changes: [{ subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'guidance', old: { title: 'Keeping Children Safe in Education', edition: 2025 }, new: null }] },
    {
      name: 'two guidance documents in new editions: listed by title',
      old: meta('    edition: 2026', '    edition: 2026\n  - title: Keeping Children Safe in Education\n    edition: 2025'),
      new: meta('    edition: 2026', '    edition: 2027\n  - title: Keeping Children Safe in Education\n    edition: 2026'),
      changes: [
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'guidance', old: { title: 'Keeping Children Safe in Education', edition: 2025 }, new: { title: 'Keeping Children Safe in Education', edition: 2026 } },
        { subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'guidance', old: { title: 'Working Together to Safeguard Children', edition: 2026 }, new: { title: 'Working Together to Safeguard Children', edition: 2027 } },
      ],
    },
  ],
})
