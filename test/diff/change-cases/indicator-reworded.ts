import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const reword = (to: string) => ({ 'domains/01-health.md': swap('- Missing immunisations {#health-missing-immunisations}', `- ${to} {#health-missing-immunisations}`) })
const missing = (label: string) => ({ id: 'health-missing-immunisations', label, domain: 'health', level: 'early-help' })
const subject = (to: string) => ({ type: 'indicator' as const, old: missing('Missing immunisations'), new: missing(to) })

export default changeTable({
  kind: 'indicator-reworded',
  impact: 'review',
  unchanged: [
    { name: 'the same words' },
    { name: 'a new id, the words kept', new: { 'domains/01-health.md': swap('{#health-missing-immunisations}', '{#health-immunisations-missing}') } },
  ],
  changed: [
    { name: 'the fixture pair of docs/changes.md', ...fixturePair('indicator-reworded'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations or health checks', domain: 'health', level: 'early-help' } }, old: 'Missing immunisations', new: 'Missing immunisations or health checks' }] },
    { name: 'a criterion changed under a kept id: review', new: reword('Immunisations overdue by a year'), changes: [{ subject: subject('Immunisations overdue by a year'), old: 'Missing immunisations', new: 'Immunisations overdue by a year' }] },
    { name: 'into the child’s voice, the same content words: editorial', new: reword('I am missing my immunisations'), changes: [{ subject: subject('I am missing my immunisations'), impact: 'editorial', old: 'Missing immunisations', new: 'I am missing my immunisations' }] },
    { name: 'case and a full stop only: editorial', new: reword('Missing Immunisations.'), changes: [{ subject: subject('Missing Immunisations.'), impact: 'editorial', old: 'Missing immunisations', new: 'Missing Immunisations.' }] },
    { name: 'a word that narrows the criterion: review', new: reword('Missing routine immunisations'), changes: [{ subject: subject('Missing routine immunisations'), old: 'Missing immunisations', new: 'Missing routine immunisations' }] },
  ],
})
