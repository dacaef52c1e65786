import { describe, expect, it } from 'vitest'
import { buildFramework, filesToParse } from '../../scripts/parse/build.ts'
import { ParseBudgetUsedError, ParseLimitError } from '../../scripts/parse/budget.ts'
import { parseMarkdown } from '../../scripts/parse/markdown.ts'
import { checkFrameworks } from '../../scripts/check/index.ts'
import { StageTimer } from '../../scripts/shared/timing.ts'
import { TEST_TODAY } from '../helpers.ts'
import { built, folderOf, MINIMAL, problemsOf } from './in-memory.ts'

/*
 * The model builder (scripts/parse/build.ts) on frameworks held in memory and parsed on this
 * thread: what each kind of file becomes in the model, and every problem it files, with its
 * file:line:column. The CLI's own tests (test/cli) read the same files from disk.
 */

const FRAMEWORK = MINIMAL['framework.md'] as string
const STRENGTHS_AND_NEEDS = FRAMEWORK.replace('by-level', 'strengths-and-needs')

describe('the minimal framework', () => {
  it('is built without a problem, levels, domains, indicators, contacts and links in order', () => {
    const context = built()
    expect(problemsOf(context)).toStrictEqual([])
    const { framework } = context
    expect(framework.levels.map((level) => [level.id, level.order, level.rank, level.description, level.whatToDo, level.contacts])).toStrictEqual([
      ['early-help', 0, 1, 'Support as soon as a problem emerges.', '- Talk to the family.', ['front-door']],
      ['child-protection', 1, 2, 'Significant harm.', '- Call [999](#emergency).', ['emergency']],
    ])
    expect(framework.indicators).toStrictEqual([
      { id: 'health-missing-immunisations', domain: 'health', polarity: 'need', text: 'Missing immunisations', level: 'early-help' },
      { id: 'health-untreated-injury', domain: 'health', polarity: 'need', text: 'Untreated serious injury', level: 'child-protection' },
    ])
    expect(framework.contacts).toStrictEqual([
      { id: 'front-door', name: 'Front door', phones: [{ number: '0121 788 4300', e164: '+441217884300' }], emergency: false },
      { id: 'emergency', name: 'Emergency services', phones: [{ number: '999' }], emergency: true },
    ])
    expect(framework.links).toStrictEqual([{ id: 'regional-procedures', text: 'Regional procedures', status: 'ok', url: 'https://example.org/procedures' }])
    expect([framework.contactsTitle, framework.linksTitle, framework.summary]).toStrictEqual(['Contacts', 'Links', 'A small framework.'])
  })

  it('files every kind in reading order: framework, levels, contacts, links, domains, matrix, pages; rules.yaml and unreadable files are not parsed', () => {
    const folder = folderOf({ 'sections/01-a.md': '# A\n', 'matrix.md': '| F | Early Help |\n| - | - |\n', 'rules.yaml': '{}\n', 'levels/00-b.md': 'x' })
    const unreadable = folder.files.find((file) => file.source.relative === 'levels/00-b.md')
    if (unreadable) unreadable.readable = false
    expect(filesToParse(folder).map((file) => file.source.relative)).toStrictEqual([
      'framework.md',
      'levels/01-early-help.md',
      'levels/02-child-protection.md',
      'contacts.md',
      'links.md',
      'domains/01-health.md',
      'matrix.md',
      'sections/01-a.md',
    ])
  })
})

describe('framework.md', () => {
  it('keeps every setting, the summary, a completeness line and the sections with nested ids', () => {
    const context = built({
      'framework.md': `---
id: minimal
title: Minimal Framework
partnership: P
region: West Midlands
version: "2.1"
status: published
published: "2026-01-02"
reviewDue: "2027-01-02"
changeNote: New levels
indicatorLayout: by-level
guidance:
  - title: Working Together
    edition: 2023
rules:
  link-pending:
    severity: "off"
    reason: Addresses arrive later from the partnership
---

Intro words.

Partial in the source: page 2 is missing.

## About {#about}

About words.

### Who {#who}

Who words.

## Contact us

Call.
`,
    })
    expect(problemsOf(context)).toStrictEqual([])
    const { levels: _l, domains: _d, indicators: _i, contacts: _c, links: _k, ...framework } = context.framework
    expect(framework).toStrictEqual({
      formatVersion: 3,
      id: 'minimal',
      title: 'Minimal Framework',
      partnership: 'P',
      region: 'West Midlands',
      version: '2.1',
      status: 'published',
      published: '2026-01-02',
      reviewDue: '2027-01-02',
      changeNote: 'New levels',
      indicatorLayout: 'by-level',
      guidance: [{ title: 'Working Together', edition: 2023 }],
      completeness: { status: 'partial', reason: 'page 2 is missing.' },
      summary: 'Intro words.',
      sections: [
        { id: 'about', title: 'About', body: 'About words.', children: [{ id: 'who', title: 'Who', body: 'Who words.', children: [] }] },
        { id: 'contact-us', title: 'Contact us', body: 'Call.', children: [] },
      ],
      contactsTitle: 'Contacts',
      linksTitle: 'Links',
    })
    expect(context.ruleConfigs.map((config) => [config.file.relative, config.values, config.prefix])).toStrictEqual([
      ['framework.md', { 'link-pending': { severity: 'off', reason: 'Addresses arrive later from the partnership' } }, ['rules']],
    ])
  })

  it('reports an id that differs from the folder, keeps reading past a bad setting, and keeps only whole guidance entries', () => {
    const context = built({
      'framework.md': `---
id: other
title: T
partnership: P
version: "1"
status: draft
indicatorLayout: by-level
guidance:
  - title: Bad
  - title: Good
    edition: 2020
---
`,
    })
    expect(problemsOf(context)).toStrictEqual([
      'framework.md:9:5 The setting “edition” is missing from “guidance”, expected a line “edition: ...” [frontmatter-schema]',
      'framework.md:2:5 The framework id “other” differs from its folder name “minimal”, expected the two to match [frontmatter-schema]',
    ])
    const { framework } = context
    expect([framework.id, framework.title, framework.guidance, framework.indicatorLayout]).toStrictEqual(['minimal', 'T', [{ title: 'Good', edition: 2020 }], 'by-level'])
    // The by-level layout was kept: the domain's headings still name levels.
    expect(framework.indicators).toHaveLength(2)
  })

  it('without front-matter is an error at 1:1, and its words are still the summary', () => {
    const context = built({ 'framework.md': 'Just words.\n' })
    expect(problemsOf(context)).toContain(
      'framework.md:1:1 This framework file has no front-matter, expected settings between two “---” lines at the top (see docs/authoring.md) [frontmatter-missing]',
    )
    expect([context.framework.id, context.framework.title, context.framework.summary]).toStrictEqual(['minimal', 'minimal', 'Just words.'])
  })
})

