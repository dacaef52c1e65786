import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Framework } from '../../model/types.ts'
import { link, SITE_NAME, type PageSpec } from '../layout.ts'
import { flatten, pages, type SiteFramework } from '../targets.ts'
import { count, dateText, factText, statusLabel } from '../words.ts'
import { sectionBlock } from './levels.ts'
import { contactDetails, frameworkCrumbs, heading, levelLink, md, siblingNav, sourceGap, webLink, type PagePlace } from './parts.ts'

/** The decision-making matrix as a data table: factors are row headers, levels column headers. */
export function matrixPage(site: SiteFramework): PageSpec | undefined {
  const matrix = site.framework.matrix
  if (!matrix) return undefined
  const page = pages.matrix(site.base)
  const place: PagePlace = { site, page }
  const cell = (factor: string, level: string) => matrix.cells.find((entry) => entry.factor === factor && entry.level === level)?.text ?? ''
  const captionId = 'th-matrix-caption'
  const content: ElementContent[] = []
  if (matrix.rule) content.push(h('p.lede', [h('strong', 'How to read it: '), matrix.rule]))
  content.push(...md(place, matrix.description, 2))
  content.push(
    h('div.table-scroll', { role: 'region', ariaLabelledBy: captionId, tabIndex: 0 }, [
      h('table.matrix', [
        h('caption', { id: captionId }, `${matrix.title}: each factor at each level of need`),
        h('thead', [
          h('tr', [
            h('th', { scope: 'col' }, matrix.factorHeading ?? 'Factor'),
            ...matrix.columns.map((id) => {
              const level = site.levelById.get(id)
              return h('th', { scope: 'col' }, level ? [levelLink(place, level)] : id)
            }),
          ]),
        ]),
        h(
          'tbody',
          matrix.factors.map((factor) =>
            h('tr', [h('th', { scope: 'row', id: factor.id }, factor.title), ...matrix.columns.map((level) => h('td', cell(factor.id, level)))]),
          ),
        ),
      ]),
    ]),
  )
  content.push(...md(place, matrix.notes, 2))
  return { path: page, heading: matrix.title, site, crumbs: frameworkCrumbs(site), content }
}

export function contactsPage(site: SiteFramework): PageSpec {
  const page = pages.contacts(site.base)
  const place: PagePlace = { site, page }
  const content: ElementContent[] = [
    h('p.lede', 'Phone numbers are links: on a phone, select one to call it.'),
    ...site.framework.contacts.map((contact) => contactDetails(place, contact, 2, contact.id)),
  ]
  return { path: page, heading: site.framework.contactsTitle ?? 'Contacts', site, crumbs: frameworkCrumbs(site), content }
}

export function linksPage(site: SiteFramework): PageSpec {
  const page = pages.links(site.base)
  const place: PagePlace = { site, page }
  const links = site.framework.links
  const pending = links.filter((entry) => entry.status === 'pending').length
  const content: ElementContent[] = [
    h('p.lede', `Every web address this framework uses${pending ? `. The ${count(pending, 'address', 'addresses')} marked “link to follow” ${pending === 1 ? 'is' : 'are'} not known yet` : ''}.`),
    links.length ? h('ul.links', links.map((entry) => h('li', { id: entry.id }, webLink(place, entry.id)))) : h('p', 'This framework lists no web addresses.'),
  ]
  return { path: page, heading: site.framework.linksTitle ?? 'Useful links', site, crumbs: frameworkCrumbs(site), content }
}

/** One page per top-level narrative section, its sub-sections as headings. */
export function sectionPages(site: SiteFramework): PageSpec[] {
  const siblings = site.framework.sections.map((section) => ({ title: section.title, page: pages.section(site.base, section.id) }))
  return site.framework.sections.map((section) => {
    const page = pages.section(site.base, section.id)
    const place: PagePlace = { site, page }
    const content: ElementContent[] = [...sourceGap(section.completeness, 'page'), ...md(place, section.body, 2), ...section.children.flatMap((child) => sectionBlock(place, child, 2))]
    content.push(siblingNav(place, 'Guidance in this framework', siblings))
    return { path: page, heading: section.title, site, crumbs: frameworkCrumbs(site), content }
  })
}

