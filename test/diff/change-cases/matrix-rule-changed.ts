import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const matrix = (rule: string, often = 'Occasional') => ({
  'matrix.md': `---\ntitle: Decision-making matrix\n${rule ? `rule: ${rule}\n` : ''}---\n\n| Factor | Early Help | Child protection |\n| --- | --- | --- |\n| How often is this happening? {#frequency} | ${often} | Constant |\n`,
})
const RULE = 'The highest need across the factors guides the support.'

export default changeTable({
  kind: 'matrix-rule-changed',
  impact: 'practice',
  unchanged: [
    { name: 'no matrix in either version' },
    { name: 'the same rule', old: matrix(RULE), new: matrix(RULE) },
    { name: 'only a cell changed', old: matrix(RULE), new: matrix(RULE, 'Now and then') },
  ],
  changed: [
    { name: 'the fixture pair: a new rule', ...fixturePair('matrix-rule-changed'), changes: [{ subject: { type: 'matrix', old: { id: 'matrix', label: 'Decision-making matrix' }, new: { id: 'matrix', label: 'Decision-making matrix' } }, field: 'rule', old: 'The highest need across the factors guides the support.', new: 'The highest need in any one factor decides the level.' }] },
    { name: 'a rule removed', old: matrix(RULE), new: matrix(''), changes: [{ subject: { type: 'matrix', old: { id: 'matrix', label: 'Decision-making matrix' }, new: { id: 'matrix', label: 'Decision-making matrix' } }, field: 'rule', old: 'The highest need across the factors guides the support.', new: null }] },
    { name: 'a rule added', old: matrix(''), new: matrix(RULE), changes: [{ subject: { type: 'matrix', old: { id: 'matrix', label: 'Decision-making matrix' }, new: { id: 'matrix', label: 'Decision-making matrix' } }, field: 'rule', old: null, new: 'The highest need across the factors guides the support.' }] },
  ],
})
