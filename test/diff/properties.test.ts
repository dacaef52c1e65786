import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareChanges, diffFrameworks, diffVersions, invertChange } from '../../scripts/diff/index.ts'
import { formatDiffHtml } from '../../scripts/diff/report/html.ts'
import { formatDiffMarkdown } from '../../scripts/diff/report/markdown.ts'
import { diffReportValidator } from '../../scripts/diff/schema.ts'
import { dice } from '../../scripts/diff/match-indicators.ts'
import { IN_PLACE } from '../../scripts/diff/similarity.ts'
import { contentWords } from '../../scripts/diff/meaning.ts'
import { wordDiff } from '../../scripts/diff/words.ts'
import { wordsInline } from '../../scripts/diff/report/document.ts'
import type { Contact, Domain, Framework, Indicator, Level, Link, Matrix, Section } from '../../scripts/model/types.ts'

/*
 * Random frameworks drawn from small pools of ids, titles and words, so that two of them share
 * many ids, titles and similar texts: matching by id, by title and by similarity all get work,
 * with ties. The second framework is either drawn independently or made from the first by edits.
 */

const WORDS = ['child', 'parent', 'school', 'health', 'missing', 'checks', 'support', 'risk', 'harm', 'home', 'late', 'often', 'not', 'safe', 'care', 'food']
const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((list) => list.join(' '))
const maybe = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
const LEVEL_TITLES = ['Universal', 'Early Help', 'Child in need', 'Child protection', 'Targeted support']
const LEVEL_IDS = ['universal', 'early-help', 'child-in-need', 'child-protection', 'targeted', 'sub-a', 'sub-b']
const DOMAIN_IDS = ['health', 'learning', 'safety', 'family', 'community']
const CONTACT_IDS = ['front-door', 'emergency', 'mash', 'police']
const LINK_IDS = ['procedures', 'portal', 'guidance', 'form']
const SECTION_IDS = ['intro', 'values', 'consent', 'escalation', 'glossary']

