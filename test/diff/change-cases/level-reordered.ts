import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

/** A sub-level (covered by its parent's indicators, so it needs none of its own). */
const sub = (id: string, title: string, parent: string, rank = 1) => ({
  [`levels/03-${id}.md`]: `---\nid: ${id}\ntitle: ${title}\nparent: ${parent}\nrank: ${rank}\n---\n\nA sub-level.\n\n## What to do\n\n- Call the [Front door](#front-door).\n\n## Contacts\n\n- [Front door](#front-door)\n`,
})

export default changeTable({
  kind: 'level-reordered',
  impact: 'practice',
  unchanged: [
    { name: 'the same order' },
    { name: 'a sub-level added: the others keep their order', new: sub('urgent', 'Urgent', 'child-protection') },
    { name: 'a level renamed in place', old: { 'domains/01-health.md': swap('## Early Help', '## early-help') }, new: { 'domains/01-health.md': swap('## Early Help', '## early-help'), 'levels/01-early-help.md': swap('title: Early Help', 'title: Early support') } },
  ],
  changed: [
    { name: 'the fixture pair: a sub-level moved under another level', ...fixturePair('level-reordered'), changes: [{ subject: { type: 'level', old: { id: 'targeted-support', label: 'Targeted support' }, new: { id: 'targeted-support', label: 'Targeted support' } }, old: { position: 2, parent: 'early-help' }, new: { position: 3, parent: 'child-protection' } }] },
    { name: 'a sub-level moved from child protection to early help', old: sub('urgent', 'Urgent', 'child-protection'), new: sub('urgent', 'Urgent', 'early-help'), changes: [{ subject: { type: 'level', old: { id: 'urgent', label: 'Urgent' }, new: { id: 'urgent', label: 'Urgent' } }, old: { position: 3, parent: 'child-protection' }, new: { position: 2, parent: 'early-help' } }] },
    { name: 'two sub-levels swapped by rank', old: { ...sub('a', 'Level A', 'child-protection', 1), ...{ 'levels/04-b.md': sub('b', 'Level B', 'child-protection', 2)['levels/03-b.md'] ?? '' } }, new: { ...sub('a', 'Level A', 'child-protection', 2), ...{ 'levels/04-b.md': sub('b', 'Level B', 'child-protection', 1)['levels/03-b.md'] ?? '' } }, changes: [{ subject: { type: 'level', old: { id: 'a', label: 'Level A' }, new: { id: 'a', label: 'Level A' } }, old: { position: 3, parent: 'child-protection' }, new: { position: 4, parent: 'child-protection' } }] },
  ],
})
