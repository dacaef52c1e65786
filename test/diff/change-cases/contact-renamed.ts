import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const heading = (to: string) => ({ 'contacts.md': swap('## Front door {#front-door}', to) })

export default changeTable({
  kind: 'contact-renamed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same names' },
    { name: 'only the number changed', new: { 'contacts.md': swap('0121 788 4300', '0121 496 0200') } },
  ],
  changed: [
    { name: 'the fixture pair: a longer name', ...fixturePair('contact-renamed'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door (MASH)' } }, old: { id: 'front-door', title: 'Front door' }, new: { id: 'front-door', title: 'Front door (MASH)' } }] },
    { name: 'a new name, the same id', new: heading('## Front door team {#front-door}'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door team' } }, old: { id: 'front-door', title: 'Front door' }, new: { id: 'front-door', title: 'Front door team' } }] },
    {
      name: 'a new id, matched by name',
      new: { ...heading('## Front door {#mash}'), 'levels/01-early-help.md': swap('(#front-door)', '(#mash)'), 'levels/02-child-protection.md': swap('(#front-door)', '(#mash)') },
      changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'mash', label: 'Front door' } }, old: { id: 'front-door', title: 'Front door' }, new: { id: 'mash', title: 'Front door' } }],
    },
    { name: 'a name changed only in case', new: heading('## Front Door {#front-door}'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front Door' } }, old: { id: 'front-door', title: 'Front door' }, new: { id: 'front-door', title: 'Front Door' } }] },
  ],
})
