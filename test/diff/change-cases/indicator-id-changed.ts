import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })

export default changeTable({
  kind: 'indicator-id-changed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same ids' },
    { name: 'an indicator reworded keeps its id', new: edit('Missing immunisations', 'Immunisations missed') },
  ],
  changed: [
    { name: 'the fixture pair: a new id for the same words', ...fixturePair('indicator-id-changed'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-immunisations-missing', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, old: 'health-missing-immunisations', new: 'health-immunisations-missing' }] },
    { name: 'a new id for each of two indicators', new: health('- Missing immunisations {#health-immunisations}', '- Untreated serious injury {#health-injury}'), changes: [
        { subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, old: 'health-missing-immunisations', new: 'health-immunisations' },
        { subject: { type: 'indicator', old: { id: 'health-untreated-injury', label: 'Untreated serious injury', domain: 'health', level: 'child-protection' }, new: { id: 'health-injury', label: 'Untreated serious injury', domain: 'health', level: 'child-protection' } }, old: 'health-untreated-injury', new: 'health-injury' },
      ] },
    { name: 'a new id, the words changed only in case', new: edit('- Missing immunisations {#health-missing-immunisations}', '- Missing Immunisations {#health-immunisations}'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-immunisations', label: 'Missing Immunisations', domain: 'health', level: 'early-help' } }, old: 'health-missing-immunisations', new: 'health-immunisations' }] },
  ],
})
