import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const early = (from: string, to: string) => ({ 'levels/01-early-help.md': swap(from, to) })

export default changeTable({
  kind: 'narrative-changed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same text' },
    { name: 'only the what-to-do text changed', new: early('- Talk to the family.', '- Talk to the family and the school.') },
    { name: 'only a setting changed', new: { 'framework.md': swap('status: draft', 'status: published') } },
  ],
  changed: [
    { name: 'the fixture pair: the summary reworded', ...fixturePair('narrative-changed'), changes: [{ subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'summary', old: 'A small framework used by the tests.', new: 'A small framework used by the tests of Thresholds.' }] },
    { name: 'a level’s description reworded', new: early('Support as soon as a problem emerges.', 'Support as soon as a need emerges.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'description', old: 'Support as soon as a problem emerges.', new: 'Support as soon as a need emerges.' }] },
    { name: 'a description with a new phone number, which is practice', old: early('Support as soon as a problem emerges.', 'Support as soon as a problem emerges: call 0121 788 4300.'), new: early('Support as soon as a problem emerges.', 'Support as soon as a problem emerges: call 0121 496 0200.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'description', old: 'Support as soon as a problem emerges: call 0121 788 4300.', new: 'Support as soon as a problem emerges: call 0121 496 0200.', impact: 'practice' }] },
    { name: 'a domain description added', new: { 'domains/01-health.md': swap('---\n\n## Early Help', '---\n\nPhysical and mental health.\n\n## Early Help') }, changes: [{ subject: { type: 'domain', old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'Health' } }, field: 'description', old: null, new: 'Physical and mental health.' }] },
  ],
})
