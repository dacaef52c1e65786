import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

/** A marker under the Early Help level's “What to do” heading. */
const whatToDo = (marker: string) => ({ 'levels/01-early-help.md': swap('## What to do\n\n', `## What to do\n\n${marker}\n\n`) })
const earlyHelp = { type: 'level' as const, old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }
const partial = 'Partial in the source: the web version stops after the first step.'

export default changeTable({
  kind: 'completeness-changed',
  impact: 'review',
  unchanged: [
    { name: 'no marker on either side' },
    { name: 'the same marker on both sides', old: whatToDo(partial), new: whatToDo(partial) },
    { name: 'the marker’s words re-spaced', old: whatToDo(partial), new: whatToDo(partial.replace(': ', ':   ')) },
  ],
  changed: [
    { name: 'the fixture pair of docs/changes.md', ...fixturePair('completeness-changed'), changes: [{ subject: { type: 'domain', old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'Health' } }, field: 'list', old: null, new: { status: 'partial', reason: 'the web version stops after the first item.', level: 'early-help' } }] },
    {
      name: '“What to do” marked partial',
      new: whatToDo(partial),
      changes: [{ subject: earlyHelp, field: 'whatToDo', old: null, new: { status: 'partial', reason: 'the web version stops after the first step.' } }],
    },
    {
      name: 'the gap in “What to do” filled in',
      old: whatToDo(partial),
      changes: [{ subject: earlyHelp, field: 'whatToDo', old: { status: 'partial', reason: 'the web version stops after the first step.' }, new: null }],
    },
    {
      name: 'only the reason changed: editorial',
      old: whatToDo(partial),
      new: whatToDo('Partial in the source: the PDF stops after the first step.'),
      changes: [
        { subject: earlyHelp, field: 'whatToDo', impact: 'editorial', old: { status: 'partial', reason: 'the web version stops after the first step.' }, new: { status: 'partial', reason: 'the PDF stops after the first step.' } },
      ],
    },
    {
      name: 'the consent text marked missing',
      new: { 'levels/01-early-help.md': swap('## Contacts', '## Information sharing and consent\n\nMissing from the source: the consent page was not published.\n\n## Contacts') },
      changes: [{ subject: earlyHelp, field: 'consent', old: null, new: { status: 'missing', reason: 'the consent page was not published.' } }],
    },
  ],
})