describe('rules.yaml', () => {
  it('is kept as rule settings without a prefix', () => {
    const context = built({ 'rules.yaml': 'link-pending:\n  severity: "off"\n  reason: Addresses arrive later from the partnership\n' })
    expect(problemsOf(context)).toStrictEqual([])
    expect(context.ruleConfigs.map((config) => [config.file.relative, config.values, config.prefix])).toStrictEqual([['rules.yaml', { 'link-pending': { severity: 'off', reason: 'Addresses arrive later from the partnership' } }, []]])
  })

  it('with a bad setting is reported where it is written and not kept', () => {
    const context = built({ 'rules.yaml': 'link-pending: off\n' })
    expect(problemsOf(context)).toStrictEqual(['rules.yaml:1:15 “link-pending” is “off”, expected a group of settings [rules-config]'])
    expect(context.ruleConfigs).toStrictEqual([])
  })

  it('that is not YAML keeps no settings', () => {
    const context = built({ 'rules.yaml': 'link-pending: [\n' })
    expect(problemsOf(context)).toStrictEqual([
      'rules.yaml:2:1 The file cannot be read here (Flow sequence in block collection must be sufficiently indented and end with a ]), expected “setting: value” lines indented with spaces [yaml-syntax]',
    ])
    expect(context.ruleConfigs).toStrictEqual([])
  })
})

describe('a file the parser cannot read', () => {
  const failing = (error: unknown) =>
    buildFramework(folderOf({}), {
      parse: (source) => {
        if (source.relative === 'contacts.md') throw error
        return parseMarkdown(source)
      },
    })

  it('over the run’s limits is an error at 1:1 naming the limit', () => {
    expect(problemsOf(failing(new ParseLimitError('2 s')))).toStrictEqual([
      'contacts.md:1:1 The file cannot be read as Markdown within the run\'s limits (2 s): it is too large, or holds a pattern the parser reads slowly, such as thousands of headings underlined with “---”; split it into smaller files [parse-failed]',
    ])
  })

  it('not reached within the run’s budget is an error at 1:1 naming the variable', () => {
    expect(problemsOf(failing(new ParseBudgetUsedError('3 s')))).toStrictEqual([
      'contacts.md:1:1 The file was not read: the run\'s parse budget (3 s) was used up before its turn, expected every file to be read within it: fix the file reported as too slow to read, or raise THRESHOLDS_PARSE_SECONDS [parse-failed]',
    ])
  })

  it('for any other reason is an error at 1:1 with the parser’s words, and its contacts are not read', () => {
    const context = failing(new Error('boom'))
    expect(problemsOf(context)).toStrictEqual(['contacts.md:1:1 The file cannot be read as Markdown (boom) [parse-failed]'])
    expect(context.framework.contacts).toStrictEqual([])
    expect(failing('thrown text').framework.contacts).toStrictEqual([])
    expect(problemsOf(failing('thrown text'))).toStrictEqual(['contacts.md:1:1 The file cannot be read as Markdown (unknown error) [parse-failed]'])
  })

  it('nested more than 100 deep is refused before parsing, at its line', () => {
    const deep = `# Title\n\nWords.\n\n${'> '.repeat(101)}deep\n`
    const parsed: string[] = []
    const context = buildFramework(folderOf({ 'sections/01-a.md': deep }), {
      parse: (source) => {
        parsed.push(source.relative)
        return parseMarkdown(source)
      },
    })
    expect(problemsOf(context)).toStrictEqual(['sections/01-a.md:5:1 Lists or quotes are nested too deeply here, expected at most 100 levels [parse-failed]'])
    expect(parsed).not.toContain('sections/01-a.md')
    expect(context.framework.sections).toStrictEqual([])
  })
})

