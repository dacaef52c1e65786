import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })

export default changeTable({
  kind: 'indicator-emphasis-changed',
  impact: 'review',
  unchanged: [
    { name: 'the same words and emphasis' },
    { name: 'the same emphasis in both versions', old: edit('Missing immunisations', '**Missing** immunisations'), new: edit('Missing immunisations', '**Missing** immunisations') },
    { name: 'other words, which is a rewording and not only emphasis', old: edit('Missing immunisations', '**Missing** immunisations'), new: edit('Missing immunisations', '**Missed** immunisations') },
  ],
  changed: [
    { name: 'the fixture pair: emphasis added', ...fixturePair('indicator-emphasis-changed'), changes: [{ subject: { type: 'indicator', old: { id: 'health-untreated-injury', label: 'Untreated serious injury', domain: 'health', level: 'child-protection' }, new: { id: 'health-untreated-injury', label: 'Untreated serious injury', domain: 'health', level: 'child-protection' } }, field: 'markdown', old: 'Untreated serious injury', new: '**Untreated** serious injury' }] },
    { name: 'emphasis removed', old: edit('Missing immunisations', '**Missing** immunisations'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'markdown', old: '**Missing** immunisations', new: 'Missing immunisations' }] },
    { name: 'a link added around the same words', new: edit('Missing immunisations', 'Missing [immunisations](https://example.org/immunisations)'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'markdown', old: 'Missing immunisations', new: 'Missing [immunisations](https://example.org/immunisations)' }] },
  ],
})
