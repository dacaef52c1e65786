import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const domain = (id: string, title: string, indicator: string) => ({ [`domains/02-${id}.md`]: `---\nid: ${id}\ntitle: ${title}\n---\n\n## Early Help\n\n- ${indicator} {#${id}-first}\n\n## Child protection\n\n- ${indicator}, often {#${id}-second}\n` })

export default changeTable({
  kind: 'domain-removed',
  impact: 'editorial',
  unchanged: [
    { name: 'the same domains' },
    { name: 'a domain renamed, not removed', new: { 'domains/01-health.md': swap('title: Health', 'title: Health and development') } },
    { name: 'a domain in both versions', old: domain('learning', 'Learning', 'Often late'), new: domain('learning', 'Learning', 'Often late') },
  ],
  changed: [
    { name: 'the fixture pair: a learning domain', ...fixturePair('domain-removed'), changes: [{ subject: { type: 'domain', old: { id: 'learning', label: 'Learning' } } }] },
    { name: 'a domain gone', old: domain('family', 'Family', 'Parental conflict'), changes: [{ subject: { type: 'domain', old: { id: 'family', label: 'Family' } } }] },
    { name: 'two domains gone, in order', old: { ...domain('family', 'Family', 'Parental conflict'), ...{ 'domains/03-housing.md': '---\nid: housing\ntitle: Housing\n---\n\n## Early Help\n\n- Overcrowding {#housing-overcrowding}\n\n## Child protection\n\n- Homeless {#housing-homeless}\n' } }, changes: [
        { subject: { type: 'domain', old: { id: 'family', label: 'Family' } } },
        { subject: { type: 'domain', old: { id: 'housing', label: 'Housing' } } },
      ] },
    { name: 'a sub-domain removed from health', old: { 'domains/02-dental.md': '---\nid: dental\ntitle: Dental care\nparent: health\n---\n\n## Early Help\n\n- Tooth decay {#dental-decay}\n\n## Child protection\n\n- Untreated abscess {#dental-abscess}\n' }, changes: [{ subject: { type: 'domain', old: { id: 'dental', label: 'Dental care' } } }] },
  ],
})
