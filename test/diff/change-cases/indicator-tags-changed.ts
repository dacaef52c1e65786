import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })
const attrs = (extra: string) => edit('{#health-missing-immunisations}', `{#health-missing-immunisations ${extra}}`)

export default changeTable({
  kind: 'indicator-tags-changed',
  impact: 'editorial',
  unchanged: [
    { name: 'no tags or related indicators' },
    { name: 'the same tags in another order', old: attrs('tags=health-visitor,school'), new: attrs('tags=school,health-visitor') },
    { name: 'a related indicator whose id changed', old: attrs('related=health-untreated-injury'), new: { 'domains/01-health.md': (text: string) => swap('{#health-untreated-injury}', '{#health-injury}')(swap('{#health-missing-immunisations}', '{#health-missing-immunisations related=health-injury}')(text)) } },
  ],
  changed: [
    { name: 'the fixture pair: a tag and a related indicator added', ...fixturePair('indicator-tags-changed'), changes: [
        { subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'related', old: [], new: ['health-untreated-injury'] },
        { subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'tags', old: [], new: ['health-visitor'] },
      ] },
    { name: 'a tag removed', old: attrs('tags=health-visitor,school'), new: attrs('tags=school'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'tags', old: ['health-visitor', 'school'], new: ['school'] }] },
    { name: 'a related indicator removed', old: attrs('related=health-untreated-injury'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'related', old: ['health-untreated-injury'], new: [] }] },
  ],
})
