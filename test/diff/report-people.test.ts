import path from 'node:path'
import type { ListItem, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { parseEntities } from 'parse-entities'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { beforeAll, describe, expect, it } from 'vitest'
import { diffVersions, leaveOutUnchanged } from '../../scripts/diff/index.ts'
import { loadSide } from '../../scripts/diff/inputs.ts'
import { emptyFramework } from '../../scripts/diff/model.ts'
import { formatDiffHtml } from '../../scripts/diff/report/html.ts'
import { formatDiffJson } from '../../scripts/diff/report/json.ts'
import { formatDiffMarkdown } from '../../scripts/diff/report/markdown.ts'
import { diffReportValidator } from '../../scripts/diff/schema.ts'
import type { DiffReport } from '../../scripts/diff/types.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { fixtures, parser } from '../helpers.ts'

/*
 * The report is read by practitioners and their managers: levels and contacts by the names they
 * know, what a removed thing was, each real change once, and “None.” where nothing changed. Ids
 * are for reviewers, folded away.
 */

const side = { label: 'sample', source: 'memory' as const }

type Edit = { text?: string; level?: string; id?: string; contacts?: string[]; removeContact?: boolean; removeIndicator?: boolean }

function framework(edit: Edit = {}): Framework {
  const contacts: Framework['contacts'] = [
    { id: 'front-door', name: 'Front door', phones: [{ number: '0121 788 4300' }], hours: { text: 'Mon-Fri 09:00-17:00' }, emergency: false },
    ...(edit.removeContact ? [] : [{ id: 'adults-team-with-a-long-id', name: 'Adults team', phones: [{ number: '0121 704 8007' }], emergency: false }]),
  ]
  return {
    ...emptyFramework('sample'),
    title: 'Sample framework',
    partnership: 'Partnership',
    version: '1.0',
    levels: [
      { id: 'early-help', title: 'Early Help', label: 'Level 2', rank: 1, order: 0, contacts: ['front-door'], links: [], sections: [], children: [] },
      { id: 'child-protection', title: 'Child protection', label: 'Level 3', rank: 2, order: 1, contacts: edit.contacts ?? ['front-door', 'adults-team-with-a-long-id'], links: [], sections: [], children: [] },
    ],
    domains: [{ id: 'health', title: 'Health', children: [] }],
    contacts,
    indicators: [
      { id: edit.id ?? 'health-missing-immunisations-and-developmental-checks', domain: 'health', level: edit.level ?? 'early-help', polarity: 'need', text: edit.text ?? 'Missing immunisations and checks' },
      ...(edit.removeIndicator ? [] : [{ id: 'health-frequent-accidents', domain: 'health', level: 'early-help', polarity: 'need' as const, text: 'Frequent accidents' }]),
    ],
  }
}

const compare = (before: Framework, after: Framework) => diffVersions([before], [after], { old: side, new: side })

/** The Markdown before the reviewers' part, and the part itself. */
function parts(markdown: string): { people: string; reviewers: string } {
  const at = markdown.indexOf('<details>')
  return at === -1 ? { people: markdown, reviewers: '' } : { people: markdown.slice(0, at), reviewers: markdown.slice(at) }
}

describe('a report for people', () => {
  const moved = compare(framework(), framework({ level: 'child-protection', text: 'Missing immunisations and developmental checks', id: 'health-missing-immunisations' }))

  it('names levels by their printed label and title, and counts a moved, reworded and renumbered indicator once', () => {
    const markdown = formatDiffMarkdown(moved)
    expect(moved.summary).toMatchObject({ changes: 1, findings: 3, practice: 1, raised: 1 })
    expect(markdown).toContain('1 change in 1 of 1 framework: 1 affects practice, 0 for a person to review, 0 editorial.\n')
    expect(markdown).toContain(
      '\n##### Level 3: Child protection\n\n- Practice — **Moved from Level 2: Early Help to Level 3: Child protection** (threshold raised); **Reworded, the meaning may have changed**: “Missing immunisations and **developmental** checks” (matched by similarity 0.857)\n',
    )
    expect(markdown).toContain('| Missing immunisations and developmental checks | Health | Level 2: Early Help | Level 3: Child protection | **raised** |')
  })

  it('keeps ids off the lines for people, and lists them in a folded part for reviewers, in Markdown and HTML', () => {
    const { people, reviewers } = parts(formatDiffMarkdown(moved))
    expect(people).not.toContain('health-missing-immunisations')
    expect(people).not.toContain('Framework id')
    expect(reviewers).toContain('<details><summary>For reviewers: ids, change kinds and matching</summary>\n\nFramework id `sample`. 3 changes found, 1 real change above.\n')
    expect(reviewers).toContain(
      '- indicator `health-missing-immunisations-and-developmental-checks` → `health-missing-immunisations`: indicator-id-changed, indicator-moved-level, indicator-reworded\n',
    )
    expect(reviewers.trimEnd().endsWith('</details>')).toBe(true)
    const html = formatDiffHtml(moved)
    expect(html).toContain('<details>\n<summary>For reviewers: ids, change kinds and matching</summary>\n<p>Framework id <code>sample</code>.')
    expect(html.slice(0, html.indexOf('<details>'))).not.toContain('health-missing-immunisations')
  })

  it('names contacts, not ids, and a removed contact keeps its number; a removed indicator says where it was', () => {
    const report = compare(framework(), framework({ removeContact: true, contacts: ['front-door'], removeIndicator: true }))
    const { people } = parts(formatDiffMarkdown(report))
    expect(people).toContain('- Practice — **Contacts**: Adults team, Front door → Front door\n')
    expect(people).toContain('- Practice — **Removed**: Adults team (phone `0121 704 8007`)\n')
    expect(people).toContain('- Practice — **Removed from Level 2: Early Help**: “Frequent accidents”\n')
    expect(people).not.toContain('adults-team-with-a-long-id')
    expect(report.summary).toMatchObject({ changes: 3, findings: 3, practice: 3 })
  })

  it('a removed contact shows its hours too', () => {
    const removedFrontDoor = { ...framework(), contacts: framework().contacts.slice(1) }
    const report = compare(framework(), { ...removedFrontDoor, levels: removedFrontDoor.levels.map((level) => ({ ...level, contacts: level.contacts.filter((id) => id !== 'front-door') })) })
    expect(formatDiffMarkdown(report)).toContain('- Practice — **Removed**: Front door (phone `0121 788 4300`; hours Mon-Fri 09:00-17:00)\n')
  })

  it('says “None.” under every part where nothing changed, and that neither version has the parts the framework lacks', () => {
    const markdown = formatDiffMarkdown(moved)
    for (const part of ['Levels', 'Domains', 'Contacts', 'Framework details']) expect(markdown).toContain(`\n### ${part}\n\nNone.\n`)
    expect(markdown).toContain('\n### Links\n\nNeither version has links.\n')
    expect(markdown).toContain('\n### Decision-making matrix\n\nNeither version has a decision-making matrix.\n')
    expect(markdown).toContain('\n### Narrative pages\n\nNeither version has narrative pages.\n')
    expect(moved.frameworks[0]?.absent).toEqual(['links', 'matrix', 'narrative'])
    expect(markdown).not.toContain('\n### Indicators\n\nNone.\n')
  })

  it('leaves out the frameworks that did not change, naming them, unless all are asked for', () => {
    const other = { ...framework(), id: 'other', title: 'Other framework' }
    const report = diffVersions([framework(), other], [framework({ removeIndicator: true }), other], { old: side, new: side })
    const shown = leaveOutUnchanged(report)
    expect(shown.frameworks.map((f) => f.id)).toEqual(['sample'])
    expect(shown.unchanged).toEqual([{ id: 'other', title: 'Other framework' }])
    const markdown = formatDiffMarkdown(shown)
    expect(markdown).toContain('1 change in 1 of 2 frameworks: 1 affects practice, 0 for a person to review, 0 editorial.\n\nUnchanged, left out (thresholds diff --all shows them): Other framework.\n')
    expect(markdown).not.toContain('## Other framework')
    expect(formatDiffMarkdown(report)).toContain('## Other framework\n\nFrom version 1.0 in `sample` to version 1.0 in `sample`.\n\nNo changes.\n')
    expect(diffReportValidator()(JSON.parse(formatDiffJson(shown)))).toBe(true)
  })
})

/** Each report line of a real change, as text, from the Markdown (list items that start with an impact). */
function markdownLines(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root
  const lines: string[] = []
  const walk = (node: Root | Root['children'][number] | ListItem): void => {
    if (node.type === 'listItem' && /^(Practice|Review|Editorial) — /.test(toString(node))) lines.push(toString(node))
    if ('children' in node) for (const child of node.children) walk(child as Root['children'][number])
  }
  walk(tree)
  return lines
}

/** The same from the HTML page: the text of each `<li class="change …">`. */
function htmlLines(html: string): string[] {
  return [...html.matchAll(/<li class="change (?:practice|review|editorial)">([\s\S]*?)<\/li>/g)].map(([, inner]) =>
    parseEntities(
      (inner as string)
        .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
        .replace(/<[^>]+>/g, ''),
    ),
  )
}

describe('every format carries the same changes', () => {
  const dir = path.join(fixtures, 'diff/solihull-next')
  let report: DiffReport
  beforeAll(async () => {
    const before = await loadSide(path.join(dir, 'old'), dir, { parser })
    const after = await loadSide(path.join(dir, 'new'), dir, { parser })
    report = diffVersions(before.frameworks, after.frameworks, { old: before.info, new: after.info })
  })

  it('one line per real change in Markdown and HTML, word for word, and one entry each in JSON, with the same impacts', () => {
    const json = JSON.parse(formatDiffJson(report)) as DiffReport
    expect(diffReportValidator()(json)).toBe(true)
    const entries = json.frameworks.flatMap((framework) => framework.entries)
    const fromMarkdown = markdownLines(formatDiffMarkdown(report))
    const fromHtml = htmlLines(formatDiffHtml(report))
    expect(entries).toHaveLength(53)
    expect(fromMarkdown).toHaveLength(53)
    expect(fromHtml).toEqual(fromMarkdown)
    const impacts = (lines: string[]) => lines.map((line) => line.slice(0, line.indexOf(' — ')).toLowerCase()).sort()
    expect(impacts(fromMarkdown)).toEqual(entries.map((entry) => entry.impact).sort())
    expect(json.summary).toMatchObject({ changes: 53, practice: 26, review: 2, editorial: 25 })
  })
})
