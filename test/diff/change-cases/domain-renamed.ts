import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const health = (from: string, to: string) => ({ 'domains/01-health.md': swap(from, to) })

export default changeTable({
  kind: 'domain-renamed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same titles' },
    { name: 'an indicator of the domain reworded', new: health('Missing immunisations', 'Immunisations missed') },
    { name: 'the same title at a level', old: health('title: Health', 'title: Health\ntitleAtLevel:\n  child-protection: Keeping well'), new: health('title: Health', 'title: Health\ntitleAtLevel:\n  child-protection: Keeping well') },
    {
      name: 'a level’s id changed: the domain’s title there is the same',
      old: health('title: Health', 'title: Health\ntitleAtLevel:\n  early-help: Staying healthy'),
      new: { 'domains/01-health.md': swap('title: Health', 'title: Health\ntitleAtLevel:\n  early-support: Staying healthy'), 'levels/01-early-help.md': swap('id: early-help', 'id: early-support') },
    },
  ],
  changed: [
    { name: 'the fixture pair: a longer title', ...fixturePair('domain-renamed'), changes: [
        { subject: { type: 'domain', old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'Health and development' } }, old: { id: 'health', title: 'Health' }, new: { id: 'health', title: 'Health and development' } },
        { subject: { type: 'domain', old: { id: 'health', label: 'Health', level: 'child-protection' }, new: { id: 'health', label: 'Health and development', level: 'child-protection' } }, field: 'titleAtLevel', old: null, new: 'Keeping well' },
      ] },
    { name: 'a new title, the same id', new: health('title: Health', 'title: Physical health'), changes: [{ subject: { type: 'domain', old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'Physical health' } }, old: { id: 'health', title: 'Health' }, new: { id: 'health', title: 'Physical health' } }] },
    { name: 'a new id, matched by title', new: health('id: health', 'id: physical-health'), changes: [{ subject: { type: 'domain', old: { id: 'health', label: 'Health' }, new: { id: 'physical-health', label: 'Health' } }, old: { id: 'health', title: 'Health' }, new: { id: 'physical-health', title: 'Health' } }] },
    { name: 'a title changed only in case', new: health('title: Health', 'title: HEALTH'), changes: [{ subject: { type: 'domain', old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'HEALTH' } }, old: { id: 'health', title: 'Health' }, new: { id: 'health', title: 'HEALTH' } }] },
    {
      name: 'titles at two levels added, in level id order',
      new: health('title: Health', 'title: Health\ntitleAtLevel:\n  early-help: Staying healthy\n  child-protection: Keeping well'),
      changes: [
        { subject: { type: 'domain', old: { id: 'health', label: 'Health', level: 'child-protection' }, new: { id: 'health', label: 'Health', level: 'child-protection' } }, field: 'titleAtLevel', old: null, new: 'Keeping well' },
        { subject: { type: 'domain', old: { id: 'health', label: 'Health', level: 'early-help' }, new: { id: 'health', label: 'Health', level: 'early-help' } }, field: 'titleAtLevel', old: null, new: 'Staying healthy' },
      ],
    },
    {
      name: 'a level’s id changed and the domain’s title there dropped',
      old: health('title: Health', 'title: Health\ntitleAtLevel:\n  early-help: Staying healthy'),
      new: { 'levels/01-early-help.md': swap('id: early-help', 'id: early-support') },
      changes: [{ subject: { type: 'domain', old: { id: 'health', label: 'Health', level: 'early-help' }, new: { id: 'health', label: 'Health', level: 'early-support' } }, field: 'titleAtLevel', old: 'Staying healthy', new: null }],
    },
  ],
})
