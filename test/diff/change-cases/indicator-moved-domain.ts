import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (early: string, cp = '- Untreated serious injury {#health-untreated-injury}') => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n${cp}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const edit = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })
const learning = (early: string, title = 'Learning') => ({ 'domains/02-learning.md': `---\nid: learning\ntitle: ${title}\n---\n\n## Early Help\n\n${early}\n\n## Child protection\n\n- Excluded from school {#learning-excluded}\n` })
const LATE = '- Often late {#learning-often-late}'

export default changeTable({
  kind: 'indicator-moved-domain',
  impact: 'editorial',
  unchanged: [
    { name: 'indicators in the same domains' },
    { name: 'the domain renamed: its indicators did not move', old: learning(LATE), new: learning(LATE, 'Learning and school') },
    { name: 'an indicator moved level within its domain', new: health('- Poor hygiene {#health-poor-hygiene}', `- Untreated serious injury {#health-untreated-injury}\n${IMM}`) },
  ],
  changed: [
    { name: 'the fixture pair: an indicator moved to learning', ...fixturePair('indicator-moved-domain'), changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'learning', level: 'early-help' } }, old: { id: 'health', title: 'Health' }, new: { id: 'learning', title: 'Learning' } }] },
    { name: 'an indicator moved from learning to health', old: learning(LATE), new: { ...learning('- Poor concentration {#learning-poor-concentration}'), ...health(`${IMM}\n${LATE}`) }, changes: [{ subject: { type: 'indicator', old: { id: 'learning-often-late', label: 'Often late', domain: 'learning', level: 'early-help' }, new: { id: 'learning-often-late', label: 'Often late', domain: 'health', level: 'early-help' } }, old: { id: 'learning', title: 'Learning' }, new: { id: 'health', title: 'Health' } }] },
    { name: 'an indicator moved into a new domain', new: { ...health('- Poor hygiene {#health-poor-hygiene}'), ...learning(IMM) }, changes: [{ subject: { type: 'indicator', old: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level: 'early-help' }, new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'learning', level: 'early-help' } }, old: { id: 'health', title: 'Health' }, new: { id: 'learning', title: 'Learning' } }] },
  ],
})
