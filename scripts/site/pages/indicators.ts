import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import { levelName } from '../../model/flat.ts'
import type { Level } from '../../model/types.ts'
import { link, type PageSpec } from '../layout.ts'
import { pages, type SiteFramework } from '../targets.ts'
import { count } from '../words.ts'
import { indicatorContent } from './domains.ts'
import { frameworkCrumbs, type PagePlace } from './parts.ts'

/** Ids the filter script looks for. */
export const FILTER_IDS = { form: 'th-filter', text: 'th-filter-text', level: 'th-filter-level', polarity: 'th-filter-polarity', status: 'th-filter-status' }

/**
 * Every indicator on one page, by domain. The filter form is hidden until assets/filter.js shows
 * it, so without JavaScript the page is simply the whole list.
 */
export function indicatorsPage(site: SiteFramework): PageSpec {
  const page = pages.indicators(site.base)
  const place: PagePlace = { site, page }
  const all = site.framework.indicators
  const withLevel = all.some((indicator) => indicator.level)
  const polarities = new Set(all.map((indicator) => indicator.polarity))
  const ancestors = (level: Level | undefined): string[] => (level ? [level.id, ...ancestors(level.parent ? site.levelById.get(level.parent) : undefined)] : [])

  const fields: ElementContent[] = [
    h('div.field', [h('label', { htmlFor: FILTER_IDS.text }, 'Words in the indicator'), h('input', { type: 'search', id: FILTER_IDS.text, name: 'q', autoComplete: 'off' })]),
  ]
  if (withLevel)
    fields.push(
      h('div.field', [
        h('label', { htmlFor: FILTER_IDS.level }, 'Level of need'),
        h('select', { id: FILTER_IDS.level, name: 'level' }, [
          h('option', { value: '' }, 'Any level'),
          ...site.levels.map((level) => h('option', { value: level.id }, `${level.parent ? '– ' : ''}${levelName(level)}`)),
        ]),
      ]),
    )
  if (polarities.size > 1)
    fields.push(
      h('div.field', [
        h('label', { htmlFor: FILTER_IDS.polarity }, 'Strength or need'),
        h('select', { id: FILTER_IDS.polarity, name: 'polarity' }, [h('option', { value: '' }, 'Either'), h('option', { value: 'strength' }, 'Strengths'), h('option', { value: 'need' }, 'Needs')]),
      ]),
    )

  const groups = site.domains
    .map((domain) => ({ domain, indicators: site.indicatorsByDomain.get(domain.id) ?? [] }))
    .filter((group) => group.indicators.length)
    .map(({ domain, indicators }) => {
      const id = `th-domain-${domain.id}`
      return h('section.indicator-group', { ariaLabelledBy: id }, [
        h('h2', { id }, [link(page, pages.domain(site.base, domain.id), [domain.title])]),
        h(
          'ul.indicators',
          indicators.map((indicator) => {
            const level = indicator.level ? site.levelById.get(indicator.level) : undefined
            return h('li', { dataLevels: ancestors(level).join(' '), dataPolarity: indicator.polarity }, indicatorContent(place, indicator, { polarity: polarities.size > 1, level: true }))
          }),
        ),
      ])
    })

  const content: ElementContent[] = [
    h('p.lede', `All ${count(all.length, 'indicator')} of this framework, by domain. Each names the level it is listed at; the level’s page says what to do.`),
    h('form.filter', { id: FILTER_IDS.form, role: 'search', ariaLabel: 'Filter the indicators', hidden: true, dataTotal: String(all.length) }, [
      ...fields,
      h('p.filter-status', { id: FILTER_IDS.status, role: 'status' }),
    ]),
    ...groups,
    h('p.filter-empty', { hidden: true }, 'No indicator matches. Try fewer or different words, or another level.'),
  ]
  return { path: page, heading: 'Find an indicator', site, crumbs: frameworkCrumbs(site), content, scripts: ['filter.js'] }
}
