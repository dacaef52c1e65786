import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'unique-ids',
  severity: 'error',
  integrity: true,
  description: 'Every id is used once in a framework, so links and apps always find the right thing.',
  check({ parsed, report }) {
    const first = new Map<string, (typeof parsed.ids)[number]>()
    for (const entry of parsed.ids) {
      const earlier = first.get(entry.id)
      if (!earlier) {
        first.set(entry.id, entry)
        continue
      }
      report(entry.place, `The id “${entry.id}” is already used by a ${earlier.kind} in ${earlier.place.file.relative}, expected each id once: rename one of them`, {
        cause: { file: earlier.place.file, position: earlier.place.position, message: 'first defined here' },
      })
    }
  },
})