describe('a level file', () => {
  const TARGETED = `---
id: targeted
title: Targeted support
shortTitle: Targeted
label: Level 3
rank: 3
parent: early-help
familyAgreement: conditional
familyAgreementCondition: Not needed in an emergency
indicatorPolarity: strength
---

Intro.

## About this level

More about it.

## Response {#resp}

Partial in the source: cut short.

Do things.

## Information sharing

Share.

## Who to contact

- [Front door](#front-door)

## Indicators at this level

- Feels safe {#targeted-safe}

Stray words.

## Thresholds explained {#explained}

Explained.
`

  it('keeps every setting and reads each known heading into its field, other headings as sections', () => {
    const context = built({ 'levels/03-targeted.md': TARGETED })
    expect(problemsOf(context)).toStrictEqual([
      'levels/03-targeted.md:37:1 The “Indicators at this level” heading should hold only a bullet list of indicators, expected this text under another heading such as “## What it means” [misplaced-content]',
    ])
    const [earlyHelp] = context.framework.levels
    expect(earlyHelp?.children).toStrictEqual([
      {
        id: 'targeted',
        title: 'Targeted support',
        shortTitle: 'Targeted',
        label: 'Level 3',
        rank: 3,
        order: 1,
        parent: 'early-help',
        familyAgreement: 'conditional',
        familyAgreementCondition: 'Not needed in an emergency',
        description: 'Intro.\n\nMore about it.',
        whatToDoCompleteness: { status: 'partial', reason: 'cut short.' },
        whatToDo: 'Do things.',
        consent: 'Share.',
        contacts: ['front-door'],
        links: [],
        sections: [{ id: 'explained', title: 'Thresholds explained', body: 'Explained.', children: [] }],
        children: [],
      },
    ])
    // Its own indicators take the level's polarity.
    expect(context.framework.indicators.filter((indicator) => indicator.level === 'targeted')).toStrictEqual([{ id: 'targeted-safe', polarity: 'strength', text: 'Feels safe', level: 'targeted' }])
    expect(context.framework.levels.map((level) => [level.id, level.order])).toStrictEqual([
      ['early-help', 0],
      ['child-protection', 2],
    ])
    // Headings name it by id, title, short title, printed label, and label with title.
    expect([...context.levelsByLabel.keys()]).toStrictEqual(['early-help', 'early help', 'child-protection', 'child protection', 'targeted', 'targeted support', 'level 3', 'level 3 targeted support'])
  })

  it('with “familyAgreement: conditional” needs the condition, and the condition needs it', () => {
    const context = built({
      'levels/03-a.md': '---\nid: a\ntitle: A\nrank: 3\nfamilyAgreement: conditional\n---\n',
      'levels/04-b.md': '---\nid: b\ntitle: B\nrank: 4\nfamilyAgreement: needed\nfamilyAgreementCondition: Words\n---\n',
      'levels/05-c.md': '---\nid: c\ntitle: C\nrank: 5\nfamilyAgreement: conditional\nfamilyAgreementCondition: Words\n---\n',
    })
    expect(problemsOf(context)).toStrictEqual([
      'levels/03-a.md:5:18 “familyAgreement: conditional” needs the condition in words, expected a line such as “familyAgreementCondition: Not needed if the child is at immediate risk of harm” [frontmatter-schema]',
      'levels/04-b.md:6:27 “familyAgreementCondition” needs “familyAgreement: conditional”, expected both or neither [frontmatter-schema]',
    ])
    expect(context.framework.levels.slice(2).map((level) => [level.id, level.familyAgreement, level.familyAgreementCondition])).toStrictEqual([
      ['a', 'conditional', undefined],
      ['b', 'needed', 'Words'],
      ['c', 'conditional', 'Words'],
    ])
  })

  it('reports a second completeness line in one part and words beside its contacts', () => {
    const context = built({
      'levels/01-early-help.md': `---
id: early-help
title: Early Help
rank: 1
---

## What to do

Partial in the source: one.

Missing from the source: two.

## Consent

Missing from the source: the consent page.

## Contacts

Call them.

- [Front door](#front-door)
`,
    })
    expect(problemsOf(context)).toStrictEqual([
      'levels/01-early-help.md:11:1 This part already says the source is incomplete, expected one “Partial in the source:” or “Missing from the source:” line per list or page [misplaced-content]',
      'levels/01-early-help.md:17:1 The “Contacts” heading should hold only a bullet list of links to contacts, such as “- [First Point of Contact](#fpoc)” [misplaced-content]',
    ])
    const [level] = context.framework.levels
    expect([level?.whatToDoCompleteness, level?.consentCompleteness, level?.contacts]).toStrictEqual([
      { status: 'partial', reason: 'one.' },
      { status: 'missing', reason: 'the consent page.' },
      ['front-door'],
    ])
  })

  it('with an unusable id is not read at all; with a sound id and title it is read past a bad setting', () => {
    const badId = built({ 'levels/01-early-help.md': '---\nid: Early Help\ntitle: Early Help\nrank: 1\n---\n\nWords.\n' })
    expect(problemsOf(badId)).toStrictEqual([
      'levels/01-early-help.md:2:5 “id” is “Early Help”, which is not a valid id, expected lower-case letters, digits and single hyphens, such as “early-help” [frontmatter-schema]',
      'domains/01-health.md:6:1 The heading “Early Help” names no level, expected a level\'s title or id [unknown-heading]',
    ])
    expect(badId.framework.levels.map((level) => level.id)).toStrictEqual(['child-protection'])
    const badRank = built({ 'levels/01-early-help.md': '---\nid: early-help\ntitle: Early Help\nrank: first\n---\n\nWords.\n' })
    expect(problemsOf(badRank)).toStrictEqual(['levels/01-early-help.md:4:7 “rank” is “first”, expected a whole number [frontmatter-schema]'])
    expect(badRank.framework.levels.map((level) => [level.id, level.rank, level.description])).toStrictEqual([
      ['early-help', 0, 'Words.'],
      ['child-protection', 2, 'Significant harm.'],
    ])
  })

  it('without front-matter is an error at 1:1 and not read', () => {
    const context = built({ 'levels/03-x.md': '## What to do\n\nWords.\n' })
    expect(problemsOf(context)).toStrictEqual(['levels/03-x.md:1:1 This level file has no front-matter, expected settings between two “---” lines at the top (see docs/authoring.md) [frontmatter-missing]'])
    expect(context.framework.levels.map((level) => level.id)).toStrictEqual(['early-help', 'child-protection'])
  })

  it('is nested one deep under its parent and numbered by rank; an unknown, own or nested parent leaves it at the top', () => {
    const context = built({
      'levels/03-a.md': '---\nid: a\ntitle: A\nrank: 0\nparent: child-protection\n---\n',
      'levels/04-b.md': '---\nid: b\ntitle: B\nrank: 5\nparent: a\n---\n',
      'levels/05-c.md': '---\nid: c\ntitle: C\nrank: 4\nparent: child-protection\n---\n',
      'levels/06-d.md': '---\nid: d\ntitle: D\nrank: 9\nparent: d\n---\n',
      'levels/07-e.md': '---\nid: e\ntitle: E\nrank: 8\nparent: nowhere\n---\n',
    })
    expect(context.framework.levels.map((level) => [level.id, level.order, level.children.map((child) => [child.id, child.order])])).toStrictEqual([
      ['early-help', 0, []],
      ['child-protection', 1, [['a', 2], ['c', 3]]],
      ['b', 4, []],
      ['e', 5, []],
      ['d', 6, []],
    ])
  })
})

