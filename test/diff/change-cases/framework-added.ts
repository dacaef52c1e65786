import { swaps } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const named = (id: string, title: string) => ({ 'framework.md': swaps(['id: minimal', `id: ${id}`], ['title: Minimal Framework', `title: ${title}`]) })
const second = named('second', 'Second Framework')

export default changeTable({
  kind: 'framework-added',
  impact: 'practice',
  unchanged: [
    { name: 'the same frameworks' },
    { name: 'a second framework in both versions', others: { old: { second }, new: { second } } },
    { name: 'a framework removed is not one added', others: { old: { second } } },
  ],
  changed: [
    { name: 'the fixture pair: a second framework', ...fixturePair('framework-added'), changes: [{ subject: { type: 'framework', new: { id: 'second', label: 'Second Framework' } } }] },
    { name: 'a framework added beside the minimal one', others: { new: { second } }, changes: [{ subject: { type: 'framework', new: { id: 'second', label: 'Second Framework' } } }] },
    { name: 'two frameworks added, by id', others: { new: { second, third: named('third', 'Third Framework') } }, changes: [
        { subject: { type: 'framework', new: { id: 'second', label: 'Second Framework' } } },
        { subject: { type: 'framework', new: { id: 'third', label: 'Third Framework' } } },
      ] },
  ],
})
