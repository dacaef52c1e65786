import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

/** A sub-level (covered by its parent's indicators, so it needs none of its own). */
const sub = (id: string, title: string, parent: string, rank = 1) => ({
  [`levels/03-${id}.md`]: `---\nid: ${id}\ntitle: ${title}\nparent: ${parent}\nrank: ${rank}\n---\n\nA sub-level.\n\n## What to do\n\n- Call the [Front door](#front-door).\n\n## Contacts\n\n- [Front door](#front-door)\n`,
})

export default changeTable({
  kind: 'level-added',
  impact: 'practice',
  unchanged: [
    { name: 'the same levels' },
    { name: 'a level renamed, not added', new: { 'domains/01-health.md': swap('## Early Help', '## early-help'), 'levels/01-early-help.md': swap('title: Early Help', 'title: Early support') }, old: { 'domains/01-health.md': swap('## Early Help', '## early-help') } },
    { name: 'a sub-level in both versions', old: sub('urgent', 'Urgent', 'child-protection'), new: sub('urgent', 'Urgent', 'child-protection') },
  ],
  changed: [
    { name: 'the fixture pair: a level between the two', ...fixturePair('level-added'), changes: [{ subject: { type: 'level', new: { id: 'child-in-need', label: 'Child in need' } } }] },
    { name: 'a sub-level added under child protection', new: sub('urgent', 'Urgent', 'child-protection'), changes: [{ subject: { type: 'level', new: { id: 'urgent', label: 'Urgent' } } }] },
    { name: 'two sub-levels added, one under each level', new: { ...sub('urgent', 'Urgent', 'child-protection'), ...{ 'levels/04-universal-plus.md': sub('universal-plus', 'Universal plus', 'early-help')['levels/03-universal-plus.md'] ?? '' } }, changes: [
        { subject: { type: 'level', new: { id: 'universal-plus', label: 'Universal plus' } } },
        { subject: { type: 'level', new: { id: 'urgent', label: 'Urgent' } } },
      ] },
  ],
})