describe('a domain file', () => {
  it('reads lists under level headings (by id, title, a trailing “*”, or {level=id}), words under them as its cells, and a list under an indicator as its resources', () => {
    const context = built({
      'domains/01-health.md': `---
id: health
title: Health
titleAtLevel:
  early-help: Health needs
---

About health.

Missing from the source: the intro.

## early-help

Words for early help.

<!-- a note -->

- Missing immunisations {#imm age=under-5 tags=a,,b related=injury polarity=strength}
  - [Clinic](https://example.org/clinic)
- *Often* late for **appointments**

## Child Protection*

Partial in the source: cut.

- Untreated serious injury {#injury}

### Whatever {level=early-help}

- Poor diet
`,
      'domains/02-sub.md': '---\nid: sub\ntitle: Sub\nparent: health\n---\n\n## Early Help\n\n- Sub thing\n',
    })
    expect(problemsOf(context)).toStrictEqual([])
    expect(context.framework.domains).toStrictEqual([
      {
        id: 'health',
        title: 'Health',
        titleAtLevel: { 'early-help': 'Health needs' },
        completeness: { status: 'missing', reason: 'the intro.' },
        description: 'About health.',
        cells: [
          { level: 'early-help', text: 'Words for early help.' },
          { level: 'child-protection', completeness: { status: 'partial', reason: 'cut.' } },
        ],
        children: [{ id: 'sub', title: 'Sub', parent: 'health', children: [] }],
      },
    ])
    expect(context.framework.indicators).toStrictEqual([
      { id: 'imm', domain: 'health', polarity: 'strength', text: 'Missing immunisations', level: 'early-help', age: 'under-5', tags: ['a', 'b'], related: ['injury'], resources: '- [Clinic](https://example.org/clinic)' },
      { id: 'health-often-late-for-appointments', domain: 'health', polarity: 'need', text: 'Often late for appointments', level: 'early-help', markdown: '*Often* late for **appointments**' },
      { id: 'injury', domain: 'health', polarity: 'need', text: 'Untreated serious injury', level: 'child-protection' },
      { id: 'health-poor-diet', domain: 'health', polarity: 'need', text: 'Poor diet', level: 'early-help' },
      { id: 'sub-sub-thing', domain: 'sub', polarity: 'need', text: 'Sub thing', level: 'early-help' },
    ])
    // A broken “related” is reported at the `{...}` that names it.
    const related = context.framework.indicators[0]?.related
    expect(related && context.places.get(related)?.position.start).toStrictEqual({ line: 18, column: 25, offset: 206 })
  })

  it('keeps only the titles at levels that are text', () => {
    const context = built({ 'domains/01-health.md': '---\nid: health\ntitle: Health\ntitleAtLevel:\n  early-help: 3\n---\n\n## Early Help\n\n- A\n' })
    expect(problemsOf(context)).toStrictEqual(['domains/01-health.md:5:15 “early-help” is “3”, expected text: put it in quotes, such as "1.0" [frontmatter-schema]'])
    expect(context.framework.domains[0]).toStrictEqual({ id: 'health', title: 'Health', children: [] })
  })

  it('reports lists outside a level heading, unknown and ambiguous headings, bold headings and tables of levels, and reads none of them', () => {
    const context = built({
      'levels/03-eh.md': '---\nid: eh2\ntitle: Early Help\nrank: 3\n---\n',
      'domains/01-health.md': `---
id: health
title: Health
---

- Before any heading

## Nowhere

- Under unknown

Words under unknown.

## Child protection

**Child protection:**

- Under bold

| Factor | Early Help | Child protection |
| --- | --- | --- |
| a | b | c |

## Early Help

- Ambiguous

## Child protection {level=nowhere}

- x
`,
    })
    expect(problemsOf(context)).toStrictEqual([
      'domains/01-health.md:6:1 These indicators are not under a level heading, expected a heading such as “## Early Help” above them [misplaced-content]',
      'domains/01-health.md:8:1 The heading “Nowhere” names no level, expected a level\'s title or id [unknown-heading]',
      'domains/01-health.md:16:1 The line “**Child protection:**” is bold text, not a heading, so the bullet points below it would join the list above it, expected a heading: “## Child protection” [misplaced-content]',
      'domains/01-health.md:20:1 This table’s columns name levels (“Child protection”), but a table is not read as indicators, expected each column as a heading, such as “## Child protection”, with its indicators as bullet points under it [misplaced-content]',
      'domains/01-health.md:24:1 The heading “Early Help” could be any of 2 levels with that name, “Early Help” (early-help) and “Early Help” (eh2), expected one: add the level\'s id, such as “Early Help {level=early-help}” [unknown-heading]',
      'domains/01-health.md:28:1 The heading “Child protection” names no level, expected a level\'s title or id [unknown-heading]',
    ])
    expect(context.framework.indicators).toStrictEqual([])
    expect(context.framework.domains[0]).toStrictEqual({ id: 'health', title: 'Health', children: [] })
    // Levels whose lists were not read are not also reported as having no indicators.
    expect([...context.levelsWithUnreadLists]).toStrictEqual(['child-protection', 'early-help', 'eh2'])
  })

  it('in the strengths-and-needs layout reads lists under “Strengths” or “Needs” headings, a level heading inside them, and {polarity=...}', () => {
    const context = built({
      'framework.md': STRENGTHS_AND_NEEDS,
      'domains/01-health.md': `---
id: health
title: Health
---

- Not under a heading

## Strengths and protective factors

- Good sleep {age=pre-birth}
- Eats well {polarity=need}

## Needs and risks

- Poor sleep {age=13-plus}

### Early Help

- Late {age=11-17}

## Worries

Some words.

- Worry {polarity=maybe age=18-11}

## Early Help {level=child-protection}

- Hurt {age=over-26}

#### Concerns

- Shouting {tags=x,y unknown=1}

**Strengths**

- After bold
`,
    })
    expect(problemsOf(context)).toStrictEqual([
      'domains/01-health.md:6:1 These indicators are not under a “Strengths” or “Needs” heading, expected “## Strengths and protective factors” or “## Needs and risks” above them [misplaced-content]',
      'domains/01-health.md:25:9 “polarity=maybe” is not a polarity, expected “polarity=strength” or “polarity=need” [invalid-attributes]',
      'domains/01-health.md:25:9 “age=18-11” is not an age group, expected one of “pre-birth” (or “unborn”), “baby”, “under-5”, “over-13”, “13-plus” or a range of years such as “11-17” [invalid-attributes]',
      'domains/01-health.md:29:8 “age=over-26” is not an age group, expected one of “pre-birth” (or “unborn”), “baby”, “under-5”, “over-13”, “13-plus” or a range of years such as “11-17” [invalid-attributes]',
      'domains/01-health.md:33:12 Unknown setting “unknown” in “{...}”, expected one of “age”, “tags”, “related”, “polarity” [invalid-attributes]',
      'domains/01-health.md:35:1 The line “**Strengths**” is bold text, not a heading, so the bullet points below it would join the list above it, expected a heading: “## Strengths” [misplaced-content]',
    ])
    expect(context.framework.domains[0]?.cells).toStrictEqual([{ polarity: 'need', text: 'Some words.' }])
    expect(context.framework.indicators.map((indicator) => [indicator.text, indicator.polarity, indicator.level, indicator.age, indicator.tags])).toStrictEqual([
      ['Good sleep', 'strength', undefined, 'pre-birth', undefined],
      ['Eats well', 'need', undefined, undefined, undefined],
      ['Poor sleep', 'need', undefined, '13-plus', undefined],
      ['Late', 'need', 'early-help', '11-17', undefined],
      ['Worry', 'need', undefined, undefined, undefined],
      ['Hurt', 'need', 'child-protection', undefined, undefined],
      ['Shouting', 'need', 'child-protection', undefined, ['x', 'y']],
    ])
  })
})

