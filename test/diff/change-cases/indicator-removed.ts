import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })

export default changeTable({
  kind: 'indicator-removed',
  impact: 'practice',
  unchanged: [
    { name: 'the same indicators' },
    { name: 'an indicator reworded keeps its id', new: edit('Missing immunisations', 'Immunisations missed') },
    { name: 'an indicator with a new id and the same words', new: edit('{#health-missing-immunisations}', '{#health-immunisations-missing}') },
  ],
  changed: [
    { name: 'the fixture pair: missed appointments removed', ...fixturePair('indicator-removed'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missed-health-visitor-appointments', label: 'Missed health visitor appointments', domain: 'health', level: 'early-help' } } }] },
    { name: 'an indicator gone from early help', old: health(`${IMM}\n- Poor dental hygiene {#health-poor-dental-hygiene}`), changes: [{ subject: { type: 'indicator', old: { id: 'health-poor-dental-hygiene', label: 'Poor dental hygiene', domain: 'health', level: 'early-help' } } }] },
    { name: 'an indicator gone from each level', old: health(`${IMM}\n- Poor diet {#health-poor-diet}`, '- Untreated serious injury {#health-untreated-injury}\n- Failure to thrive {#health-failure-to-thrive}'), changes: [
        { subject: { type: 'indicator', old: { id: 'health-failure-to-thrive', label: 'Failure to thrive', domain: 'health', level: 'child-protection' } } },
        { subject: { type: 'indicator', old: { id: 'health-poor-diet', label: 'Poor diet', domain: 'health', level: 'early-help' } } },
      ] },
    { name: 'an indicator replaced by one with other words and id', old: edit('- Missing immunisations {#health-missing-immunisations}', '- Frequent hospital admissions {#health-frequent-admissions}'), changes: [{ subject: { type: 'indicator', old: { id: 'health-frequent-admissions', label: 'Frequent hospital admissions', domain: 'health', level: 'early-help' } } }] },
  ],
})
