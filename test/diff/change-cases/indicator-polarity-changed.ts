import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })
const UP = (polarity: string) => `${IMM}\n- Up to date with immunisations {#health-up-to-date${polarity ? ` polarity=${polarity}` : ''}}`

export default changeTable({
  kind: 'indicator-polarity-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same polarities' },
    { name: 'a need written out as polarity=need', old: health(UP('')), new: health(UP('need')) },
    { name: 'a strength in both versions', old: health(UP('strength')), new: health(UP('strength')) },
  ],
  changed: [
    { name: 'the fixture pair: a need turned into a strength', ...fixturePair('indicator-polarity-changed'), changes: [{ subject: { type: 'indicator', old: { id: 'health-up-to-date-with-immunisations', label: 'Up to date with immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-up-to-date-with-immunisations', label: 'Up to date with immunisations', domain: 'health', level: 'early-help' } }, old: 'need', new: 'strength' }] },
    { name: 'a strength turned into a need', old: health(UP('strength')), new: health(UP('need')), changes: [{ subject: { type: 'indicator', old: { id: 'health-up-to-date', label: 'Up to date with immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-up-to-date', label: 'Up to date with immunisations', domain: 'health', level: 'early-help' } }, old: 'strength', new: 'need' }] },
    { name: 'a need, by default, marked a strength', old: health(UP('')), new: health(UP('strength')), changes: [{ subject: { type: 'indicator', old: { id: 'health-up-to-date', label: 'Up to date with immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-up-to-date', label: 'Up to date with immunisations', domain: 'health', level: 'early-help' } }, old: 'need', new: 'strength' }] },
  ],
})