/** The framework's front page: what it is, the emergency route, and a way into every part. */
export function overviewPage(site: SiteFramework): PageSpec {
  const f = site.framework
  const page = pages.overview(site.base)
  const place: PagePlace = { site, page }
  const content: ElementContent[] = [h('p.lede', f.partnership), ...sourceGap(f.completeness, 'framework'), ...md(place, f.summary, 2)]

  const emergency = f.contacts.filter((contact) => contact.emergency)
  if (emergency.length)
    content.push(h('section.urgent', { ariaLabelledBy: 'th-urgent' }, [heading(2, 'If a child is in immediate danger', 'th-urgent'), ...emergency.map((contact) => contactDetails(place, contact, 3))]))

  const facts: Array<[string, Array<ElementContent | string>]> = [['Partnership', [f.partnership]]]
  if (f.region) facts.push(['Region', [f.region]])
  facts.push(['Version', [factText(f.version)]], ['Status', [factText(f.status, statusLabel)]])
  if (f.published) facts.push(['Published', [factText(f.published, dateText)]])
  if (f.reviewDue) facts.push(['Review due', [factText(f.reviewDue, dateText)]])
  if (f.changeNote) facts.push(['Why this version', [f.changeNote]])
  if (f.guidance.length) facts.push(['Statutory guidance', [f.guidance.map((guidance) => `${guidance.title} (${guidance.edition})`).join('; ')]])
  content.push(heading(2, 'About this framework'), h('dl.details', facts.map(([term, value]) => h('div', [h('dt', term), h('dd', value)]))))

  content.push(
    heading(2, 'Levels of need', 'th-levels'),
    h('p', 'From the least to the most serious. Each level says what it means, what to do, who to contact and when the family must agree.'),
    h(
      'ol.level-list',
      f.levels.map((level) =>
        h('li', [levelLink(place, level), ...(level.children.length ? [h('ul', level.children.map((child) => h('li', [levelLink(place, child)])))] : [])]),
      ),
    ),
  )

  content.push(
    heading(2, 'Domains', 'th-domains'),
    h('p', f.indicatorLayout === 'by-level' ? 'Each domain lists what a practitioner might see, level by level.' : 'Each domain lists strengths and protective factors, and needs and risks.'),
    h(
      'ul.domain-list',
      f.domains.map((domain) => {
        const n = flatten([domain]).reduce((sum, d) => sum + (site.indicatorsByDomain.get(d.id)?.length ?? 0), 0)
        return h('li', [
          link(page, pages.domain(site.base, domain.id), [domain.title]),
          ` (${count(n, 'indicator')})`,
          ...(domain.children.length ? [h('ul', domain.children.map((child) => h('li', [link(page, pages.domain(site.base, child.id), [child.title])])))] : []),
        ])
      }),
    ),
    h('p', [link(page, pages.indicators(site.base), [`Find an indicator among all ${count(f.indicators.length, 'indicator')}`])]),
  )

  if (f.matrix) content.push(heading(2, 'Decision-making matrix'), h('p', [link(page, pages.matrix(site.base), [f.matrix.title]), f.matrix.rule ? `: ${f.matrix.rule}` : '']))
  if (f.sections.length)
    content.push(heading(2, 'Guidance in this framework'), h('ul.section-list', f.sections.map((section) => h('li', [link(page, pages.section(site.base, section.id), [section.title])]))))
  content.push(
    heading(2, 'Contacts and links'),
    h('ul', [
      h('li', [link(page, pages.contacts(site.base), [`All ${count(f.contacts.length, 'contact')}, with phone numbers and hours`])]),
      h('li', [link(page, pages.links(site.base), [`Useful links (${f.links.length})`])]),
    ]),
  )
  return { path: page, heading: f.title, site, crumbs: [{ text: 'Home', page: pages.home }], content }
}

export function homePage(frameworks: readonly Framework[]): PageSpec {
  const page = pages.home
  const content: ElementContent[] = [
    h('p.lede', 'Threshold frameworks help everyone who works with children recognise what a child needs and where to go for help.'),
    frameworks.length
      ? h(
          'ul.framework-list',
          frameworks.map((f) =>
            h('li', [
              h('h2', [link(page, pages.overview(f.id), [f.title])]),
              h('p', f.partnership),
              h('p.meta', `Version ${f.version}, ${statusLabel(f.status)}. ${count(f.levels.length, 'level')} of need, ${count(f.indicators.length, 'indicator')}.`),
            ]),
          ),
        )
      : h('p', 'No frameworks yet.'),
  ]
  return { path: page, heading: SITE_NAME, content }
}
