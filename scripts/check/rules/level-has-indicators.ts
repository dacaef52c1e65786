import type { Level } from '../../model/types.ts'
import { levelsLacking } from '../levels.ts'
import { flatLevels, levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

/**
 * With indicators placed at levels, each level needs some. A sub-level with none of its own is
 * covered by its parent's (Solihull's “Universal plus”), and a parent by its children's.
 * Where indicators are strengths and needs, a level is described by its matrix column or text.
 */
export default defineRule({
  id: 'level-has-indicators',
  severity: 'error',
  description: 'Every level can be recognised: it has indicators, or (where indicators are not placed at levels) a matrix column or a description.',
  messages: {
    noIndicators: 'Level “{{level}}” has no indicators, expected at least one bullet point under a “## {{heading}}” heading in a domain file',
    notDescribed: 'Level “{{level}}” has no matrix column and no description, expected one of them so practitioners can recognise it',
  },
  check({ framework, parsed, report }) {
    if (framework.indicatorLayout === 'by-level') {
      // A level's own list (under no domain) does not count: the coverage rules read domain lists only.
      const placed = new Set<string | undefined>(framework.indicators.filter((indicator) => indicator.domain !== undefined).map((indicator) => indicator.level))
      // A list not read because of a problem already reported (a heading naming several levels, or no
      // level under the level's own heading) would have been its indicators: the cause is said once.
      for (const id of parsed.levelsWithUnreadLists) placed.add(id)
      // A level whose lists the source marks as partial or missing is a known gap, listed by source-incomplete.
      for (const domain of framework.domains)
        for (const part of [domain, ...domain.children]) for (const cell of part.cells ?? []) if (cell.completeness && cell.level) placed.add(cell.level)
      for (const level of levelsLacking(framework, (l) => placed.has(l.id)))
        report(level, 'noIndicators', { level: levelName(level), heading: level.title })
      return
    }
    const columns = new Set(framework.matrix?.columns ?? [])
    const described = (level: Level) => columns.has(level.id) || level.children.some((child) => columns.has(child.id)) || Boolean(level.description?.trim())
    for (const level of flatLevels(framework))
      if (!described(level)) report(level, 'notDescribed', { level: levelName(level) })
  },
})
