import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const early = (from: string, to: string) => ({ 'levels/01-early-help.md': swap(from, to) })
const health = { type: 'domain' as const, old: { id: 'health', label: 'Health' }, new: { id: 'health', label: 'Health' } }
/** Words under the Health domain's Early Help list. */
const listWords = (words: string) => ({ 'domains/01-health.md': swap('## Early Help\n\n', `## Early Help\n\n${words}\n\n`) })
/** A second domain with an indicator at Child protection, so that the level keeps one when Health has no list there. */
const SAFETY = { 'domains/02-safety.md': '---\nid: safety\ntitle: Safety\n---\n\n## Child protection\n\n- Left alone at night {#safety-left-alone}\n' }
const about = (title: string, body: string) => ({ 'sections/01-about.md': `---\nid: about\n---\n\n# ${title}\n\n${body}\n` })
/** An extra section of the Early Help level. */
const examples = (body: string) => early('## Contacts', `## Examples {#early-help-examples}\n\n${body}\n\n## Contacts`)
const frontDoorDescription = (words: string) => ({ 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00\n', `- Hours: Mon-Fri 09:00-17:00\n\n${words}\n`) })
const matrix = (title: string, introduction: string, notes: string, factor = 'How often is this happening?') => ({
  'matrix.md': `---\ntitle: ${title}\nrule: The highest need across the factors guides the support.\n---\n\n${introduction}\n\n| Factor | Early Help | Child protection |\n| --- | --- | --- |\n| ${factor} {#frequency} | Occasional | Constant |\n\n${notes}\n`,
})

export default changeTable({
  kind: 'narrative-changed',
  impact: 'review',
  unchanged: [
    { name: 'the same text' },
    { name: 'only the what-to-do text changed', new: early('- Talk to the family.', '- Talk to the family and the school.') },
    { name: 'only a setting changed', new: { 'framework.md': swap('status: draft', 'status: published') } },
    { name: 'the same matrix, page, list words and contact description', old: { ...matrix('Matrix', 'Read across.', 'Use judgement.'), ...about('About', 'Who it is for.'), ...listWords('Signs seen by health visitors.'), ...frontDoorDescription('The first call.') }, new: { ...matrix('Matrix', 'Read across.', 'Use judgement.'), ...about('About', 'Who it is for.'), ...listWords('Signs seen by health visitors.'), ...frontDoorDescription('The first call.') } },
  ],
  changed: [
    { name: 'the fixture pair: the summary reworded', ...fixturePair('narrative-changed'), changes: [{ subject: { type: 'framework', old: { id: 'minimal', label: 'Minimal Framework' }, new: { id: 'minimal', label: 'Minimal Framework' } }, field: 'summary', old: 'A small framework used by the tests.', new: 'A small framework used by the tests of Thresholds.' }] },
    { name: 'a level’s description reworded', new: early('Support as soon as a problem emerges.', 'Support as soon as a need emerges.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'description', old: 'Support as soon as a problem emerges.', new: 'Support as soon as a need emerges.' }] },
    { name: 'a description with a new phone number, which is practice', old: early('Support as soon as a problem emerges.', 'Support as soon as a problem emerges: call 0121 788 4300.'), new: early('Support as soon as a problem emerges.', 'Support as soon as a problem emerges: call 0121 496 0200.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'description', old: 'Support as soon as a problem emerges: call 0121 788 4300.', new: 'Support as soon as a problem emerges: call 0121 496 0200.', impact: 'practice' }] },
    { name: 'a domain description added', new: { 'domains/01-health.md': swap('---\n\n## Early Help', '---\n\nPhysical and mental health.\n\n## Early Help') }, changes: [{ subject: health, field: 'description', old: null, new: 'Physical and mental health.' }] },
    {
      name: 'words under a domain’s list, then no list at that level at all',
      old: { ...SAFETY, 'domains/01-health.md': swap('## Child protection\n\n', '## Child protection\n\nSigns seen by hospital staff.\n\n') },
      new: { ...SAFETY, 'domains/01-health.md': swap('\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n', '') },
      changes: [{ subject: health, field: 'list', old: 'Signs seen by hospital staff.', new: null }],
    },
    {
      name: 'no list at a level, then one there with words under it',
      old: { ...SAFETY, 'domains/01-health.md': swap('\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n', '') },
      new: { ...SAFETY, 'domains/01-health.md': swap('## Child protection\n\n', '## Child protection\n\nSigns seen by hospital staff.\n\n') },
      changes: [{ subject: health, field: 'list', old: null, new: 'Signs seen by hospital staff.' }],
    },
    { name: 'the words under a domain’s list reworded', old: listWords('Signs seen by health visitors.'), new: listWords('Signs seen by health visitors and GPs.'), changes: [{ subject: health, field: 'list', old: 'Signs seen by health visitors.', new: 'Signs seen by health visitors and GPs.' }] },
    {
      name: 'a narrative page’s title and text reworded',
      old: about('About this framework', 'Who it is for.'),
      new: about('About the framework', 'Who it is for and how to use it.'),
      changes: [
        { subject: { type: 'section', old: { id: 'about', label: 'About this framework' }, new: { id: 'about', label: 'About the framework' } }, field: 'body', old: 'Who it is for.', new: 'Who it is for and how to use it.' },
        { subject: { type: 'section', old: { id: 'about', label: 'About this framework' }, new: { id: 'about', label: 'About the framework' } }, field: 'title', old: 'About this framework', new: 'About the framework', impact: 'editorial' },
      ],
    },
    {
      name: 'a level’s extra section reworded',
      old: examples('A family struggling with housing.'),
      new: examples('A family struggling with housing or debt.'),
      changes: [{ subject: { type: 'section', old: { id: 'early-help-examples', label: 'Examples', level: 'early-help' }, new: { id: 'early-help-examples', label: 'Examples', level: 'early-help' } }, field: 'body', old: 'A family struggling with housing.', new: 'A family struggling with housing or debt.' }],
    },
    {
      name: 'a contact’s description reworded',
      old: frontDoorDescription('The first call for any concern.'),
      new: frontDoorDescription('The first call for any concern about a child.'),
      changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'description', old: 'The first call for any concern.', new: 'The first call for any concern about a child.', impact: 'editorial' }],
    },
    {
      name: 'the matrix’s title, introduction and notes reworded',
      old: matrix('Decision-making matrix', 'Read across each row.', 'Use professional judgement.'),
      new: matrix('Decision matrix', 'Read across each row and column.', 'Always use professional judgement.'),
      changes: [
        { subject: { type: 'matrix', old: { id: 'matrix', label: 'Decision-making matrix' }, new: { id: 'matrix', label: 'Decision matrix' } }, field: 'description', old: 'Read across each row.', new: 'Read across each row and column.' },
        { subject: { type: 'matrix', old: { id: 'matrix', label: 'Decision-making matrix' }, new: { id: 'matrix', label: 'Decision matrix' } }, field: 'notes', old: 'Use professional judgement.', new: 'Always use professional judgement.' },
        { subject: { type: 'matrix', old: { id: 'matrix', label: 'Decision-making matrix' }, new: { id: 'matrix', label: 'Decision matrix' } }, field: 'title', old: 'Decision-making matrix', new: 'Decision matrix' },
      ],
    },
    {
      name: 'a matrix added: its title, the heading of its factors’ column and its words',
      new: matrix('Decision-making matrix', 'Read across each row.', 'Use professional judgement.'),
      changes: [
        { subject: { type: 'matrix', new: { id: 'matrix', label: 'Decision-making matrix' } }, field: 'description', old: null, new: 'Read across each row.' },
        { subject: { type: 'matrix', new: { id: 'matrix', label: 'Decision-making matrix' } }, field: 'factorHeading', old: null, new: 'Factor' },
        { subject: { type: 'matrix', new: { id: 'matrix', label: 'Decision-making matrix' } }, field: 'notes', old: null, new: 'Use professional judgement.' },
        { subject: { type: 'matrix', new: { id: 'matrix', label: 'Decision-making matrix' } }, field: 'title', old: null, new: 'Decision-making matrix' },
      ],
    },
    {
      name: 'a matrix factor renamed',
      old: matrix('Matrix', 'Read across.', 'Use judgement.'),
      new: matrix('Matrix', 'Read across.', 'Use judgement.', 'How often does this happen?'),
      changes: [{ subject: { type: 'matrix-factor', old: { id: 'frequency', label: 'How often is this happening?' }, new: { id: 'frequency', label: 'How often does this happen?' } }, field: 'title', old: 'How often is this happening?', new: 'How often does this happen?', impact: 'editorial' }],
    },
    { name: 'only case and punctuation changed, which is editorial', new: early('Support as soon as a problem emerges.', 'Support, as soon as a Problem emerges.'), changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'description', old: 'Support as soon as a problem emerges.', new: 'Support, as soon as a Problem emerges.', impact: 'editorial' }] },
    {
      name: 'the report marks the words that changed, not the link’s Markdown',
      old: early('Support as soon as a problem emerges.', 'Support from [the duty team](#front-door) as soon as a problem emerges.'),
      new: early('Support as soon as a problem emerges.', 'Support from [the duty desk](#front-door) as soon as a problem emerges.'),
      changes: [{ subject: { type: 'level', old: { id: 'early-help', label: 'Early Help' }, new: { id: 'early-help', label: 'Early Help' } }, field: 'description', old: 'Support from [the duty team](#front-door) as soon as a problem emerges.', new: 'Support from [the duty desk](#front-door) as soon as a problem emerges.', words: [{ op: 'equal', text: 'Support from the duty ' }, { op: 'delete', text: 'team ' }, { op: 'insert', text: 'desk ' }, { op: 'equal', text: 'as soon as a problem emerges.' }] }],
    },
  ],
})
