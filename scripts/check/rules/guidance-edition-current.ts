import { defineRule } from '../define-rule.ts'
import { settingPlace } from '../../parse/context.ts'

/** Statutory guidance changes practice (Working Together 2018 → 2023 → 2026); an old edition is a flag. */
export default defineRule({
  id: 'guidance-edition-current',
  severity: 'warning',
  description: 'The statutory guidance a framework cites is not an older edition than another framework in the same run cites.',
  compares: (framework) => framework.guidance,
  messages: {
    olderEdition: '“{{guidance}}” is cited in its {{edition}} edition, but “{{framework}}” cites the {{newest}} edition, expected the framework to be checked against the newer edition',
  },
  check({ framework, parsed, compared, report }) {
    const newest = new Map<string, { edition: number; framework: string }>()
    for (const other of compared)
      for (const guidance of other.value) {
        const key = guidance.title.toLowerCase().trim()
        const best = newest.get(key)
        if (!best || guidance.edition > best.edition) newest.set(key, { edition: guidance.edition, framework: other.id })
      }
    for (const [index, guidance] of framework.guidance.entries()) {
      const best = newest.get(guidance.title.toLowerCase().trim())
      if (!best || best.edition <= guidance.edition) continue
      const place = settingPlace(parsed, 'guidance')
      const frontMatter = place && parsed.frontMatters.get(place.file)
      report(place && frontMatter ? { file: place.file, position: frontMatter.locate(['guidance', index, 'edition']) } : framework, 'olderEdition', { guidance: guidance.title, edition: guidance.edition, framework: best.framework, newest: best.edition }, {
        expected: [String(best.edition)],
      })
    }
  },
})
