import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const early = (from: string, to: string) => ({ 'levels/01-early-help.md': swap(from, to) })
const earlyHelp = { type: 'level' as const, old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }

export default changeTable({
  kind: 'what-to-do-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same route' },
    { name: 'only the description changed', new: early('Support as soon as a problem emerges.', 'Support as soon as a need emerges.') },
  ],
  changed: [
    { name: 'the fixture pair: a step added', ...fixturePair('what-to-do-changed'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'whatToDo', old: '- Talk to the family.', new: '- Talk to the family and agree a plan with them.' }] },
    { name: 'a second step', new: early('- Talk to the family.', '- Talk to the family.\n- Complete an early help assessment.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'whatToDo', old: '- Talk to the family.', new: "- Talk to the family.\n- Complete an early help assessment." }] },
    { name: 'only punctuation and case changed, which is editorial', new: early('- Talk to the family.', '- Talk to the Family'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'whatToDo', old: '- Talk to the family.', new: '- Talk to the Family', impact: 'editorial' }] },
    { name: 'the route at child protection changed', new: { 'levels/02-child-protection.md': swap('if a child is in immediate danger.', 'if a child is in danger now.') }, changes: [{ subject: { type: 'level', old: { id: 'child-protection', label: 'Child protection' }, new: { id: 'child-protection', label: 'Child protection' } }, field: 'whatToDo', old: '- Call [999](#emergency) if a child is in immediate danger.', new: '- Call [999](#emergency) if a child is in danger now.' }] },
    {
      name: 'a link in the steps now goes to another contact, though its words read the same',
      old: early('- Talk to the family.', '- Ask [the duty team](#front-door) for advice.'),
      new: early('- Talk to the family.', '- Ask [the duty team](#emergency) for advice'),
      changes: [{ subject: earlyHelp, field: 'whatToDo', old: '- Ask [the duty team](#front-door) for advice.', new: '- Ask [the duty team](#emergency) for advice' }],
    },
    {
      name: 'a contact’s id changed everywhere and the steps re-punctuated: still the same contact, editorial',
      old: early('- Talk to the family.', '- Ask [the duty team](#front-door) for advice.'),
      new: {
        'levels/01-early-help.md': (text: string) => text.replace('- Talk to the family.', '- Ask [the duty team](#front-door) for advice').replaceAll('#front-door', '#duty-desk'),
        'levels/02-child-protection.md': (text: string) => text.replaceAll('#front-door', '#duty-desk'),
        'contacts.md': swap('{#front-door}', '{#duty-desk}'),
      },
      changes: [{ subject: earlyHelp, field: 'whatToDo', old: '- Ask [the duty team](#front-door) for advice.', new: '- Ask [the duty team](#duty-desk) for advice', impact: 'editorial' }],
    },
    {
      name: 'the report marks the words that changed, not the link’s Markdown',
      old: early('- Talk to the family.', '- Ask [the duty team](#front-door) for advice.'),
      new: early('- Talk to the family.', '- Ask [the duty desk](#front-door) for advice.'),
      changes: [{ subject: earlyHelp, field: 'whatToDo', old: '- Ask [the duty team](#front-door) for advice.', new: '- Ask [the duty desk](#front-door) for advice.', words: [{ op: 'equal', text: 'Ask the duty ' }, { op: 'delete', text: 'team ' }, { op: 'insert', text: 'desk ' }, { op: 'equal', text: 'for advice.' }] }],
    },
  ],
})
