/**
 * Frameworks of every shape the model holds, generated with fast-check, and the source files
 * that say them (as docs/authoring.md describes): for the round-trip property test.
 */
import fc from 'fast-check'
import type { Completeness, Contact, Domain, DomainCell, Framework, Hours, Indicator, Level, Link, Phone, Section } from '../../scripts/model/types.ts'
import { buildFramework } from '../../scripts/parse/build.ts'
import { parseMarkdown } from '../../scripts/parse/markdown.ts'
import type { FileKind, FrameworkFolder } from '../../scripts/parse/read.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'

/* Words that mean nothing to the reader: no heading it recognises, no “needs” or “strengths”. */
const WORDS = ['apple', 'brook', 'cedar', 'delta', 'ember', 'fable', 'grove', 'harbour', 'iris', 'juniper', 'kestrel', 'lumen', 'meadow', 'nectar', 'orbit', 'pebble', 'quill', 'raven', 'sable', 'thistle']
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const phrase = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((words) => capital(words.join(' ')))
const sentence = phrase(2, 8).map((words) => `${words}.`)
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
const completeness: fc.Arbitrary<Completeness> = fc.record({ status: fc.constantFrom('partial' as const, 'missing' as const), reason: sentence })

/** Numbers with the international form the reader gives them. */
const PHONES: Array<[string, string | undefined]> = [
  ['0121 788 4300', '+441217884300'],
  ['0345 678 9021', '+443456789021'],
  ['0121 605 6060', '+441216056060'],
]
const USES = ['Office hours', 'Out of hours', 'Emergency', 'Text phone']
const HOURS: Array<Contact['hours']> = [
  { text: 'Mon-Fri 09:00-17:00', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' }] },
  { text: '24 hours, 7 days', always: true },
  { text: 'Outside office hours', outOfHours: true },
  { text: 'School term time only' },
]

export interface Shape {
  framework: Framework
  /** Written into a domain file under each level's heading: how the heading names the level. */
  headingOf: Map<string, string>
}

export const shape: fc.Arbitrary<Shape> = fc
  .record({
    title: phrase(1, 5),
    partnership: phrase(1, 4),
    status: fc.constantFrom('draft' as const, 'published' as const, 'approved' as const),
    summary: maybe(sentence),
    whole: fc.option(completeness, { nil: undefined, freq: 10 }),
    levels: fc.array(
      fc.record({
        title: phrase(1, 3),
        labelled: fc.boolean(),
        agreement: maybe(fc.constantFrom('needed' as const, 'preferred' as const, 'not-needed' as const, 'conditional' as const)),
        condition: sentence,
        description: maybe(sentence),
        whatToDo: sentence,
        gap: fc.option(completeness, { nil: undefined, freq: 8 }),
        whatToDoGap: fc.option(completeness, { nil: undefined, freq: 8 }),
        consent: maybe(sentence),
        consentGap: fc.option(completeness, { nil: undefined, freq: 8 }),
        own: fc.option(fc.array(phrase(1, 5), { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 4 }),
      }),
      { minLength: 2, maxLength: 3 },
    ),
    subLevelOf: maybe(fc.nat(3)),
    sharedTitle: fc.boolean(),
    domains: fc.array(
      fc.record({
        title: phrase(1, 3),
        titleAtLevel: fc.option(fc.record({ level: fc.nat(3), title: phrase(1, 3) }), { nil: undefined, freq: 4 }),
        description: maybe(sentence),
        gap: fc.option(completeness, { nil: undefined, freq: 10 }),
        lists: fc.array(
          fc.record({
            indicators: fc.array(fc.record({ text: phrase(1, 6), relate: fc.boolean(), emphasis: maybe(fc.constantFrom('em' as const, 'strong' as const, 'link' as const)), age: maybe(fc.constantFrom('pre-birth', 'under-5', '11-17', 'over-13')), resources: maybe(fc.array(phrase(1, 3), { minLength: 1, maxLength: 2 })) }), { maxLength: 3 }),
            text: maybe(sentence),
            gap: fc.option(completeness, { nil: undefined, freq: 4 }),
          }),
          { minLength: 5, maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    subDomain: fc.boolean(),
    contacts: fc.array(
      fc.record({
        name: phrase(1, 3),
        // Several numbers, each with a use or none, and hours of its own or none.
        phones: fc.array(fc.record({ number: fc.nat(PHONES.length - 1), use: maybe(fc.constantFrom(...USES)), hours: maybe(fc.nat(HOURS.length - 1)) }), { minLength: 1, maxLength: 3 }),
        hours: maybe(fc.nat(HOURS.length - 1)),
        email: fc.boolean(),
        address: maybe(fc.array(phrase(1, 4), { minLength: 1, maxLength: 3 })),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    links: fc.array(phrase(1, 3), { maxLength: 2 }),
    section: maybe(fc.record({ title: phrase(1, 3), body: sentence, gap: maybe(completeness) })),
  })
  .map((g): Shape => {
    const contacts: Contact[] = [
      { id: 'emergency', name: 'Emergency services', phones: [{ number: '999' }], emergency: true },
      ...g.contacts.map((c, i): Contact => {
        const phones = c.phones.map((p): Phone => {
          const [number, e164] = PHONES[p.number] as [string, string]
          return { number, e164, ...(p.use ? { use: p.use } : {}), ...(p.hours !== undefined ? { hours: HOURS[p.hours] as Hours } : {}) }
        })
        const contact: Contact = { id: `contact-${i + 1}`, name: c.name, phones, emergency: false }
        if (c.address) contact.address = c.address
        if (c.email) contact.email = `team${i + 1}@example.org`
        if (c.hours !== undefined) contact.hours = HOURS[c.hours]
        return contact
      }),
    ]
    const headingOf = new Map<string, string>()
    const tops: Level[] = g.levels.map((l, i) => {
      const level: Level = { id: `level-${i + 1}`, title: g.sharedTitle && i === 1 ? (g.levels[0]?.title ?? l.title) : l.title, rank: i + 1, order: 0, contacts: [], links: [], sections: [], children: [] }
      // Two levels with one title are told apart by their labels.
      if (l.labelled || (g.sharedTitle && i <= 1)) level.label = `Level ${i + 1}`
      if (l.agreement) level.familyAgreement = l.agreement
      if (l.agreement === 'conditional') level.familyAgreementCondition = l.condition
      if (l.description) level.description = l.description
      level.whatToDo = l.whatToDo
      if (l.gap) level.completeness = l.gap
      if (l.whatToDoGap) level.whatToDoCompleteness = l.whatToDoGap
      if (l.consent) level.consent = l.consent
      if (l.consentGap) level.consentCompleteness = l.consentGap
      const last = i === g.levels.length - 1
      level.contacts = last ? ['emergency', 'contact-1'] : ['contact-1']
      headingOf.set(level.id, level.label ?? `${level.title} {level=${level.id}}`)
      return level
    })
    const parentIndex = g.subLevelOf === undefined ? undefined : g.subLevelOf % tops.length
    if (parentIndex !== undefined) {
      const parent = tops[parentIndex] as Level
      const child: Level = { id: `${parent.id}-b`, title: `${parent.title} extra`, label: `Level ${parentIndex + 1}b`, rank: 1, order: 0, parent: parent.id, whatToDo: 'Apple brook.', contacts: ['contact-1'], links: [], sections: [], children: [] }
      parent.children.push(child)
      headingOf.set(child.id, child.label as string)
    }
    let order = 0
    for (const level of tops) {
      level.order = order++
      for (const child of level.children) child.order = order++
    }
    const flat = tops.flatMap((level) => [level, ...level.children])

    // A level's own list, under no domain: read from the level files, before any domain file.
    const indicators: Indicator[] = flat.flatMap((level) => {
      const own = g.levels[tops.indexOf(level)]?.own ?? []
      return own.map((text, k): Indicator => ({ id: `${level.id}-own-${k + 1}`, level: level.id, polarity: 'need', text }))
    })
    const domains: Domain[] = g.domains.map((d, i) => {
      const domain: Domain = { id: `domain-${i + 1}`, title: d.title, children: [] }
      if (g.subDomain && i > 0) domain.parent = 'domain-1'
      // The source's heading for this domain at one level.
      const titledAt = d.titleAtLevel ? flat[d.titleAtLevel.level % flat.length] : undefined
      if (titledAt && d.titleAtLevel) domain.titleAtLevel = { [titledAt.id]: d.titleAtLevel.title }
      if (d.description) domain.description = d.description
      if (d.gap) domain.completeness = d.gap
      const cells: DomainCell[] = []
      const relating: Indicator[] = []
      flat.forEach((level, j) => {
        const list = d.lists[j % d.lists.length]
        if (!list) return
        if (list.text || list.gap) {
          const cell: DomainCell = { level: level.id }
          if (list.text) cell.text = list.text
          if (list.gap) cell.completeness = list.gap
          cells.push(cell)
        }
        list.indicators.forEach((item, k) => {
          const indicator: Indicator = { id: `${domain.id}-${level.id}-${k + 1}`, domain: domain.id, level: level.id, polarity: 'need', text: item.text }
          if (item.emphasis) indicator.markdown = emphasised(item.text, item.emphasis)
          if (item.age) indicator.age = item.age
          if (item.resources) indicator.resources = item.resources.map((words) => `- ${words}`).join('\n')
          if (item.relate) relating.push(indicator)
          indicators.push(indicator)
        })
      })
      // The same concern at another level of this domain, by id.
      for (const indicator of relating) {
        const other = indicators.find((candidate) => candidate.domain === domain.id && candidate.level !== indicator.level)
        if (other) indicator.related = [other.id]
      }
      if (cells.length) domain.cells = cells
      return domain
    })
    const top = domains.filter((domain) => !domain.parent)
    for (const domain of domains) if (domain.parent) domains[0]?.children.push(domain)
    const links: Link[] = g.links.map((text, i) => ({ id: `link-${i + 1}`, text, url: `https://example.org/page-${i + 1}`, status: 'ok' }))
    const sections: Section[] = g.section ? [{ id: 'about', title: g.section.title, body: g.section.body, children: [], ...(g.section.gap ? { completeness: g.section.gap } : {}) }] : []
    const framework: Framework = {
      formatVersion: 3,
      id: 'generated',
      title: g.title,
      partnership: g.partnership,
      version: '1.0',
      status: g.status,
      indicatorLayout: 'by-level',
      guidance: [],
      levels: tops,
      domains: top,
      indicators,
      contacts,
      links,
      sections,
      contactsTitle: 'Contacts',
      linksTitle: 'Links',
    }
    if (g.summary) framework.summary = g.summary
    if (g.whole) framework.completeness = g.whole
    return { framework, headingOf }
  })

/** The indicator's first word emphasised, or linked to a contact: the plain text stays the same. */
function emphasised(text: string, how: 'em' | 'strong' | 'link'): string {
  const [first, ...rest] = text.split(' ')
  const marked = how === 'em' ? `*${first}*` : how === 'strong' ? `**${first}**` : `[${first}](#contact-1)`
  return [marked, ...rest].join(' ')
}

/** A level's own list of indicators, under no domain, as a level file writes it. */
function ownList(framework: Framework, level: string): string {
  const own = framework.indicators.filter((indicator) => indicator.level === level && indicator.domain === undefined)
  return own.length ? `\n## Indicators\n\n${own.map((indicator) => `- ${indicator.text} {#${indicator.id}}`).join('\n')}\n` : ''
}

/** A domain's `titleAtLevel:` front-matter, one line per level. */
function titlesAt(domain: Domain): string {
  const entries = Object.entries(domain.titleAtLevel ?? {})
  return entries.length ? `titleAtLevel:\n${entries.map(([level, title]) => `  ${level}: ${title}\n`).join('')}` : ''
}

const marker = (gap: Completeness | undefined) => (gap ? `${gap.status === 'partial' ? 'Partial in the source' : 'Missing from the source'}: ${gap.reason}\n\n` : '')

/** The framework's source files, written as docs/authoring.md describes. */
export function sourcesOf({ framework, headingOf }: Shape): Array<[string, FileKind, string]> {
  const files: Array<[string, FileKind, string]> = []
  files.push([
    'framework.md',
    'framework',
    `---\nid: ${framework.id}\ntitle: ${framework.title}\npartnership: ${framework.partnership}\nversion: "${framework.version}"\nstatus: ${framework.status}\nindicatorLayout: by-level\n---\n\n${marker(framework.completeness)}${framework.summary ?? ''}\n`,
  ])
  const levels = framework.levels.flatMap((level) => [level, ...level.children])
  levels.forEach((level, i) => {
    const front = [
      `id: ${level.id}`,
      `title: ${level.title}`,
      ...(level.label ? [`label: ${level.label}`] : []),
      `rank: ${level.rank}`,
      ...(level.parent ? [`parent: ${level.parent}`] : []),
      ...(level.familyAgreement ? [`familyAgreement: ${level.familyAgreement}`] : []),
      ...(level.familyAgreementCondition ? [`familyAgreementCondition: ${level.familyAgreementCondition}`] : []),
    ]
    const contacts = level.contacts.map((id) => `- [${framework.contacts.find((c) => c.id === id)?.name}](#${id})`).join('\n')
    const body = `${marker(level.completeness)}${level.description ? `${level.description}\n\n` : ''}## What to do\n\n${marker(level.whatToDoCompleteness)}${level.whatToDo}\n\n${level.consent || level.consentCompleteness ? `## Consent\n\n${marker(level.consentCompleteness)}${level.consent ? `${level.consent}\n\n` : ''}` : ''}## Contacts\n\n${contacts}\n${ownList(framework, level.id)}`
    files.push([`levels/${String(i + 1).padStart(2, '0')}-${level.id}.md`, 'level', `---\n${front.join('\n')}\n---\n\n${body}`])
  })
  const domains = framework.domains.flatMap((domain) => [domain, ...domain.children])
  domains.forEach((domain, i) => {
    let body = `${marker(domain.completeness)}${domain.description ? `${domain.description}\n\n` : ''}`
    for (const level of levels) {
      const cell = domain.cells?.find((c) => c.level === level.id)
      const here = framework.indicators.filter((indicator) => indicator.domain === domain.id && indicator.level === level.id)
      if (!cell && here.length === 0) continue
      body += `## ${headingOf.get(level.id)}\n\n${marker(cell?.completeness)}${cell?.text ? `${cell.text}\n\n` : ''}`
      for (const indicator of here) {
        body += `- ${indicator.markdown ?? indicator.text} {#${indicator.id}${indicator.age ? ` age=${indicator.age}` : ''}${indicator.related ? ` related=${indicator.related.join(',')}` : ''}}\n`
        if (indicator.resources) body += `${indicator.resources.split('\n').map((line) => `  ${line}`).join('\n')}\n`
      }
      body += '\n'
    }
    files.push([`domains/${String(i + 1).padStart(2, '0')}-${domain.id}.md`, 'domain', `---\nid: ${domain.id}\ntitle: ${domain.title}\n${domain.parent ? `parent: ${domain.parent}\n` : ''}${titlesAt(domain)}---\n\n${body}`])
  })
  const contact = (c: Contact) =>
    `## ${c.name} {#${c.id}}\n\n${[
      ...c.phones.map((p) => `- Phone${p.use ? ` (${p.use})` : ''}: ${p.number}${p.hours ? `\n  - Hours: ${p.hours.text}` : ''}`),
      ...(c.address ? [`- Address: ${c.address.join('\n  ')}`] : []),
      ...(c.hours ? [`- Hours: ${c.hours.text}`] : []), ...(c.email ? [`- Email: ${c.email}`] : []), ...(c.emergency ? ['- Emergency: yes'] : [])].join('\n')}\n`
  files.push(['contacts.md', 'contacts', `---\ntitle: ${framework.contactsTitle}\n---\n\n${framework.contacts.map(contact).join('\n')}`])
  files.push(['links.md', 'links', `---\ntitle: ${framework.linksTitle}\n---\n\n${framework.links.map((l) => `- [${l.text}](${l.url}) {#${l.id}}`).join('\n')}\n`])
  for (const section of framework.sections) files.push(['sections/01-about.md', 'section', `---\nid: ${section.id}\n---\n\n# ${section.title}\n\n${marker(section.completeness)}${section.body}\n`])
  return files
}

export function readBack(files: Array<[string, FileKind, string]>) {
  const folder: FrameworkFolder = {
    id: 'generated',
    dir: 'sources/generated',
    files: files.map(([relative, kind, text]) => ({ kind, source: createSourceFile(`sources/generated/${relative}`, relative, text), readable: true })),
    folderFile: createSourceFile('sources/generated/framework.md', 'framework.md', ''),
    unread: [],
  }
  const context = buildFramework(folder, { parse: parseMarkdown })
  const messages = folder.files.flatMap((file) => file.source.vfile.messages.map((message) => `${file.source.relative}:${message.line}:${message.column} ${message.reason}`))
  return { framework: JSON.parse(JSON.stringify(context.framework)) as Framework, messages }
}

