import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })
const A = '- Poor hygiene {#health-poor-hygiene}'
const B = '- Frequent accidents {#health-frequent-accidents}'

export default changeTable({
  kind: 'indicator-reordered',
  impact: 'editorial',
  unchanged: [
    { name: 'the same order' },
    { name: 'an indicator added at the top: the others keep their order', old: health(`${IMM}\n${A}`), new: health(`${B}\n${IMM}\n${A}`) },
    { name: 'an indicator moved to another level is not re-ordered', old: health(`${IMM}\n${A}`), new: health(A, `- Untreated serious injury {#health-untreated-injury}\n${IMM}`) },
  ],
  changed: [
    { name: 'the fixture pair: the third indicator moved first', ...fixturePair('indicator-reordered'), changes: [{ subject: { type: 'indicator', old: { id: 'health-frequent-accidents', label: 'Frequent accidents', domain: 'health', level: 'early-help' }, new: { id: 'health-frequent-accidents', label: 'Frequent accidents', domain: 'health', level: 'early-help' } }, field: 'order', old: 3, new: 1 }] },
    { name: 'two indicators swapped', old: health(`${IMM}\n${A}`), new: health(`${A}\n${IMM}`), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'order', old: 1, new: 2 }] },
    { name: 'the first of three moved last', old: health(`${IMM}\n${A}\n${B}`), new: health(`${A}\n${B}\n${IMM}`), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'order', old: 1, new: 3 }] },
    { name: 'two lists re-ordered at once', old: health(`${IMM}\n${A}`, `- Untreated serious injury {#health-untreated-injury}\n${B}`), new: health(`${A}\n${IMM}`, `${B}\n- Untreated serious injury {#health-untreated-injury}`), changes: [
        { subject: { type: 'indicator', old: { id: 'health-frequent-accidents', label: 'Frequent accidents', domain: 'health', level: 'child-protection' }, new: { id: 'health-frequent-accidents', label: 'Frequent accidents', domain: 'health', level: 'child-protection' } }, field: 'order', old: 2, new: 1 },
        { subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'order', old: 1, new: 2 },
      ] },
    { name: 'a level’s id changed and two of its indicators swapped: still the same list', old: health(`${IMM}\n${A}`), new: { ...health(`${A}\n${IMM}`), 'levels/01-early-help.md': swap('id: early-help', 'id: early-support') }, changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-support' } }, field: 'order', old: 1, new: 2 }] },
  ],
})
