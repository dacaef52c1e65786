import type { Domain } from '../../model/types.ts'
import { flatLevels, levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

/**
 * Where indicators sit at levels, a domain with nothing at a level that other domains fill is
 * usually a row lost in transcription (a table row whose cells shifted). A warning: some
 * sources really have nothing to say there, and the reason then goes in a suppression.
 */
export default defineRule({
  id: 'domain-covers-levels',
  severity: 'warning',
  description: 'Where indicators are placed at levels, every domain has indicators at every level that any domain has indicators at.',
  check({ framework, report }) {
    if (framework.indicatorLayout !== 'by-level') return
    const topOf = new Map<string, Domain>()
    for (const domain of framework.domains) {
      topOf.set(domain.id, domain)
      for (const child of domain.children) topOf.set(child.id, domain)
    }
    const levels = flatLevels(framework)
    const used = new Set(framework.indicators.map((indicator) => indicator.level))
    const covered = new Map<Domain, Set<string>>()
    for (const indicator of framework.indicators) {
      const domain = topOf.get(indicator.domain)
      if (!domain || !indicator.level) continue
      let set = covered.get(domain)
      if (!set) covered.set(domain, (set = new Set()))
      set.add(indicator.level)
    }
    // A list the source marks as partial or missing is a known gap: source-incomplete lists it.
    const known = new Map<Domain, Set<string>>()
    for (const domain of framework.domains)
      for (const part of [domain, ...domain.children]) {
        for (const cell of part.cells ?? []) if (cell.completeness && cell.level) known.set(domain, (known.get(domain) ?? new Set()).add(cell.level))
      }
    for (const domain of framework.domains) {
      const has = covered.get(domain) ?? new Set()
      if (has.size === 0 || domain.completeness) continue // level-has-indicators and the domain's own emptiness speak for this
      const gaps = known.get(domain) ?? new Set()
      const missing = levels.filter((level) => used.has(level.id) && !has.has(level.id) && !gaps.has(level.id))
      if (missing.length === 0) continue
      const names = missing.map((level) => `“${levelName(level)}”`)
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
      // No “did you mean”: the message names the levels already, and nothing was mistyped.
      report(domain, `Domain “${domain.title}” has no indicators at ${list}, while other domains do: add them under “## ${missing[0]?.label ?? missing[0]?.title}” in this file, or write “Missing from the source: …” there with the reason the source has none`)
    }
  },
})
