import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const matrix = (often: string, severe = 'Severe', rule = 'The highest need across the factors guides the support.') => ({
  'matrix.md': `---\ntitle: Decision-making matrix\nrule: ${rule}\n---\n\n| Factor | Early Help | Child protection |\n| --- | --- | --- |\n| How often is this happening? {#frequency} | ${often} | Constant |\n| How severe is it? {#severity} | Moderate | ${severe} |\n`,
})

export default changeTable({
  kind: 'matrix-cell-changed',
  impact: 'practice',
  unchanged: [
    { name: 'no matrix in either version' },
    { name: 'the same cells', old: matrix('Occasional'), new: matrix('Occasional') },
    { name: 'only the rule changed', old: matrix('Occasional'), new: matrix('Occasional', 'Severe', 'The highest need in any factor decides.') },
    { name: 'a factor’s id changed: the same cells', old: matrix('Occasional'), new: { 'matrix.md': swap('{#frequency}', '{#how-often}')(matrix('Occasional')['matrix.md']) } },
  ],
  changed: [
    { name: 'the fixture pair: a cell with more words', ...fixturePair('matrix-cell-changed'), changes: [{ subject: { type: 'matrix-cell', old: { id: 'frequency:early-help', label: 'How often is this happening? / Early Help', level: 'early-help' }, new: { id: 'frequency:early-help', label: 'How often is this happening? / Early Help', level: 'early-help' } }, old: 'Occasional', new: 'Occasional or recurring' }] },
    { name: 'a cell of a level with a printed label, named as practitioners know the column', old: { ...matrix('Occasional'), 'levels/01-early-help.md': swap('rank: 1', 'rank: 1\nlabel: Level 2') }, new: { ...matrix('Now and then'), 'levels/01-early-help.md': swap('rank: 1', 'rank: 1\nlabel: Level 2') }, changes: [
        { subject: { type: 'matrix-cell', old: { id: 'frequency:early-help', label: 'How often is this happening? / Level 2: Early Help', level: 'early-help' }, new: { id: 'frequency:early-help', label: 'How often is this happening? / Level 2: Early Help', level: 'early-help' } }, old: 'Occasional', new: 'Now and then' },
      ] },
    { name: 'two cells of different rows changed', old: matrix('Occasional'), new: matrix('Now and then', 'Very severe'), changes: [
        { subject: { type: 'matrix-cell', old: { id: 'frequency:early-help', label: 'How often is this happening? / Early Help', level: 'early-help' }, new: { id: 'frequency:early-help', label: 'How often is this happening? / Early Help', level: 'early-help' } }, old: 'Occasional', new: 'Now and then' },
        { subject: { type: 'matrix-cell', old: { id: 'severity:child-protection', label: 'How severe is it? / Child protection', level: 'child-protection' }, new: { id: 'severity:child-protection', label: 'How severe is it? / Child protection', level: 'child-protection' } }, old: 'Severe', new: 'Very severe' },
      ] },
    { name: 'a matrix added', new: matrix('Occasional'), changes: [
        { subject: { type: 'matrix-cell', new: { id: 'frequency:child-protection', label: 'How often is this happening? / Child protection', level: 'child-protection' } }, old: null, new: 'Constant' },
        { subject: { type: 'matrix-cell', new: { id: 'frequency:early-help', label: 'How often is this happening? / Early Help', level: 'early-help' } }, old: null, new: 'Occasional' },
        { subject: { type: 'matrix-cell', new: { id: 'severity:child-protection', label: 'How severe is it? / Child protection', level: 'child-protection' } }, old: null, new: 'Severe' },
        { subject: { type: 'matrix-cell', new: { id: 'severity:early-help', label: 'How severe is it? / Early Help', level: 'early-help' } }, old: null, new: 'Moderate' },
      ] },
    { name: 'a matrix removed', old: matrix('Occasional'), changes: [
        { subject: { type: 'matrix-cell', old: { id: 'frequency:child-protection', label: 'How often is this happening? / Child protection', level: 'child-protection' } }, old: 'Constant', new: null },
        { subject: { type: 'matrix-cell', old: { id: 'frequency:early-help', label: 'How often is this happening? / Early Help', level: 'early-help' } }, old: 'Occasional', new: null },
        { subject: { type: 'matrix-cell', old: { id: 'severity:child-protection', label: 'How severe is it? / Child protection', level: 'child-protection' } }, old: 'Severe', new: null },
        { subject: { type: 'matrix-cell', old: { id: 'severity:early-help', label: 'How severe is it? / Early Help', level: 'early-help' } }, old: 'Moderate', new: null },
      ] },
  ],
})
