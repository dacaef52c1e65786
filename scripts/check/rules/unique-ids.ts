import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'unique-ids',
  severity: 'error',
  integrity: true,
  description: 'Every id is used once in a framework, so links and apps always find the right thing.',
  messages: {
    duplicate: 'The id “{{id}}” is already used by a {{kind}} in {{file}}, expected each id once: rename one of them',
  },
  check({ parsed, report }) {
    const first = new Map<string, (typeof parsed.ids)[number]>()
    for (const entry of parsed.ids) {
      const earlier = first.get(entry.id)
      if (!earlier) {
        first.set(entry.id, entry)
        continue
      }
      report(entry.place, 'duplicate', { id: entry.id, kind: earlier.kind, file: earlier.place.file.relative }, {
        cause: { file: earlier.place.file, position: earlier.place.position, message: 'first defined here' },
      })
    }
  },
})