describe('contacts.md', () => {
  it('reads a page title, each “##” heading as a contact, and every detail label and its other names', () => {
    const context = built({
      'contacts.md': `# Who to call

## Front door {#front-door}

Talk to us first.

- Phone: 0121 788 4300
- Telephone (out of hours): 0121 605 6060
  - Hours: Outside office hours
- Opening hours: Mon-Fri 09:00-17:00
- Website: [Portal](https://example.org/portal)
- E-mail: mailto:help@example.org
- Postal address: Council House,
  Manor Square
- Use for: *urgent* worries
- Emergency: no

## Emergency services {#emergency}

- Tel: 999
- Emergency: Y
`,
    })
    expect(problemsOf(context)).toStrictEqual([])
    expect(context.framework.contactsTitle).toBe('Who to call')
    expect(context.framework.contacts).toStrictEqual([
      {
        id: 'front-door',
        name: 'Front door',
        description: 'Talk to us first.',
        phones: [
          { number: '0121 788 4300', e164: '+441217884300' },
          { number: '0121 605 6060', e164: '+441216056060', use: 'out of hours', hours: { text: 'Outside office hours', outOfHours: true } },
        ],
        hours: { text: 'Mon-Fri 09:00-17:00', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }] },
        web: 'portal',
        email: 'help@example.org',
        address: ['Council House,', 'Manor Square'],
        useFor: '*urgent* worries',
        emergency: false,
      },
      { id: 'emergency', name: 'Emergency services', phones: [{ number: '999' }], emergency: true },
    ])
  })

  it('reports each detail it cannot keep, at the detail', () => {
    const context = built({
      'contacts.md': `## Front door {#front-door}

- Phone: 0121 788 4300

## Emergency services {#emergency}

- Phone: 999
- Emergency: maybe
- Fax: 123
- Email (work): a@b.org
- no label here
- Phone (): 112
- Phone: 101
  - Hours: Always
  - Hours: Never
  - Email: x@y.org
- Phone: 102

  Extra paragraph.
- Hours: 9-5
- Hours: 10-6
- Web: no link
- Address:
- Email: javascript:alert(1)
- Email: a@example.org
- Use for: See [Portal](https://example.org/p)

  More.
- Phne: 103
`,
    })
    expect(problemsOf(context)).toStrictEqual([
      'contacts.md:8:1 “Emergency: maybe” is neither yes nor no, expected “Emergency: yes” or “Emergency: no” [unknown-label]',
      'contacts.md:9:1 Unknown contact detail “Fax”, expected Phone, Hours, Web, Email, Address, Emergency or Use for [unknown-label]',
      'contacts.md:10:1 Only a phone number takes a use in brackets, expected “Email:” without “(work)”, or “Phone (work): ...” [unknown-label]',
      'contacts.md:11:1 This contact detail has no label, expected “Label: value” such as “Phone: 0121 788 4300” [unknown-label]',
      'contacts.md:12:1 The brackets after “Phone” are empty, expected what the number is for, such as “Phone (out of hours): 112” [misplaced-content]',
      'contacts.md:15:3 This number already has its hours, expected one “Hours:” line under it [misplaced-content]',
      'contacts.md:16:3 Under a phone number only its hours are read, expected “- Hours: Outside office hours”; write other details as lines of the contact\'s list [misplaced-content]',
      'contacts.md:19:3 Under a phone number only its hours are read, expected “- Hours: Outside office hours” in a list under the number [misplaced-content]',
      'contacts.md:21:1 “Emergency services” already has hours (line 20), expected one “Hours:” line per contact: the hours of one number go in a list under it, such as “  - Hours: Outside office hours” [misplaced-content]',
      'contacts.md:22:1 The “Web” detail has no link, expected “Web: [name](#link-id)” or “Web: https://...” [misplaced-content]',
      'contacts.md:23:1 The address of “Emergency services” is empty, expected its lines after “Address:”, such as “Address: Council House, Manor Square, Solihull B91 3QB” [misplaced-content]',
      'contacts.md:24:1 The email address of “Emergency services” starts with “javascript:”, which apps must not open, expected an address such as help@example.org [link-scheme]',
      'contacts.md:25:1 “Emergency services” already has an email address (line 24), expected one “Email:” line per contact: write the second as a contact of its own, such as “## Emergency services (out of hours)” [misplaced-content]',
      'contacts.md:28:3 Only a phone number has details of its own under it, expected this “Use for:” line on one line, or the details as lines of the contact\'s list [misplaced-content]',
      'contacts.md:29:1 Unknown contact detail “Phne”, expected Phone, Hours, Web, Email, Address, Emergency or Use for [unknown-label]',
    ])
    const emergency = context.framework.contacts[1]
    expect(emergency).toStrictEqual({
      id: 'emergency',
      name: 'Emergency services',
      phones: [{ number: '999' }, { number: '112' }, { number: '101', hours: { text: 'Always' } }, { number: '102' }],
      hours: { text: '9-5' },
      email: 'javascript:alert(1)',
      useFor: 'See [Portal](https://example.org/p)',
      emergency: false,
    })
    // A near miss is suggested on its own line.
    expect(context.folder.files.find((file) => file.source.relative === 'contacts.md')?.source.vfile.messages.at(-1)?.expected).toStrictEqual(['Phone'])
  })

  it('takes a “#” heading above “##” contacts as the page title, a lone one or two as contacts, and a title from front-matter otherwise', () => {
    const titled = built({ 'contacts.md': '# Who to call\n\n## Front door {#front-door}\n\n- Phone: 0121 788 4300\n\n## Emergency services {#emergency}\n\n- Phone: 999\n' })
    expect([titled.framework.contactsTitle, titled.framework.contacts.map((contact) => contact.id)]).toStrictEqual(['Who to call', ['front-door', 'emergency']])
    expect([...(titled.anchors.get('contacts.md')?.keys() ?? [])]).toStrictEqual(['who-to-call', 'front-door', 'emergency-services'])
    const alone = built({ 'contacts.md': '# Front door {#front-door}\n\n- Phone: 0121 788 4300\n', 'levels/02-child-protection.md': null })
    expect([alone.framework.contactsTitle, alone.framework.contacts.map((contact) => contact.id)]).toStrictEqual([undefined, ['front-door']])
    const twoTitles = built({ 'contacts.md': '# Front door {#front-door}\n\n# Emergency services {#emergency}\n' })
    expect([twoTitles.framework.contactsTitle, twoTitles.framework.contacts.map((contact) => contact.id)]).toStrictEqual([undefined, ['front-door', 'emergency']])
    const empty = built({ 'contacts.md': '---\ntitle: Who to call\n---\n\nNo contacts yet.\n' })
    expect([empty.framework.contactsTitle, empty.framework.contacts]).toStrictEqual(['Who to call', []])
  })
})

