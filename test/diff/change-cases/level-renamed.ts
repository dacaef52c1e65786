import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const early = (title: string) => ({ id: 'early-help', label: title })
// The domain names the level by its id, so that a new title leaves the sources without errors.
const byId = { 'domains/01-health.md': swap('## Early Help', '## early-help') }
const level = (from: string, to: string) => ({ ...byId, 'levels/01-early-help.md': swap(from, to) })

export default changeTable({
  kind: 'level-renamed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same titles' },
    { name: 'a level’s description reworded', new: level('Support as soon as a problem emerges.', 'Support as soon as a need emerges.') },
  ],
  changed: [
    { name: 'the fixture pair of docs/changes.md', ...fixturePair('level-renamed'), changes: [
        { subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early help and support' } }, field: 'shortTitle', old: null, new: 'Early help' },
        { subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early help and support' } }, field: 'title', old: { id: 'early-help', title: 'Early Help' }, new: { id: 'early-help', title: 'Early help and support' } },
      ] },
    {
      name: 'a new title',
      old: byId,
      new: level('title: Early Help', 'title: Early help and support'),
      changes: [{ subject: { type: 'level', old: early('Early Help'), new: early('Early help and support') }, field: 'title', old: { id: 'early-help', title: 'Early Help' }, new: { id: 'early-help', title: 'Early help and support' } }],
    },
    {
      name: 'a new id, the level matched by its title',
      new: { 'levels/01-early-help.md': swap('id: early-help', 'id: early-support') },
      changes: [{ subject: { type: 'level', old: early('Early Help'), new: { id: 'early-support', label: 'Early Help' } }, field: 'title', old: { id: 'early-help', title: 'Early Help' }, new: { id: 'early-support', title: 'Early Help' } }],
    },
    {
      name: 'a short title added',
      new: level('title: Early Help', 'title: Early Help\nshortTitle: Early help'),
      changes: [{ subject: { type: 'level', old: early('Early Help'), new: early('Early Help') }, field: 'shortTitle', old: null, new: 'Early help' }],
    },
    {
      name: 'a title and a short title changed together',
      old: level('title: Early Help', 'title: Early Help\nshortTitle: EH'),
      new: level('title: Early Help', 'title: Early help and support\nshortTitle: Early help'),
      changes: [
        { subject: { type: 'level', old: early('Early Help'), new: early('Early help and support') }, field: 'shortTitle', old: 'EH', new: 'Early help' },
        { subject: { type: 'level', old: early('Early Help'), new: early('Early help and support') }, field: 'title', old: { id: 'early-help', title: 'Early Help' }, new: { id: 'early-help', title: 'Early help and support' } },
      ],
    },
    { name: 'a printed label given to a level', new: level('rank: 1', 'rank: 1\nlabel: Level 2'), changes: [{ subject: { type: 'level', old: early('Early Help'), new: early('Early Help') }, field: 'label', old: null, new: 'Level 2' }] },
  ],
})
