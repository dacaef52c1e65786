import type { Completeness, Domain, Section } from '../../model/types.ts'
import { flatLevels, levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

/**
 * Gaps the source document itself has (a web version cut off, a page lost), marked by the author
 * with “Partial in the source:” or “Missing from the source:”. The coverage rules leave them
 * alone; this warning keeps every one of them in sight until the partnership fills it.
 */
export default defineRule({
  id: 'source-incomplete',
  severity: 'warning',
  description: 'Lists every place the source document is marked as partial or missing, so known gaps stay visible.',
  messages: {
    partial: '{{what}} is partial in the source document (“{{reason}}”), expected it filled in once the partnership supplies the text',
    missing: '{{what}} is missing from the source document (“{{reason}}”), expected it filled in once the partnership supplies the text',
  },
  check({ framework, parsed, report: reportAt }) {
    // At the “Partial in the source:” line itself.
    const file = (place: object, { completeness, what }: { completeness: Completeness; what: string }) =>
      reportAt(place, completeness.status === 'partial' ? 'partial' : 'missing', { what, reason: completeness.reason })
    const report = (owner: object, message: { completeness: Completeness; what: string }) => {
      const marker = markerOf(owner)
      file((marker && parsed.places.get(marker)) ?? owner, message)
    }
    const say = (completeness: Completeness, what: string) => ({ completeness, what })
    const levelTitle = new Map(flatLevels(framework).map((level) => [level.id, levelName(level)]))
    if (framework.completeness) report(framework, say(framework.completeness, `The framework “${framework.title}”`))
    for (const level of flatLevels(framework)) {
      if (level.completeness) report(level, say(level.completeness, `Level “${levelName(level)}”`))
      if (level.whatToDoCompleteness) file(parsed.places.get(level.whatToDoCompleteness) ?? level, say(level.whatToDoCompleteness, `“What to do” at level “${levelName(level)}”`))
      if (level.consentCompleteness) file(parsed.places.get(level.consentCompleteness) ?? level, say(level.consentCompleteness, `The consent text at level “${levelName(level)}”`))
      eachSection(level.sections, (section) => section.completeness && report(section, say(section.completeness, `The section “${section.title}”`)))
    }
    const domains: Domain[] = framework.domains.flatMap((domain) => [domain, ...domain.children])
    for (const domain of domains) {
      if (domain.completeness) report(domain, say(domain.completeness, `Domain “${domain.title}”`))
      for (const cell of domain.cells ?? []) {
        if (!cell.completeness) continue
        const list = [cell.level ? `at “${levelTitle.get(cell.level) ?? cell.level}”` : '', cell.polarity ? `(${cell.polarity === 'strength' ? 'strengths' : 'needs'})` : ''].filter(Boolean).join(' ')
        report(cell, say(cell.completeness, `The list of “${domain.title}”${list ? ` ${list}` : ''}`))
      }
    }
    eachSection(framework.sections, (section) => section.completeness && report(section, say(section.completeness, `The section “${section.title}”`)))
  },
})

function markerOf(owner: object): Completeness | undefined {
  return (owner as { completeness?: Completeness }).completeness
}

function eachSection(sections: readonly Section[], visit: (section: Section) => unknown): void {
  const stack = [...sections]
  while (stack.length) {
    const section = stack.shift() as Section
    visit(section)
    stack.unshift(...section.children)
  }
}