describe('links.md', () => {
  it('reads a page title, grouping headings, each entry as a link with its id, a pending address, and reports entries that are not links', () => {
    const context = built({
      'links.md': `<!-- note -->
# Useful links

## Local

- [Regional procedures](https://example.org/procedures) {#regional-procedures}
- [Pending one](pending:ask) {#pending-one}
- [](https://example.org/bare)
- Just words
- 
- [Second words](https://example.org/second) and more {#second extra=1}

Stray paragraph.
`,
    })
    expect(problemsOf(context)).toStrictEqual([
      'links.md:9:1 Each entry in links.md should be a link, expected “- [Name](https://...) {#id}” [misplaced-content]',
      'links.md:10:1 Each entry in links.md should be a link, expected “- [Name](https://...) {#id}” [misplaced-content]',
      'links.md:11:55 “{...}” here can only hold an id such as “{#my-id}”, not “extra”, expected the setting removed [invalid-attributes]',
    ])
    expect(context.framework.linksTitle).toBe('Useful links')
    expect(context.framework.links).toStrictEqual([
      { id: 'regional-procedures', text: 'Regional procedures', status: 'ok', url: 'https://example.org/procedures' },
      { id: 'pending-one', text: 'Pending one', status: 'pending' },
      { id: 'https-example-org-bare', text: 'https://example.org/bare', status: 'ok', url: 'https://example.org/bare' },
      { id: 'second', text: 'Second words', status: 'ok', url: 'https://example.org/second' },
    ])
    expect([...(context.anchors.get('links.md')?.keys() ?? [])]).toStrictEqual(['useful-links', 'local'])
  })

  it('takes two “#” headings as groups, not a page title', () => {
    const context = built({ 'links.md': '# One\n\n- [A](https://a.org)\n\n# Two\n' })
    expect([context.framework.linksTitle, context.framework.links.map((link) => link.id)]).toStrictEqual([undefined, ['a']])
  })
})

describe('matrix.md', () => {
  it('reads the factors, the columns’ levels, each cell, the words before and after, and reports a second table and cells past the last column', () => {
    const context = built({
      'matrix.md': `---
title: Decision matrix
rule: Pick the highest level
---

How to read it.

| Area of concern | Early Help | Child protection {level=child-protection} |
| --- | --- | --- |
| Injury {#injury} | Minor | Serious |
| Home | | Unsafe | extra |
| Size {x=1} | a | b | |

Notes after.

| second | table |
| --- | --- |
| a | b |
`,
    })
    expect(problemsOf(context)).toStrictEqual([
      'matrix.md:16:1 matrix.md has a second table, expected one matrix per framework [misplaced-content]',
      'matrix.md:11:19 The row “Home” has more cells than the table has columns, so “extra” would be lost, expected one cell under each level\'s column [misplaced-content]',
      'matrix.md:12:8 “{...}” here can only hold an id such as “{#my-id}”, not “x”, expected the setting removed [invalid-attributes]',
    ])
    expect(context.framework.matrix).toStrictEqual({
      title: 'Decision matrix',
      rule: 'Pick the highest level',
      factorHeading: 'Area of concern',
      factors: [
        { id: 'injury', title: 'Injury' },
        { id: 'home', title: 'Home' },
        { id: 'size', title: 'Size' },
      ],
      columns: ['early-help', 'child-protection'],
      cells: [
        { factor: 'injury', level: 'early-help', text: 'Minor' },
        { factor: 'injury', level: 'child-protection', text: 'Serious' },
        { factor: 'home', level: 'early-help', text: '' },
        { factor: 'home', level: 'child-protection', text: 'Unsafe' },
        { factor: 'size', level: 'early-help', text: 'a' },
        { factor: 'size', level: 'child-protection', text: 'b' },
      ],
      description: 'How to read it.',
      notes: 'Notes after.\n\n| second | table |\n| ------ | ----- |\n| a      | b     |',
    })
  })

  it('without a table is an error at 1:1 and no matrix', () => {
    const context = built({ 'matrix.md': 'Just words.\n' })
    expect(problemsOf(context)).toStrictEqual(['matrix.md:1:1 matrix.md has no table, expected a table with factors down the side and levels across the top [misplaced-content]'])
    expect(context.framework.matrix).toBeUndefined()
  })

  it('reports a column naming no level or several, and files no cells under it; the default title', () => {
    const context = built({
      'levels/03-eh.md': '---\nid: eh2\ntitle: Early Help\nrank: 3\n---\n',
      'matrix.md': '| | Early Help | Nowhere | eh2 |\n| --- | --- | --- | --- |\n| Size | big | small | tiny |\n',
    })
    expect(problemsOf(context)).toContain(
      'matrix.md:1:3 The column “Early Help” could be any of 2 levels with that name, “Early Help” (early-help) and “Early Help” (eh2), expected one: add the level\'s id, such as “Early Help {level=early-help}” [unknown-heading]',
    )
    expect(problemsOf(context)).toContain('matrix.md:1:16 The column “Nowhere” names no level, expected a level\'s title or id [unknown-heading]')
    expect(context.framework.matrix).toStrictEqual({
      title: 'Decision-making matrix',
      factors: [{ id: 'size', title: 'Size' }],
      columns: ['eh2'],
      cells: [{ factor: 'size', level: 'eh2', text: 'tiny' }],
    })
  })
})

describe('a page under sections/', () => {
  it('is a section with its children; an id in front-matter names it unless the heading has one', () => {
    const context = built({
      'sections/01-about.md': '---\nid: about-us\n---\n\n<!-- comment -->\n\n# About {#about}\n\nWords.\n\n## Part\n\nPart words.\n',
      'sections/04-front.md': '---\nid: from-front\n---\n\n# Front\n\n# Second\n',
    })
    expect(problemsOf(context)).toStrictEqual([])
    expect(context.framework.sections).toStrictEqual([
      { id: 'about', title: 'About', body: 'Words.', children: [{ id: 'part', title: 'Part', body: 'Part words.', children: [] }] },
      { id: 'from-front', title: 'Front', body: '', children: [] },
      { id: 'second', title: 'Second', body: '', children: [] },
    ])
    expect(context.fileNodes.get('sections/04-front.md')).toBe(context.framework.sections[1])
  })

  it('without a heading, or with words before it, is an error', () => {
    const context = built({ 'sections/02-help.md': '\nWords first.\n\n# Help\n\nHelp words.\n', 'sections/03-none.md': 'No heading here.\n' })
    expect(problemsOf(context)).toStrictEqual([
      'sections/02-help.md:2:1 Text comes before the page title, expected the file to start with its “#” heading [misplaced-content]',
      'sections/03-none.md:1:1 This page has no heading, expected a title line starting with “#” [misplaced-content]',
    ])
    expect(context.framework.sections).toStrictEqual([{ id: 'help', title: 'Help', body: 'Help words.', children: [] }])
    expect(context.fileNodes.has('sections/03-none.md')).toBe(false)
  })

  it('with an empty heading is “Untitled”, its id derived from “section”', () => {
    const context = built({ 'sections/01-a.md': '# {#x}\n\nWords.\n\n#\n' })
    expect(context.framework.sections.map((section) => [section.id, section.title])).toStrictEqual([
      ['x', 'Untitled'],
      ['section', 'Untitled'],
    ])
  })
})

