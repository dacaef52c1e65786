import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })

export default changeTable({
  kind: 'indicator-possibly-reworded',
  impact: 'review',
  unchanged: [
    { name: 'the same indicators' },
    { name: 'a rewording that keeps the id is a rewording, not a possible one', new: edit('Missing immunisations', 'Immunisations missed') },
    { name: 'a new id and one word of many in common is too little to say', new: edit('- Missing immunisations {#health-missing-immunisations}', '- Immunisations refused by parents at every visit {#health-immunisations-refused}') },
    { name: 'a new indicator with no words in common', new: edit('- Missing immunisations {#health-missing-immunisations}', '- Frequent hospital admissions {#health-frequent-admissions}') },
  ],
  changed: [
    { name: 'the fixture pair: a new id and some of the words', ...fixturePair('indicator-possibly-reworded'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-immunisations-overdue', label: 'Immunisations overdue, not followed', domain: 'health', level: 'early-help' } }, old: 'Missing immunisations', new: 'Immunisations overdue, not followed' }] },
    { name: 'a new id and one word of four in common', new: edit('- Missing immunisations {#health-missing-immunisations}', '- Immunisations refused by parents {#health-immunisations-refused}'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-immunisations-refused', label: 'Immunisations refused by parents', domain: 'health', level: 'early-help' } }, old: 'Missing immunisations', new: 'Immunisations refused by parents' }] },
    { name: 'an indicator split in two, one keeping the id', new: edit('- Untreated serious injury {#health-untreated-injury}', '- Untreated serious injury {#health-untreated-injury}\n- Untreated serious injury to the head {#health-untreated-head-injury}'), changes: [{ subject: { type: 'indicator', old: { id: 'health-untreated-injury', label: 'Untreated serious injury', domain: 'health', level: 'child-protection' }, new: { id: 'health-untreated-head-injury', label: 'Untreated serious injury to the head', domain: 'health', level: 'child-protection' } }, old: 'Untreated serious injury', new: 'Untreated serious injury to the head' }] },
  ],
})
