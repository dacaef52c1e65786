import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { levelName } from '../../model/flat.ts'
import type { Domain, Indicator, Level, Polarity } from '../../model/types.ts'
import { link, type PageSpec } from '../layout.ts'
import { pages, type SiteFramework } from '../targets.ts'
import { ageLabel, polarityHeading, polarityLabel } from '../words.ts'
import { frameworkCrumbs, heading, levelLink, md, siblingNav, sourceGap, type PagePlace } from './parts.ts'

const POLARITIES: Polarity[] = ['strength', 'need']

/** One page per domain (sub-domains too): its indicators by level, or as strengths and needs. */
export function domainPages(site: SiteFramework): PageSpec[] {
  const siblings = site.domains.map((domain) => ({ title: domain.title, page: pages.domain(site.base, domain.id) }))
  return site.domains.map((domain) => {
    const page = pages.domain(site.base, domain.id)
    const place: PagePlace = { site, page }
    const parent = domain.parent ? site.domainById.get(domain.parent) : undefined
    const content: ElementContent[] = []
    if (parent) content.push(h('p.lede', ['Part of ', link(page, pages.domain(site.base, parent.id), [parent.title]), '.']))
    content.push(...sourceGap(domain.completeness, 'page'), ...md(place, domain.description, 2))
    if (domain.children.length)
      content.push(heading(2, 'Parts of this domain'), h('ul', domain.children.map((child) => h('li', [link(page, pages.domain(site.base, child.id), [child.title])]))))
    content.push(...indicatorGroups(place, domain, site.indicatorsByDomain.get(domain.id) ?? [], domain.children.length > 0))
    content.push(siblingNav(place, 'Domains', siblings))
    return { path: page, heading: domain.title, site, crumbs: frameworkCrumbs(site), content }
  })
}

/**
 * By level, every level is shown, so a level with no indicators in this domain is visible as a
 * gap; strengths and needs not tied to a level are two lists.
 */
function indicatorGroups(place: PagePlace, domain: Domain, indicators: Indicator[], groupsOnly: boolean): ElementContent[] {
  const { site } = place
  // What the source writes under a list's heading, shown with that list.
  const cellsAt = (level: string | undefined, polarity: Polarity | undefined) => (domain.cells ?? []).filter((cell) => cell.level === level && cell.polarity === polarity)
  const cellText = (level: string | undefined, polarity: Polarity | undefined): ElementContent[] =>
    cellsAt(level, polarity).flatMap((cell) => [...sourceGap(cell.completeness, 'list'), ...md(place, cell.text, 3)])
  const gapAt = (level: string | undefined) => cellsAt(level, undefined).some((cell) => cell.completeness)
  if (groupsOnly && indicators.length === 0) return []
  const out: ElementContent[] = []
  const byLevel = site.framework.indicatorLayout === 'by-level'
  const levels: Array<Level | undefined> = byLevel ? [...site.levels] : site.levels.filter((level) => indicators.some((indicator) => indicator.level === level.id))
  if (indicators.some((indicator) => !indicator.level)) levels.push(undefined)
  for (const level of levels) {
    const here = indicators.filter((indicator) => indicator.level === level?.id)
    if (!level && !byLevel && levels.length === 1) {
      // Strengths and needs, no levels: the two lists are the page's sections.
      for (const polarity of POLARITIES) {
        const list = here.filter((indicator) => indicator.polarity === polarity)
        const text = cellText(undefined, polarity)
        // A list the source lost is shown with its note even with no indicators.
        if (list.length || text.length) out.push(heading(2, polarityHeading(polarity)), ...text, ...(list.length ? [indicatorList(place, list, { polarity: false })] : []))
      }
      continue
    }
    out.push(heading(2, level ? [levelLink(place, level)] : 'Not placed at a level'), ...titleAt(domain, level), ...cellText(level?.id, undefined))
    if (here.length === 0) {
      if (!gapAt(level?.id)) out.push(h('p.gap', 'No indicators are listed at this level.'))
      continue
    }
    const polarities = POLARITIES.filter((polarity) => here.some((indicator) => indicator.polarity === polarity))
    if (polarities.length > 1)
      for (const polarity of polarities) out.push(heading(3, polarityHeading(polarity)), ...cellText(level?.id, polarity), indicatorList(place, here.filter((indicator) => indicator.polarity === polarity), { polarity: false }))
    else out.push(indicatorList(place, here, { polarity: here[0]?.polarity === 'strength' }))
  }
  return out
}

