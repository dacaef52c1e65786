import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

/** A marker under the Early Help level's “What to do” heading. */
const whatToDo = (marker: string) => ({ 'levels/01-early-help.md': swap('## What to do\n\n', `## What to do\n\n${marker}\n\n`) })
const earlyHelp = { type: 'level' as const, old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }
const partial = 'Partial in the source: the web version stops after the first step.'
const health = { type: 'domain' as const, old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'Health' } }
/** A marker right after a file's front-matter: the whole page (or document). */
const atTop = (file: string, marker: string) => ({ [file]: swap('---\n\n', `---\n\n${marker}\n\n`) })
const about = (marker: string) => ({ 'sections/01-about.md': `---\nid: about\n---\n\n# About this framework\n\n${marker}\n\nWho it is for.\n` })
/** The Health domain's Early Help list split into strengths and needs, with a marker on the strengths. */
const strengths = (marker: string) => ({ 'domains/01-health.md': swap('## Early Help\n\n', `## Early Help\n\n### Strengths\n\n${marker}\n\n- Regular check-ups {#health-check-ups}\n\n### Needs\n\n`) })

/** A second domain with an indicator at Child protection, so that the level keeps one when Health has no list there. */
const SAFETY = { 'domains/02-safety.md': '---\nid: safety\ntitle: Safety\n---\n\n## Child protection\n\n- Left alone at night {#safety-left-alone}\n' }

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
    {
      name: 'the whole document marked partial',
      new: atTop('framework.md', 'Partial in the source: the appendices were not published.'),
      changes: [{ subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'completeness', old: null, new: { status: 'partial', reason: 'the appendices were not published.' } }],
    },
    {
      name: 'a level page marked missing',
      new: atTop('levels/02-child-protection.md', 'Missing from the source: page 9 of the PDF was not published.'),
      changes: [{ subject: { type: 'level', old: { id: 'child-protection', label: 'Child protection' }, new: { id: 'child-protection', label: 'Child protection' } }, field: 'completeness', old: null, new: { status: 'missing', reason: 'page 9 of the PDF was not published.' } }],
    },
    {
      name: 'a domain page’s gap filled in',
      old: atTop('domains/01-health.md', 'Partial in the source: the web page stops after two lists.'),
      changes: [{ subject: health, field: 'completeness', old: { status: 'partial', reason: 'the web page stops after two lists.' }, new: null }],
    },
    {
      name: 'a narrative page marked partial',
      old: about('Who it is for.'),
      new: about('Partial in the source: the page stops mid-sentence.'),
      changes: [{ subject: { type: 'section', old: { id: 'about', label: 'About this framework' }, new: { id: 'about', label: 'About this framework' } }, field: 'completeness', old: null, new: { status: 'partial', reason: 'the page stops mid-sentence.' } }],
    },
    {
      name: 'a level’s extra section marked missing',
      old: { 'levels/01-early-help.md': swap('## Contacts', '## Examples {#early-help-examples}\n\nA family struggling with housing.\n\n## Contacts') },
      new: { 'levels/01-early-help.md': swap('## Contacts', '## Examples {#early-help-examples}\n\nMissing from the source: the examples page was not published.\n\n## Contacts') },
      changes: [{ subject: { type: 'section', old: { id: 'early-help-examples', label: 'Examples', level: 'early-help' }, new: { id: 'early-help-examples', label: 'Examples', level: 'early-help' } }, field: 'completeness', old: null, new: { status: 'missing', reason: 'the examples page was not published.' } }],
    },
    {
      name: 'a partial list now missing, for the same reason: review, not editorial',
      old: { 'domains/01-health.md': swap('## Early Help\n\n', '## Early Help\n\nPartial in the source: page 14 of the PDF was not published.\n\n') },
      new: { 'domains/01-health.md': swap('## Early Help\n\n', '## Early Help\n\nMissing from the source: page 14 of the PDF was not published.\n\n') },
      changes: [{ subject: health, field: 'list', old: { status: 'partial', reason: 'page 14 of the PDF was not published.', level: 'early-help' }, new: { status: 'missing', reason: 'page 14 of the PDF was not published.', level: 'early-help' } }],
    },
    {
      name: 'a strengths list marked partial: the value says which list',
      old: strengths(''),
      new: strengths('Partial in the source: the strengths stop after one item.'),
      changes: [{ subject: health, field: 'list', old: null, new: { status: 'partial', reason: 'the strengths stop after one item.', level: 'early-help', polarity: 'strength' } }],
    },
    {
      name: 'a list marked partial, then no list at that level at all',
      old: { ...SAFETY, 'domains/01-health.md': swap('## Child protection\n\n', '## Child protection\n\nPartial in the source: page 15 of the PDF was not published.\n\n') },
      new: { ...SAFETY, 'domains/01-health.md': swap('\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n', '') },
      changes: [{ subject: health, field: 'list', old: { status: 'partial', reason: 'page 15 of the PDF was not published.', level: 'child-protection' }, new: null }],
    },
    {
      name: 'no list at a level, then a list there marked partial',
      old: { ...SAFETY, 'domains/01-health.md': swap('\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n', '') },
      new: { ...SAFETY, 'domains/01-health.md': swap('## Child protection\n\n', '## Child protection\n\nPartial in the source: page 15 of the PDF was not published.\n\n') },
      changes: [{ subject: health, field: 'list', old: null, new: { status: 'partial', reason: 'page 15 of the PDF was not published.', level: 'child-protection' } }],
    },
  ],
})
