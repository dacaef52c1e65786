import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })
const withResources = (...lines: string[]) => health(`${IMM}\n${lines.map((line) => `  - ${line}`).join('\n')}`)

export default changeTable({
  kind: 'indicator-resources-changed',
  impact: 'practice',
  unchanged: [
    { name: 'no resources in either version' },
    { name: 'the same resources', old: withResources('School nurse drop-in'), new: withResources('School nurse drop-in') },
    { name: 'the indicator reworded, its resources kept', old: withResources('School nurse drop-in'), new: { 'domains/01-health.md': (text: string) => swap('Missing immunisations', 'Immunisations missed')(withResources('School nurse drop-in')['domains/01-health.md']) } },
  ],
  changed: [
    { name: 'the fixture pair: a resource added', ...fixturePair('indicator-resources-changed'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'resources', old: '- School nurse drop-in', new: "- School nurse drop-in\n- Immunisation team" }] },
    { name: 'a resource removed', old: withResources('School nurse drop-in', 'Immunisation team'), new: withResources('School nurse drop-in'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'resources', old: "- School nurse drop-in\n- Immunisation team", new: '- School nurse drop-in' }] },
    { name: 'a resource changed only in punctuation and case, which is editorial', old: withResources('School nurse drop-in'), new: withResources('School Nurse drop-in.'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'resources', old: '- School nurse drop-in', new: '- School Nurse drop-in.', impact: 'editorial' }] },
    { name: 'a resource’s phone number changed, which is practice even if the words read the same', old: withResources('Call 0121 788 4300'), new: withResources('Call 0121 496 0200'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'resources', old: '- Call 0121 788 4300', new: '- Call 0121 496 0200' }] },
    { name: 'resources added where there were none', new: withResources('School nurse drop-in'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'resources', old: null, new: '- School nurse drop-in' }] },
    { name: 'a resource’s link now goes to another contact, though its words read the same', old: withResources('Ask [the duty team](#front-door).'), new: withResources('Ask [the duty team](#emergency)'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'resources', old: '- Ask [the duty team](#front-door).', new: '- Ask [the duty team](#emergency)' }] },
    { name: 'the report marks the words that changed, not the link’s Markdown', old: withResources('Ask [the duty team](#front-door).'), new: withResources('Ask [the duty desk](#front-door).'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' } }, field: 'resources', old: '- Ask [the duty team](#front-door).', new: '- Ask [the duty desk](#front-door).', words: [{ op: 'equal', text: 'Ask the duty ' }, { op: 'delete', text: 'team.' }, { op: 'insert', text: 'desk.' }] }] },
  ],
})
