import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const early = (from: string, to: string) => ({ 'levels/01-early-help.md': swap(from, to) })
const cp = (from: string, to: string) => ({ 'levels/02-child-protection.md': swap(from, to) })

export default changeTable({
  kind: 'level-contacts-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same contacts' },
    { name: 'a contact renamed, the same contact linked', new: { 'contacts.md': swap('## Front door {#front-door}', '## Front door team {#front-door}') } },
    {
      name: 'a contact whose id changed, linked under its new id',
      new: { 'contacts.md': swap('{#front-door}', '{#mash}'), ...early('(#front-door)', '(#mash)'), ...cp('(#front-door)', '(#mash)') },
    },
  ],
  changed: [
    { name: 'the fixture pair: the emergency contact added to early help', ...fixturePair('level-contacts-changed'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, old: ['front-door'], new: ['emergency', 'front-door'] }] },
    { name: 'a contact removed from child protection', new: cp('- [Front door](#front-door)\n', ''), changes: [{ subject: { type: 'level', old: { id: 'child-protection', label: 'Child protection' }, new: { id: 'child-protection', label: 'Child protection' } }, old: ['emergency', 'front-door'], new: ['emergency'] }] },
    {
      name: 'the same contacts in another order',
      old: early('- [Front door](#front-door)', '- [Front door](#front-door)\n- [Emergency services](#emergency)'),
      new: early('- [Front door](#front-door)', '- [Emergency services](#emergency)\n- [Front door](#front-door)'),
      changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'order', old: ['front-door', 'emergency'], new: ['emergency', 'front-door'], impact: 'editorial' }],
    },
    { name: 'one contact replaced by another', new: early('- [Front door](#front-door)', '- [Emergency services](#emergency)'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, old: ['front-door'], new: ['emergency'] }] },
  ],
})