/** Drops undefined fields, as JSON would: the model never holds an undefined value. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

const levelFields = {
  title: fc.constantFrom(...LEVEL_TITLES),
  shortTitle: maybe(fc.constantFrom('EH', 'CIN')),
  description: maybe(words(2, 8)),
  whatToDo: maybe(words(2, 8)),
  consent: maybe(words(2, 8)),
  familyAgreement: maybe(fc.constantFrom('needed' as const, 'preferred' as const)),
  contacts: fc.uniqueArray(fc.constantFrom(...CONTACT_IDS), { maxLength: 3 }),
  sectionTitle: maybe(fc.constantFrom('Escalation', 'Who to call')),
}

const frameworkArbitrary: fc.Arbitrary<Framework> = fc
  .record({
    version: fc.constantFrom('1.0', '1.1', '2.0', 'draft'),
    status: fc.constantFrom('draft' as const, 'published' as const),
    summary: maybe(words(3, 10)),
    published: maybe(fc.constantFrom('2025-01-01', '2026-04-01')),
    guidance: fc.uniqueArray(fc.record({ title: fc.constantFrom('Working Together', 'Keeping Children Safe'), edition: fc.constantFrom(2018, 2023, 2026) }), { selector: (g) => g.title, maxLength: 2 }),
    levels: fc.uniqueArray(fc.record({ id: fc.constantFrom(...LEVEL_IDS), ...levelFields }), { selector: (l) => l.id, minLength: 1, maxLength: 6 }),
    children: fc.array(fc.nat(5), { maxLength: 6 }),
    domains: fc.uniqueArray(fc.record({ id: fc.constantFrom(...DOMAIN_IDS), title: fc.constantFrom('Health', 'Learning', 'Safety', 'Family', 'Community'), description: maybe(words(2, 6)) }), { selector: (d) => d.id, minLength: 1, maxLength: 4 }),
    indicators: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 40 }).map((n) => `ind-${n}`),
        text: words(2, 7),
        domainPick: fc.nat(),
        levelPick: maybe(fc.nat()),
        polarity: fc.constantFrom('need' as const, 'strength' as const),
        age: maybe(fc.constantFrom('baby', '13-plus')),
        tags: maybe(fc.uniqueArray(fc.constantFrom('dental', 'online'), { maxLength: 2 })),
        related: maybe(fc.uniqueArray(fc.integer({ min: 1, max: 40 }).map((n) => `ind-${n}`), { maxLength: 2 })),
      }),
      { selector: (i) => i.id, maxLength: 25 },
    ),
    contacts: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...CONTACT_IDS),
        name: fc.constantFrom('Front door', 'Emergency', 'MASH', 'Police'),
        phones: fc.array(fc.record({ number: fc.constantFrom('0121 788 4300', '0121 496 0100', '999'), use: maybe(fc.constantFrom('Out of hours', 'Text phone')) }), { maxLength: 3 }),
        hours: maybe(fc.constantFrom('Mon-Fri 09:00-17:00', '24/7')),
        email: maybe(fc.constantFrom('a@example.org', 'b@example.org')),
        web: maybe(fc.constantFrom(...LINK_IDS)),
        emergency: fc.boolean(),
        useFor: maybe(words(1, 4)),
        description: maybe(words(2, 6)),
      }),
      { selector: (c) => c.id, maxLength: 4 },
    ),
    links: fc.uniqueArray(
      fc.record({ id: fc.constantFrom(...LINK_IDS), text: fc.constantFrom('Procedures', 'Portal', 'Guidance', 'Form'), url: maybe(fc.constantFrom('https://example.org/a', 'https://example.org/b')) }),
      { selector: (l) => l.id, maxLength: 4 },
    ),
    sections: fc.uniqueArray(fc.record({ id: fc.constantFrom(...SECTION_IDS), title: fc.constantFrom('Introduction', 'Values', 'Consent', 'Escalation'), body: words(3, 10), parentPick: maybe(fc.nat()) }), {
      selector: (s) => s.id,
      maxLength: 4,
    }),
    matrix: maybe(
      fc.record({
        rule: maybe(words(3, 6)),
        notes: maybe(words(3, 6)),
        factors: fc.uniqueArray(fc.record({ id: fc.constantFrom('frequency', 'severity', 'impact'), title: fc.constantFrom('How often?', 'How severe?', 'What impact?') }), { selector: (f) => f.id, minLength: 1, maxLength: 3 }),
        texts: fc.array(words(1, 3), { minLength: 20, maxLength: 20 }),
        holes: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      }),
    ),
  })
  .map((drawn): Framework => {
    // The first levels are top-level; `children` moves later ones under an earlier one, one deep.
    const flat = drawn.levels.map((l, index) => ({ ...l, index }))
    const top: Level[] = []
    const byId = new Map<string, Level>()
    flat.forEach((l, index) => {
      const level: Level = {
        id: l.id,
        title: l.title,
        ...(l.shortTitle ? { shortTitle: l.shortTitle } : {}),
        rank: index + 1,
        order: 0,
        ...(l.description ? { description: l.description } : {}),
        ...(l.whatToDo ? { whatToDo: l.whatToDo } : {}),
        ...(l.consent ? { consent: l.consent } : {}),
        ...(l.familyAgreement ? { familyAgreement: l.familyAgreement } : {}),
        contacts: l.contacts,
        links: [],
        sections: l.sectionTitle ? [{ id: `${l.id}-extra`, title: l.sectionTitle, body: l.whatToDo ?? 'Text', children: [] }] : [],
        children: [],
      }
      const parentIndex = drawn.children[index]
      const parent = index > 0 && parentIndex !== undefined && parentIndex < index ? top.find((t) => t.id === flat[parentIndex]?.id) : undefined
      if (parent) {
        level.parent = parent.id
        parent.children.push(level)
      } else top.push(level)
      byId.set(level.id, level)
    })
    const levels = top.flatMap((level) => [level, ...level.children])
    levels.forEach((level, order) => (level.order = order))
    const domains: Domain[] = drawn.domains.map((d) => ({ id: d.id, title: d.title, ...(d.description ? { description: d.description } : {}), children: [] }))
    const indicators: Indicator[] = drawn.indicators.map((i) => ({
      id: i.id,
      domain: (domains[i.domainPick % domains.length] as Domain).id,
      ...(i.levelPick !== undefined ? { level: (levels[i.levelPick % levels.length] as Level).id } : {}),
      polarity: i.polarity,
      text: i.text,
      ...(i.age ? { age: i.age } : {}),
      ...(i.tags ? { tags: i.tags } : {}),
      ...(i.related ? { related: i.related } : {}),
    }))
    const contacts: Contact[] = drawn.contacts.map((c) => clean({ ...c, phones: c.phones.map((phone) => clean(phone)), hours: c.hours ? { text: c.hours, ...(c.hours === '24/7' ? { always: true } : {}) } : undefined }))
    const links: Link[] = drawn.links.map((l) => clean({ ...l, status: l.url ? ('ok' as const) : ('pending' as const) }))
    const sections: Section[] = []
    for (const s of drawn.sections) {
      const section: Section = { id: s.id, title: s.title, body: s.body, children: [] }
      const parent = s.parentPick !== undefined ? sections[s.parentPick % Math.max(1, sections.length)] : undefined
      if (parent) parent.children.push(section)
      else sections.push(section)
    }
    let matrix: Matrix | undefined
    if (drawn.matrix) {
      const columns = levels.slice(0, 4).map((l) => l.id)
      const cells = drawn.matrix.factors.flatMap((factor, f) =>
        columns.flatMap((level, c) => (drawn.matrix?.holes[f * 5 + c] ? [] : [{ factor: factor.id, level, text: drawn.matrix?.texts[f * 5 + c] ?? 'x' }])),
      )
      matrix = clean({ title: 'Decision-making matrix', rule: drawn.matrix.rule, notes: drawn.matrix.notes, factors: drawn.matrix.factors, columns, cells })
    }
    return clean({
      formatVersion: 3,
      id: 'sample',
      title: 'Sample framework',
      partnership: 'Sample partnership',
      version: drawn.version,
      status: drawn.status,
      ...(drawn.published ? { published: drawn.published } : {}),
      ...(drawn.summary ? { summary: drawn.summary } : {}),
      indicatorLayout: 'by-level',
      guidance: drawn.guidance,
      levels: top,
      domains,
      indicators,
      contacts,
      links,
      ...(matrix ? { matrix } : {}),
      sections,
    })
  })

/** A second version made from the first: some indicators reworded, moved, renamed or dropped. */
const editedPair: fc.Arbitrary<[Framework, Framework]> = fc
  .tuple(frameworkArbitrary, fc.array(fc.record({ pick: fc.nat(), edit: fc.constantFrom('reword', 'move', 'rename', 'drop', 'polarity', 'level-title', 'phone', 'reverse-levels') }), { maxLength: 8 }), fc.array(words(2, 6), { minLength: 8, maxLength: 8 }))
  .map(([first, edits, texts]) => {
    const second = structuredClone(first)
    const levelIds = second.levels.flatMap((l) => [l, ...l.children]).map((l) => l.id)
    edits.forEach(({ pick, edit }, n) => {
      const indicator = second.indicators[pick % Math.max(1, second.indicators.length)]
      if (edit === 'reword' && indicator) indicator.text = `${indicator.text} ${texts[n] ?? ''}`.trim()
      if (edit === 'move' && indicator) indicator.level = levelIds[pick % levelIds.length]
      if (edit === 'rename' && indicator) indicator.id = `${indicator.id}-renamed`
      if (edit === 'drop' && indicator) second.indicators.splice(second.indicators.indexOf(indicator), 1)
      if (edit === 'polarity' && indicator) indicator.polarity = indicator.polarity === 'need' ? 'strength' : 'need'
      if (edit === 'level-title') {
        const level = second.levels[pick % second.levels.length]
        if (level) level.title = `${level.title} (revised)`
      }
      if (edit === 'phone') {
        const contact = second.contacts[pick % Math.max(1, second.contacts.length)]
        if (contact) contact.phones = [...contact.phones.slice(1), { number: '0121 496 0999', use: 'Out of hours' }]
      }
      if (edit === 'reverse-levels') second.levels.reverse()
    })
    // Ids stay unique, as they are in any model that passed the checks.
    const seen = new Set<string>()
    second.indicators = second.indicators.filter((indicator) => !seen.has(indicator.id) && seen.add(indicator.id))
    return [first, second] as [Framework, Framework]
  })

