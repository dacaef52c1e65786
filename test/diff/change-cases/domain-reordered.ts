import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const file = (id: string, title: string) => `---\nid: ${id}\ntitle: ${title}\n---\n\n## Early Help\n\n- ${title} early {#${id}-early}\n\n## Child protection\n\n- ${title} serious {#${id}-serious}\n`
const HEALTH = '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Missing immunisations {#health-missing-immunisations}\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n'
/** The domains in this order, one file each (the file names give the order). */
const order = (...ids: string[]) => {
  const files: Record<string, string | null> = { 'domains/01-health.md': null }
  ids.forEach((id, index) => (files[`domains/0${index + 1}-${id}.md`] = id === 'health' ? HEALTH : file(id, id[0]?.toUpperCase() + id.slice(1))))
  return files
}

export default changeTable({
  kind: 'domain-reordered',
  impact: 'editorial',
  unchanged: [
    { name: 'the same order' },
    { name: 'a domain added at the start: the others keep their order', old: order('health', 'learning'), new: order('family', 'health', 'learning') },
    { name: 'a domain removed between two: the others keep their order', old: order('health', 'family', 'learning'), new: order('health', 'learning') },
  ],
  changed: [
    { name: 'the fixture pair: learning moved to the top', ...fixturePair('domain-reordered'), changes: [{ subject: { type: 'domain', old: { id: 'learning', label: 'Learning' }, new: { id: 'learning', label: 'Learning' } }, old: { position: 3, parent: null }, new: { position: 1, parent: null } }] },
    { name: 'two domains swapped', old: order('health', 'learning'), new: order('learning', 'health'), changes: [{ subject: { type: 'domain', old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'Health' } }, old: { position: 1, parent: null }, new: { position: 2, parent: null } }] },
    { name: 'the last of three moved first', old: order('health', 'family', 'learning'), new: order('learning', 'health', 'family'), changes: [{ subject: { type: 'domain', old: { id: 'learning', label: 'Learning' }, new: { id: 'learning', label: 'Learning' } }, old: { position: 3, parent: null }, new: { position: 1, parent: null } }] },
    {
      name: 'a domain moved under another',
      old: order('health', 'learning'),
      new: { ...order('health', 'learning'), 'domains/02-learning.md': '---\nid: learning\ntitle: Learning\nparent: health\n---\n\n## Early Help\n\n- Learning early {#learning-early}\n\n## Child protection\n\n- Learning serious {#learning-serious}\n' },
      changes: [{ subject: { type: 'domain', old: { id: 'learning', label: 'Learning' }, new: { id: 'learning', label: 'Learning' } }, old: { position: 2, parent: null }, new: { position: 2, parent: 'health' } }],
    },
  ],
})