describe('indicators', () => {
  it('accept every age form up to 25 and refuse the rest', () => {
    const ages = ['pre-birth', 'unborn', 'baby', 'under-5', 'over-13', '13-plus', '11-17', '0-25', 'under-25', '25-plus', 'under-26', '26-plus', '17-11', '5-5', '0-26', 'toddler', 'under-5x']
    const list = ages.map((age, i) => `- Item ${i} {age=${age}}`).join('\n')
    const context = built({ 'domains/01-health.md': `---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n${list}\n` })
    expect(context.framework.indicators.map((indicator) => indicator.age ?? '-')).toStrictEqual([
      'pre-birth', 'unborn', 'baby', 'under-5', 'over-13', '13-plus', '11-17', '0-25', 'under-25', '25-plus', '-', '-', '-', '-', '-', '-', '-',
    ])
  })

  it('report an empty bullet point, and keep a list under one as its resources, not as more indicators', () => {
    const context = built({ 'domains/01-health.md': '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- \n- {#only-id}\n-\n  - Nested only\n- Real\n  - [Help](https://example.org)\n' })
    expect(problemsOf(context)).toStrictEqual([
      'domains/01-health.md:8:1 This bullet point is empty, expected the words of an indicator [misplaced-content]',
      'domains/01-health.md:9:1 This bullet point is empty, expected the words of an indicator [misplaced-content]',
      'domains/01-health.md:10:1 This bullet point is empty, expected the words of an indicator [misplaced-content]',
    ])
    expect(context.framework.indicators).toStrictEqual([{ id: 'health-real', domain: 'health', polarity: 'need', text: 'Real', level: 'early-help', resources: '- [Help](https://example.org)' }])
  })
})

describe('derived ids', () => {
  it('are pinned at the end of the words they come from (a closing “##” and the attributes left out)', () => {
    const context = built({
      'framework.md': `${FRAMEWORK}\n## About *us* ##\n\nWords.\n`,
      'domains/01-health.md': '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Poor *diet* {age=baby}\n  - Resources\n',
      'contacts.md': '## Front door {#front-door}\n\n- Phone: 0121 788 4300\n\n## Emergency *services* ##\n\n- Phone: 999\n',
      'links.md': '- [Procedures](https://example.org/procedures) and more\n',
      'matrix.md': '| Factor | Early Help |\n| --- | --- |\n| *Home* life | Unsafe |\n',
    })
    expect(problemsOf(context)).toStrictEqual([])
    const pinned = [...context.byId.values()]
      .filter((entry) => !entry.explicit)
      .map((entry) => [entry.id, entry.kind, entry.place.file.relative, entry.pinAt === undefined ? undefined : entry.place.file.text.slice(entry.pinAt - 6, entry.pinAt + 1)])
    expect(pinned).toStrictEqual([
      ['about-us', 'section', 'framework.md', 't *us* '],
      ['emergency-services', 'contact', 'contacts.md', 'vices* '],
      ['procedures', 'link', 'links.md', 'd more\n'],
      ['health-poor-diet', 'indicator', 'domains/01-health.md', '*diet* '],
      ['home-life', 'factor', 'matrix.md', '* life '],
    ])
  })
})

describe('every word of every kind of file', () => {
  it('is placed in the model or reported: the content-placed rule finds only the words with no place', () => {
    const context = built({
      'framework.md': `${FRAMEWORK}\n## About {#about}\n\nAbout words.\n\n### Who\n\nWho words.\n`,
      'levels/03-targeted.md': `---
id: targeted
title: Targeted support
rank: 3
---

Intro.

## About this level

More about it.

## Response

Do things.

## Information sharing

Share.

## Who to contact

Call them.

- [Front door](#front-door)

## Indicators at this level

- Feels safe {#targeted-safe}

## Thresholds explained

Explained.
`,
      'domains/01-health.md': `---
id: health
title: Health
---

About health.

## Early Help

Words for early help.

- Poor *diet*
  - [Clinic](https://example.org/clinic)

## Child protection

- Untreated serious injury {#health-untreated-injury}
`,
      'contacts.md': `# Who to call

Before contacts.

## Front door {#front-door}

Talk to us first.

- Phone: 0121 788 4300
- Phone (out of hours): 0121 605 6060
  - Hours: Outside office hours
- Hours: Mon-Fri 09:00-17:00
- Web: [Portal](https://example.org/portal)
- Email: help@example.org
- Address: Council House,
  Manor Square
- Use for: *urgent* worries
- Emergency: no

## Emergency services {#emergency}

- Phone: 999
- Emergency: yes
`,
      'links.md': `# Useful links

## Local

- [Regional procedures](https://example.org/procedures) and more {#regional-procedures}

Stray paragraph.
`,
      'matrix.md': `How to read it.

| Factor | Early Help | Child protection |
| --- | --- | --- |
| Home | Safe | Unsafe |

Notes after.
`,
      'sections/01-about.md': '# Page\n\nPage words.\n\n## Part\n\nPart words.\n',
    })
    checkFrameworks([context], { only: ['content-placed'], today: TEST_TODAY })
    expect(problemsOf(context)).toStrictEqual([
      'contacts.md:3:1 “Before contacts.” is not read into the framework here, so it would be lost, expected it under a contact’s “##” heading, or in a “<!-- note -->” if it is a note for editors [content-placed]',
      'links.md:5:57 “and more” is not read into the framework here, so it would be lost, expected it as a link entry “- [Name](https://...) {#id}” alone on its line, or in a “<!-- note -->” if it is a note for editors [content-placed]',
      'links.md:7:1 “Stray paragraph.” is not read into the framework here, so it would be lost, expected it as a link entry “- [Name](https://...) {#id}” alone on its line, or in a “<!-- note -->” if it is a note for editors [content-placed]',
      'levels/03-targeted.md:21:1 The “Contacts” heading should hold only a bullet list of links to contacts, such as “- [First Point of Contact](#fpoc)” [misplaced-content]',
    ])
  })
})

