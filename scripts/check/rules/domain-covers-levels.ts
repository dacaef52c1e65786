import type { Domain } from '../../model/types.ts'
import { flatLevels, levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

/**
 * Where indicators sit at levels, a domain with nothing at a level that other domains fill is
 * usually a row lost in transcription (a table row whose cells shifted). A warning: some
 * sources really have nothing to say there, and the reason then goes in a suppression.
 * Each list is checked where it is written: a sub-domain (Health under “Child's developmental
 * needs”) on its own, so one sub-domain cannot cover for another.
 */
export default defineRule({
  id: 'domain-covers-levels',
  severity: 'warning',
  description:
    'Where indicators are placed at levels, every domain (each sub-domain on its own) has indicators at every level that any domain has indicators at.',
  messages: {
    gap: 'Domain “{{domain}}” has no indicators at {{levels}}, while other domains do: add them under “## {{heading}}” in this file, or write “Missing from the source: …” there with the reason the source has none',
    subDomainGap:
      'Domain “{{domain}}” (part of “{{parent}}”) has no indicators at {{levels}}, while other domains do: add them under “## {{heading}}” in this file, or write “Missing from the source: …” there with the reason the source has none',
  },
  check({ framework, report }) {
    if (framework.indicatorLayout !== 'by-level') return
    const levels = flatLevels(framework)
    // A level's own list (under no domain) does not count: the coverage rules read domain lists only.
    const inDomains = framework.indicators.filter((indicator) => indicator.domain !== undefined)
    const used = new Set(inDomains.map((indicator) => indicator.level))
    const covered = new Map<string, Set<string>>()
    for (const indicator of inDomains) {
      if (!indicator.domain || !indicator.level) continue
      let set = covered.get(indicator.domain)
      if (!set) covered.set(indicator.domain, (set = new Set()))
      set.add(indicator.level)
    }
    for (const top of framework.domains)
      for (const domain of [top, ...top.children]) {
        const has = covered.get(domain.id) ?? new Set()
        // No list of its own (a domain that only groups sub-domains, or an empty one): level-has-indicators and content-not-empty speak for it.
        if (has.size === 0 || domain.completeness || (domain !== top && top.completeness)) continue
        // A list the source marks as partial or missing is a known gap: source-incomplete lists it.
        const gaps = new Set((domain.cells ?? []).flatMap((cell) => (cell.completeness && cell.level ? [cell.level] : [])))
        const missing = levels.filter((level) => used.has(level.id) && !has.has(level.id) && !gaps.has(level.id))
        if (missing.length === 0) continue
        const names = missing.map((level) => `“${levelName(level)}”`)
        const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
        // No “did you mean”: the message names the levels already, and nothing was mistyped.
        const data = { domain: domain.title, levels: list ?? '', heading: missing[0]?.label ?? missing[0]?.title ?? '' }
        if (domain === top) report(domain, 'gap', data)
        else report(domain, 'subDomainGap', { ...data, parent: top.title })
      }
  },
})
