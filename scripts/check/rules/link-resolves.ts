import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'link-resolves',
  severity: 'error',
  description: 'Every link inside the framework goes somewhere: an id, a heading, or another file of the framework.',
  check({ parsed, report }) {
    for (const [use, resolution] of parsed.resolutions) {
      if (resolution.kind !== 'broken' || isPlaceholder(use.url)) continue
      const suggestion = resolution.suggestions[0]
      report({ file: use.file, position: use.position }, `The link “${use.text}” ${resolution.reason}${suggestion ? `, did you mean “${suggestion}”?` : ', expected an id, a heading in this file, or a file of this framework'}`, {
        expected: resolution.suggestions,
      })
    }
  },
})

/** `#`, an empty target and TODO-style words are placeholders, reported by link-not-placeholder. */
export function isPlaceholder(url: string): boolean {
  return /^\s*(#?|#?(todo|tbc|tbd|xxx|fixme|link|url|placeholder)|https?:\/\/(#|example\.com\/?)?)\s*$/i.test(url)
}