describe('the run’s timing', () => {
  it('counts parsing as the parse stage', () => {
    const timer = new StageTimer()
    const stages: Array<string | undefined> = []
    timer.measure(() =>
      buildFramework(folderOf({}), {
        parse: (source) => {
          stages.push(timer.current)
          return parseMarkdown(source)
        },
      }),
    )
    expect(stages).toStrictEqual(['parse', 'parse', 'parse', 'parse', 'parse', 'parse'])
  })
})

describe('files that must have front-matter', () => {
  it('a domain without it is an error at 1:1 and not read', () => {
    const context = built({ 'domains/02-care.md': '## Early Help\n\n- Hungry\n' })
    expect(problemsOf(context)).toStrictEqual(['domains/02-care.md:1:1 This domain file has no front-matter, expected settings between two “---” lines at the top (see docs/authoring.md) [frontmatter-missing]'])
    expect(context.framework.domains.map((domain) => domain.id)).toStrictEqual(['health'])
    expect(context.framework.indicators.map((indicator) => indicator.text)).toStrictEqual(['Missing immunisations', 'Untreated serious injury'])
  })

  it('a level or domain whose title is not text is not read; nor one without an id', () => {
    const context = built({
      'levels/03-a.md': '---\nid: a\ntitle: [A]\nrank: 3\n---\n',
      'levels/04-b.md': '---\ntitle: B\nrank: 4\n---\n',
      'domains/02-care.md': '---\nid: care\ntitle: 7\n---\n\n## Early Help\n\n- Hungry\n',
    })
    expect(context.framework.levels.map((level) => level.id)).toStrictEqual(['early-help', 'child-protection'])
    expect(context.framework.domains.map((domain) => domain.id)).toStrictEqual(['health'])
  })

  it('a framework, level and domain are placed at their front-matter', () => {
    const context = built()
    const { framework } = context
    expect(context.places.get(framework)?.position.start).toStrictEqual({ line: 1, column: 1, offset: 0 })
    expect(context.places.get(framework.levels[0] as object)?.position.start.line).toBe(3)
    expect(context.places.get(framework.domains[0] as object)?.position.start.line).toBe(3)
    expect([...context.byId.values()].filter((entry) => entry.explicit).map((entry) => [entry.id, entry.kind, entry.place.position.start.line])).toStrictEqual([
      ['minimal', 'framework', 1],
      ['early-help', 'level', 2],
      ['child-protection', 'level', 2],
      ['front-door', 'contact', 5],
      ['emergency', 'contact', 9],
      ['regional-procedures', 'link', 5],
      ['health', 'domain', 2],
      ['health-missing-immunisations', 'indicator', 8],
      ['health-untreated-injury', 'indicator', 12],
    ])
  })
})

describe('framework.md, further', () => {
  it('leaves out the settings it does not give, and keeps its front-matter for the rules', () => {
    const context = built()
    const keys = Object.keys(context.framework)
    for (const key of ['region', 'published', 'reviewDue', 'changeNote', 'completeness']) expect(keys).not.toContain(key)
    expect([...context.frontMatters.keys()].map((source) => source.relative)).toStrictEqual([
      'framework.md',
      'levels/01-early-help.md',
      'levels/02-child-protection.md',
      'contacts.md',
      'links.md',
      'domains/01-health.md',
    ])
  })

  it('keeps only guidance entries that are groups with a title and an edition, and reads its sections from its top heading depth', () => {
    const context = built({
      'framework.md': FRAMEWORK.replace(
        'indicatorLayout: by-level\n',
        'indicatorLayout: by-level\nguidance:\n  - Just words\n  - null\n  - edition: 2020\n  - title: Good\n    edition: 2021\n',
      ).concat('\n### Deep *one* here\n\nWords.\n\n#### Under\n\nMore.\n'),
    })
    expect(context.framework.guidance).toStrictEqual([{ title: 'Good', edition: 2021 }])
    expect(context.framework.sections).toStrictEqual([
      { id: 'deep-one-here', title: 'Deep one here', body: 'Words.', children: [{ id: 'under', title: 'Under', body: 'More.', children: [] }] },
    ])
    // The derived id is pinned after the heading's last words, not its second part.
    const text = context.folder.files[0]?.source.text ?? ''
    expect(context.byId.get('deep-one-here')?.pinAt).toBe(text.indexOf(' here') + ' here'.length)
  })

  it('points the id it does not match at the id, suggesting the folder name', () => {
    const context = built({ 'framework.md': FRAMEWORK.replace('id: minimal', 'id: other') })
    const [message] = context.folder.files[0]?.source.vfile.messages ?? []
    expect([message?.line, message?.column, message?.expected]).toStrictEqual([2, 5, ['minimal']])
  })
})

describe('a page marked incomplete', () => {
  it('keeps the mark on its section', () => {
    const context = built({ 'sections/01-a.md': '# A\n\nMissing from the source: page 3.\n\nWords.\n' })
    expect(context.framework.sections).toStrictEqual([{ id: 'a', title: 'A', body: 'Words.', completeness: { status: 'missing', reason: 'page 3.' }, children: [] }])
  })
})

describe('framework.md with bad settings', () => {
  it('is still read, an unusable id and all, without the settings that are not what they should be', () => {
    const context = built({ 'framework.md': FRAMEWORK.replace('id: minimal', 'id: Minimal Framework').replace('status: draft\n', 'status: draft\nregion: 5\nrules: off\n') })
    expect(problemsOf(context)).toStrictEqual([
      'framework.md:2:5 “id” is “Minimal Framework”, which is not a valid id, expected lower-case letters, digits and single hyphens, such as “early-help” [frontmatter-schema]',
      'framework.md:7:9 “region” is “5”, expected text: put it in quotes, such as "1.0" [frontmatter-schema]',
      'framework.md:8:8 “rules” is “off”, expected a group of settings [frontmatter-schema]',
      'framework.md:2:5 The framework id “Minimal Framework” differs from its folder name “minimal”, expected the two to match [frontmatter-schema]',
    ])
    expect(['region' in context.framework, context.framework.title, context.framework.indicators.length, context.ruleConfigs]).toStrictEqual([false, 'Minimal Framework', 2, []])
  })

  it('an empty front-matter is no problem in contacts.md', () => {
    const context = built({ 'contacts.md': '---\n---\n\n## Front door {#front-door}\n\n- Phone: 0121 788 4300\n\n## Emergency services {#emergency}\n\n- Phone: 999\n' })
    expect(problemsOf(context)).toStrictEqual([])
    expect(context.framework.contacts.map((contact) => contact.id)).toStrictEqual(['front-door', 'emergency'])
  })
})
