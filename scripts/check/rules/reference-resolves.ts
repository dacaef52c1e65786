import type { Level } from '../../model/types.ts'
import { levelName } from '../../model/flat.ts'
import { SuggestionIndex } from '../../shared/suggestions.ts'
import { defineRule } from '../define-rule.ts'

/** Ids named in settings (a level's parent, a domain's parent, an indicator's related ones) exist. */
export default defineRule({
  id: 'reference-resolves',
  severity: 'error',
  integrity: true,
  description: 'Every id named in a setting (`parent`, `related`, `titleAtLevel`) belongs to something of the right kind.',
  messages: {
    // The closest id of the right kind, if any, is in `expected`, shown as “did you mean”.
    levelParentUnknown: 'Level “{{level}}” names the parent “{{parent}}”, which is not a level',
    levelParentItself: 'Level “{{level}}” names itself as its parent',
    levelTooDeep: 'Level “{{level}}” is under “{{parent}}”, which is itself a sub-level, expected sub-levels only one deep',
    domainParentUnknown: 'Domain “{{domain}}” names the parent “{{parent}}”, which is not a domain',
    domainTooDeep: 'Domain “{{domain}}” is under “{{parent}}”, which is itself a sub-domain, expected sub-domains only one deep',
    relatedUnknown: 'The indicator “{{indicator}}” names “{{related}}” as related, which is not an indicator',
    relatedItself: 'The indicator “{{indicator}}” names itself as related, expected the id of the same concern at another level',
    titleAtUnknownLevel: 'Domain “{{domain}}” has a title at “{{level}}”, which is not a level',
  },
  check({ parsed, report }) {
    // One suggestion index per kind, built once, however many references are broken.
    const indexes = new Map<string, SuggestionIndex>()
    const index = (kind: string) => {
      let found = indexes.get(kind)
      if (!found) indexes.set(kind, (found = new SuggestionIndex(parsed.ids.filter((entry) => entry.kind === kind).map((entry) => entry.id))))
      return found
    }
    const closest = (id: string, kind: string) => index(kind).closest(id)
    for (const { level } of parsed.flatLevels) {
      if (!level.parent) continue
      const parent = parsed.byId.get(level.parent)
      if (!parent || parent.kind !== 'level') report(level, 'levelParentUnknown', { level: levelName(level), parent: level.parent }, { expected: closest(level.parent, 'level') })
      // Before the depth check: a level naming itself has a parent, so it would read as “itself a sub-level”.
      else if (parent.node === level) report(level, 'levelParentItself', { level: levelName(level) })
      else if ((parent.node as Level).parent) report(level, 'levelTooDeep', { level: levelName(level), parent: level.parent })
    }
    for (const domain of parsed.flatDomains) {
      if (!domain.parent) continue
      const parent = parsed.byId.get(domain.parent)
      if (!parent || parent.kind !== 'domain') report(domain, 'domainParentUnknown', { domain: domain.title, parent: domain.parent }, { expected: closest(domain.parent, 'domain') })
      else if ((parent.node as { parent?: string }).parent) report(domain, 'domainTooDeep', { domain: domain.title, parent: domain.parent })
    }
    for (const domain of parsed.flatDomains)
      for (const level of Object.keys(domain.titleAtLevel ?? {})) {
        const target = parsed.byId.get(level)
        if (!target || target.kind !== 'level')
          report(domain.titleAtLevel ?? domain, 'titleAtUnknownLevel', { domain: domain.title, level }, { expected: closest(level, 'level') })
      }
    for (const indicator of parsed.framework.indicators)
      for (const related of indicator.related ?? []) {
        const target = parsed.byId.get(related)
        // At the `{...}` that names it (the indicator itself when no place was kept).
        const at = indicator.related ?? indicator
        if (!target || target.kind !== 'indicator') report(at, 'relatedUnknown', { indicator: indicator.text, related }, { expected: closest(related, 'indicator') })
        else if (target.node === indicator) report(at, 'relatedItself', { indicator: indicator.text })
      }
  },
})
