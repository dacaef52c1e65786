import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Level, Section } from '../../model/types.ts'
import { levelName } from '../../model/flat.ts'
import { link, type PageSpec } from '../layout.ts'
import { pages, relativeHref, type SiteFramework } from '../targets.ts'
import { count, familyAgreementText } from '../words.ts'
import { indicatorList } from './domains.ts'
import { contactDetails, frameworkCrumbs, heading, md, siblingNav, sourceGap, type PagePlace } from './parts.ts'

/** One page per top-level level: what it means, what to do, consent, contacts; its sub-levels below. */
export function levelPages(site: SiteFramework): PageSpec[] {
  const tops = site.framework.levels
  return tops.map((level, index) => {
    const page = pages.level(site.base, level.id)
    const place: PagePlace = { site, page }
    const content: ElementContent[] = [
      h('p.lede', `Level ${index + 1} of ${tops.length}, from the least to the most serious need.`),
      ...sourceGap(level.completeness, 'page'),
      ...md(place, level.description, 2),
    ]
    if (level.children.length)
      content.push(
        h('p', `This level has ${count(level.children.length, 'part')}:`),
        h('ul', level.children.map((child) => h('li', [link(page, page, [levelName(child)], child.id)]))),
      )
    content.push(...levelBody(place, level, 2))
    for (const child of level.children)
      content.push(h('section.sub-level', [heading(2, levelName(child), child.id), ...sourceGap(child.completeness, 'section'), ...md(place, child.description, 3), ...levelBody(place, child, 3)]))
    content.push(siblingNav(place, 'Levels of need', tops.map((top) => ({ title: levelName(top), page: pages.level(site.base, top.id) }))))
    return { path: page, heading: levelName(level), site, crumbs: frameworkCrumbs(site), content }
  })
}

function levelBody(place: PagePlace, level: Level, depth: number): ElementContent[] {
  const { site } = place
  const out: ElementContent[] = []
  if (level.whatToDo || level.whatToDoCompleteness) out.push(heading(depth, 'What to do'), ...sourceGap(level.whatToDoCompleteness, 'section'), ...md(place, level.whatToDo, depth + 1))
  if (level.familyAgreement || level.consent || level.consentCompleteness) {
    out.push(heading(depth, 'Information sharing and consent'), ...sourceGap(level.consentCompleteness, 'section'))
    if (level.familyAgreement)
      out.push(h('p.agreement', [h('strong', 'Family agreement: '), familyAgreementText(level.familyAgreement), ...(level.familyAgreementCondition ? [' ', level.familyAgreementCondition] : [])]))
    out.push(...md(place, level.consent, depth + 1))
  }
  const contacts = level.contacts.flatMap((id) => site.contactById.get(id) ?? [])
  if (contacts.length) out.push(heading(depth, 'Contacts'), ...contacts.map((contact) => contactDetails(place, contact, depth + 1)))
  // The level's own list, under no domain: shown here, since no domain page lists it.
  const own = site.framework.indicators.filter((indicator) => indicator.level === level.id && indicator.domain === undefined)
  if (own.length) out.push(heading(depth, 'Indicators'), indicatorList(place, own, { polarity: own.some((indicator) => indicator.polarity === 'strength') }))
  for (const section of level.sections) out.push(...sectionBlock(place, section, depth))
  const indicators = site.framework.indicators.filter((indicator) => indicator.level === level.id).length
  if (indicators)
    out.push(
      h('p.indicators-link', [
        h('a', { href: `${relativeHref(place.page, pages.indicators(site.base))}?level=${encodeURIComponent(level.id)}` }, `See the ${count(indicators, 'indicator')} listed at ${levelName(level)}`),
      ]),
    )
  return out
}

/** A narrative section and its sub-sections, headings one step down per level. */
export function sectionBlock(place: PagePlace, section: Section, depth: number): ElementContent[] {
  return [
    heading(depth, section.title, section.id),
    ...sourceGap(section.completeness, 'section'),
    ...md(place, section.body, depth + 1),
    ...section.children.flatMap((child) => sectionBlock(place, child, depth + 1)),
  ]
}
