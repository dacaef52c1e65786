import { swaps } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const named = (id: string, title: string) => ({ 'framework.md': swaps(['id: minimal', `id: ${id}`], ['title: Minimal Framework', `title: ${title}`]) })
const second = named('second', 'Second Framework')

export default changeTable({
  kind: 'framework-removed',
  impact: 'practice',
  unchanged: [
    { name: 'the same frameworks' },
    { name: 'a second framework in both versions', others: { old: { second }, new: { second } } },
    { name: 'a framework added is not one removed', others: { new: { second } } },
  ],
  changed: [
    { name: 'the fixture pair: a second framework', ...fixturePair('framework-removed'), changes: [{ subject: { type: 'framework', old: { id: 'second', label: 'Second Framework' } } }] },
    { name: 'a framework removed beside the minimal one', others: { old: { second } }, changes: [{ subject: { type: 'framework', old: { id: 'second', label: 'Second Framework' } } }] },
    { name: 'two frameworks removed, by id', others: { old: { second, third: named('third', 'Third Framework') } }, changes: [
        { subject: { type: 'framework', old: { id: 'second', label: 'Second Framework' } } },
        { subject: { type: 'framework', old: { id: 'third', label: 'Third Framework' } } },
      ] },
  ],
})
