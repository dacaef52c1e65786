import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const EARLY = { id: 'early-help', title: 'Early Help' }
const CP = { id: 'child-protection', title: 'Child protection' }
const immunisations = (level: string) => ({ id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health', level })
const injury = (level: string) => ({ id: 'health-untreated-injury', label: 'Untreated serious injury', domain: 'health', level })
const health = (text: string) => ({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n${text}\n` })
const IMM = '- Missing immunisations {#health-missing-immunisations}'
const INJ = '- Untreated serious injury {#health-untreated-injury}'
// One indicator stays at each level, so that no level is left empty (the diff refuses sources with errors).
const STAY_EARLY = '- Poor hygiene {#health-poor-hygiene}'
const STAY_CP = '- Broken bones {#health-broken-bones}'
const BEFORE = health(`## Early Help\n\n${IMM}\n${STAY_EARLY}\n\n## Child protection\n\n${INJ}\n${STAY_CP}`)

export default changeTable({
  kind: 'indicator-moved-level',
  impact: 'practice',
  unchanged: [
    { name: 'indicators at the same levels' },
    { name: 'an indicator reworded at its level', new: { 'domains/01-health.md': swap('Missing immunisations', 'Immunisations missed') } },
    { name: 'the level heading written as the level id', new: { 'domains/01-health.md': swap('## Child protection', '## child-protection') } },
  ],
  changed: [
    { name: 'the fixture pair of docs/changes.md', ...fixturePair('indicator-moved-level'), changes: [{ subject: { type: 'indicator', old: { id: 'health-frequent-minor-injuries', label: 'Frequent minor injuries', domain: 'health', level: 'early-help' }, new: { id: 'health-frequent-minor-injuries', label: 'Frequent minor injuries', domain: 'health', level: 'child-protection' } }, old: { id: 'early-help', title: 'Early Help' }, new: { id: 'child-protection', title: 'Child protection' }, direction: 'raised' }] },
    {
      name: 'an indicator raised to child protection',
      old: BEFORE,
      new: health(`## Early Help\n\n${STAY_EARLY}\n\n## Child protection\n\n${IMM}\n${INJ}\n${STAY_CP}`),
      changes: [{ subject: { type: 'indicator', old: immunisations('early-help'), new: immunisations('child-protection') }, old: EARLY, new: CP, direction: 'raised' }],
    },
    {
      name: 'an indicator lowered to early help',
      old: BEFORE,
      new: health(`## Early Help\n\n${IMM}\n${INJ}\n${STAY_EARLY}\n\n## Child protection\n\n${STAY_CP}`),
      changes: [{ subject: { type: 'indicator', old: injury('child-protection'), new: injury('early-help') }, old: CP, new: EARLY, direction: 'lowered' }],
    },
    {
      name: 'the framework laid out by strengths and needs instead of by level: an indicator that loses its level has no direction',
      new: {
        'framework.md': swap('indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs'),
        ...health('## Strengths and protective factors\n\n- Sees a doctor {#health-sees-doctor}\n\n## Needs and risks\n\n- Missing immunisations {#health-missing-immunisations}'),
      },
      changes: [{ subject: { type: 'indicator', old: immunisations('early-help'), new: { id: 'health-missing-immunisations', label: 'Missing immunisations', domain: 'health' } }, old: EARLY, new: null }],
    },
    {
      name: 'the framework laid out by level instead of by strengths and needs: an indicator that gains a level has no direction',
      old: {
        'framework.md': swap('indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs'),
        ...health('## Strengths and protective factors\n\n- Sees a doctor {#health-sees-doctor}\n\n## Needs and risks\n\n- Untreated serious injury {#health-untreated-injury}'),
      },
      changes: [{ subject: { type: 'indicator', old: { id: 'health-untreated-injury', label: 'Untreated serious injury', domain: 'health' }, new: injury('child-protection') }, old: null, new: CP }],
    },
    {
      name: 'two indicators swapping levels',
      old: BEFORE,
      new: health(`## Early Help\n\n${INJ}\n${STAY_EARLY}\n\n## Child protection\n\n${IMM}\n${STAY_CP}`),
      changes: [
        { subject: { type: 'indicator', old: immunisations('early-help'), new: immunisations('child-protection') }, old: EARLY, new: CP, direction: 'raised' },
        { subject: { type: 'indicator', old: injury('child-protection'), new: injury('early-help') }, old: CP, new: EARLY, direction: 'lowered' },
      ],
    },
  ],
})
