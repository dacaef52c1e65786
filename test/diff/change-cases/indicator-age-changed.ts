import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })

export default changeTable({
  kind: 'indicator-age-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same ages' },
    { name: 'the same age in both versions', old: edit('immunisations}', 'immunisations age=baby}'), new: edit('immunisations}', 'immunisations age=baby}') },
    { name: 'the indicator reworded, its age kept', old: edit('immunisations}', 'immunisations age=baby}'), new: edit('Missing immunisations {#health-missing-immunisations}', 'Immunisations missed {#health-missing-immunisations age=baby}') },
  ],
  changed: [
    { name: 'the fixture pair: an age group added', ...fixturePair('indicator-age-changed'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'age', old: null, new: 'baby' }] },
    { name: 'an age group removed', old: edit('immunisations}', 'immunisations age=baby}'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'age', old: 'baby', new: null }] },
    { name: 'another age group', old: edit('immunisations}', 'immunisations age=baby}'), new: edit('immunisations}', 'immunisations age=11-17}'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'age', old: 'baby', new: '11-17' }] },
  ],
})