const pairs = fc.oneof(fc.tuple(frameworkArbitrary, frameworkArbitrary), editedPair)
const runs = { numRuns: 300 }

describe('diff properties', () => {
  it('the diff of a framework with itself is empty', () => {
    fc.assert(
      fc.property(frameworkArbitrary, (framework) => {
        const diff = diffFrameworks(framework, structuredClone(framework))
        expect(diff.changes).toEqual([])
        expect(diff.status).toBe('unchanged')
        expect(diff.flags).toEqual([])
      }),
      runs,
    )
  })

  it('swapping old and new inverts every change: added for removed, raised for lowered', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const forward = diffFrameworks(a, b).changes
        const backward = diffFrameworks(b, a).changes
        expect(backward).toEqual(forward.map(invertChange).sort(compareChanges))
      }),
      runs,
    )
  })

  it('scores each match by similarity with the Dice coefficient over content words, at or above the threshold', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const texts = (framework: Framework) => new Map(framework.indicators.map((indicator) => [indicator.id, indicator.text]))
        const [before, after] = [texts(a), texts(b)]
        for (const match of diffFrameworks(a, b).matching.indicators?.other ?? []) {
          if (match.by === 'text') continue
          const expected = dice(contentWords(before.get(match.old) ?? ''), contentWords(after.get(match.new) ?? ''))
          expect(match.score).toBe(expected)
          expect(expected).toBeGreaterThanOrEqual(IN_PLACE)
        }
      }),
      runs,
    )
  })

  it('is deterministic and every report follows schema/diff.schema.json and renders', () => {
    const validate = diffReportValidator()
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const side = { label: 'sample', source: 'memory' as const }
        const report = diffVersions([a], [b], { old: side, new: side })
        expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true)
        expect(diffVersions([structuredClone(a)], [structuredClone(b)], { old: side, new: side })).toEqual(report)
        expect(formatDiffMarkdown(report)).toContain('# What changed')
        expect(formatDiffHtml(report)).toMatch(/^<!doctype html>/)
      }),
      { numRuns: 100 },
    )
  })

  it('word diff: the equal and inserted parts spell the new text exactly, the equal and deleted parts the old one', () => {
    const spaced = fc.array(fc.tuple(fc.constantFrom(...WORDS, 'development', 'needs', 'and', '&', 'checks.'), fc.constantFrom(' ', '  ', '\n', '')), { maxLength: 12 }).map((parts) => parts.map(([word, space]) => `${word}${space}`).join(''))
    fc.assert(
      fc.property(spaced, spaced, (before, after) => {
        const parts = wordDiff(before, after)
        expect(parts.filter((part) => part.op !== 'delete').map((part) => part.text).join('')).toBe(after)
        expect(parts.filter((part) => part.op !== 'insert').map((part) => part.text).join('')).toBe(before)
        // One form: no empty parts, no two neighbours of one kind, deletions before insertions.
        expect(parts.every((part) => part.text !== '')).toBe(true)
        expect(parts.every((part, index) => index === 0 || parts[index - 1]?.op !== part.op)).toBe(true)
      }),
      runs,
    )
  })

  it('word diff keeps the space after the last shared word (“development needs”, not “development**needs**”)', () => {
    expect(wordDiff('Concerns about development', 'Concerns about development needs')).toEqual([
      { op: 'equal', text: 'Concerns about development' },
      { op: 'insert', text: ' needs' },
    ])
    expect(wordsInline(wordDiff('Concerns about development', 'Concerns about development needs'))).toEqual([
      { type: 'text', value: 'Concerns about development' },
      { type: 'text', value: ' ' },
      expect.objectContaining({ type: 'strong', children: [{ type: 'text', value: 'needs' }] }),
    ])
  })
})
