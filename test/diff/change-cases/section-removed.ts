import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const section = (id: string, title: string, body = 'Who it is for and how to use it.') => ({ [`sections/01-${id}.md`]: `---\nid: ${id}\n---\n\n# ${title}\n\n${body}\n` })

export default changeTable({
  kind: 'section-removed',
  impact: 'editorial',
  unchanged: [
    { name: 'no sections in either version' },
    { name: 'the same section', old: section('about', 'About this framework'), new: section('about', 'About this framework') },
    { name: 'a section reworded, not removed', old: section('about', 'About this framework'), new: section('about', 'About this framework', 'Who should read it.') },
  ],
  changed: [
    { name: 'the fixture pair: an about page', ...fixturePair('section-removed'), changes: [{ subject: { type: 'section', old: { id: 'about', label: 'About this framework' } } }] },
    { name: 'two pages removed', old: { ...section('about', 'About this framework'), 'sections/02-glossary.md': '---\nid: glossary\n---\n\n# Glossary\n\nWords and what they mean.\n' }, changes: [
        { subject: { type: 'section', old: { id: 'about', label: 'About this framework' } } },
        { subject: { type: 'section', old: { id: 'glossary', label: 'Glossary' } } },
      ] },
    { name: 'a level section removed', old: { 'levels/01-early-help.md': swap('## Contacts', '## Examples {#early-help-examples}\n\nA family struggling with housing.\n\n## Contacts') }, changes: [{ subject: { type: 'section', old: { id: 'early-help-examples', label: 'Examples', level: 'early-help' } } }] },
  ],
})
