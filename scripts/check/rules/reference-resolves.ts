import type { Level } from '../../model/types.ts'
import { closest } from '../../shared/text.ts'
import { levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

/** Ids named in settings (a level's parent, a domain's parent, an indicator's related ones) exist. */
export default defineRule({
  id: 'reference-resolves',
  severity: 'error',
  integrity: true,
  description: 'Every id named in a setting (`parent`, `related`) belongs to something of the right kind.',
  check({ parsed, report }) {
    const ofKind = (kind: string) => parsed.ids.filter((entry) => entry.kind === kind).map((entry) => entry.id)
    const suggest = (id: string, kind: string) => {
      const [best] = closest(id, ofKind(kind))
      return best ? `, did you mean “${best}”?` : ''
    }
    for (const { level } of parsed.flatLevels) {
      if (!level.parent) continue
      const parent = parsed.byId.get(level.parent)
      if (!parent || parent.kind !== 'level') report(level, `Level “${levelName(level)}” names the parent “${level.parent}”, which is not a level${suggest(level.parent, 'level')}`, { expected: closest(level.parent, ofKind('level')) })
      // Before the depth check: a level naming itself has a parent, so it would read as “itself a sub-level”.
      else if (parent.node === level) report(level, `Level “${levelName(level)}” names itself as its parent`)
      else if ((parent.node as Level).parent) report(level, `Level “${levelName(level)}” is under “${level.parent}”, which is itself a sub-level, expected sub-levels only one deep`)
    }
    for (const domain of parsed.flatDomains) {
      if (!domain.parent) continue
      const parent = parsed.byId.get(domain.parent)
      if (!parent || parent.kind !== 'domain') report(domain, `Domain “${domain.title}” names the parent “${domain.parent}”, which is not a domain${suggest(domain.parent, 'domain')}`, { expected: closest(domain.parent, ofKind('domain')) })
      else if ((parent.node as { parent?: string }).parent) report(domain, `Domain “${domain.title}” is under “${domain.parent}”, which is itself a sub-domain, expected sub-domains only one deep`)
    }
    for (const indicator of parsed.framework.indicators)
      for (const related of indicator.related ?? []) {
        const target = parsed.byId.get(related)
        if (!target || target.kind !== 'indicator')
          report(indicator, `The indicator names “${related}” as related, which is not an indicator${suggest(related, 'indicator')}`, { expected: closest(related, ofKind('indicator')) })
      }
  },
})