/** The source's own heading for this domain at this level, where it differs. */
function titleAt(domain: Domain, level: Level | undefined): ElementContent[] {
  // Own keys only: a level may be called “constructor”.
  const title = level && domain.titleAtLevel && Object.hasOwn(domain.titleAtLevel, level.id) ? domain.titleAtLevel[level.id] : undefined
  return title ? [h('p.level-title', ['At this level the source calls this domain ', h('strong', title), '.'])] : []
}

export function indicatorList(place: PagePlace, indicators: Indicator[], show: { polarity: boolean }): Element {
  return h('ul.indicators', indicators.map((indicator) => h('li', { id: indicator.id }, indicatorContent(place, indicator, { ...show, level: false }))))
}

/** The indicator's words, then small labels: level, strength or need, age, and related indicators. */
export function indicatorContent(place: PagePlace, indicator: Indicator, show: { polarity: boolean; level: boolean }): ElementContent[] {
  const { site } = place
  const labels: Array<ElementContent | string> = []
  const level = indicator.level ? site.levelById.get(indicator.level) : undefined
  if (show.level && level) labels.push(h('span.label.label-level', [levelLink(place, level)]))
  if (show.polarity) labels.push(h(`span.label.label-${indicator.polarity}`, polarityLabel(indicator.polarity)))
  if (indicator.age) labels.push(h('span.label', `Age: ${ageLabel(indicator.age)}`))
  const out: ElementContent[] = [h('span.indicator-text', indicatorWords(place, indicator))]
  if (labels.length) out.push({ type: 'text', value: ' ' }, h('span.labels', labels))
  // Services and resources the source lists under the indicator.
  if (indicator.resources) out.push(h('div.resources', md(place, indicator.resources, 4)))
  const related = relatedTo(site, indicator)
  if (related.length)
    out.push(
      h('span.related', [
        'Related: ',
        ...related.flatMap((other, index) => {
          const otherLevel = other.level ? site.levelById.get(other.level) : undefined
          const words = otherLevel ? `${other.text} (${levelName(otherLevel)})` : other.text
          // The page that shows it: its domain's, or its level's for a level's own list.
          const target = site.targets.get(other.id)
          const to = target?.kind === 'page' ? link(place.page, target.page, [words], target.anchor) : words
          return [...(index ? ['; '] : []), to]
        }),
      ]),
    )
  return out
}

/** The words with their emphasis and links when the source has them: one paragraph, shown inline. */
function indicatorWords(place: PagePlace, indicator: Indicator): ElementContent[] | string {
  if (!indicator.markdown) return indicator.text
  const blocks = md(place, indicator.markdown, 4).filter((node) => node.type !== 'text' || node.value.trim() !== '')
  const inline = blocks.flatMap((node, index): ElementContent[] => [
    ...(index ? [{ type: 'text' as const, value: ' ' }] : []),
    ...(node.type === 'element' && node.tagName === 'p' ? node.children : [node]),
  ])
  return inline.length ? inline : indicator.text
}

/** Indicators that name each indicator as related, by id: built once per framework. */
const namedBy = new WeakMap<SiteFramework, Map<string, Indicator[]>>()

/**
 * The same concern elsewhere, both ways: those this indicator names, then those that name it
 * (“poor supervision” at Level 4 links back to Level 2's), each once.
 */
function relatedTo(site: SiteFramework, indicator: Indicator): Indicator[] {
  let back = namedBy.get(site)
  if (!back) {
    back = new Map()
    for (const other of site.framework.indicators) for (const id of other.related ?? []) back.set(id, [...(back.get(id) ?? []), other])
    namedBy.set(site, back)
  }
  const named = (indicator.related ?? []).flatMap((id) => site.indicatorById.get(id) ?? [])
  return [...new Set([...named, ...(back.get(indicator.id) ?? [])])].filter((other) => other !== indicator)
}
