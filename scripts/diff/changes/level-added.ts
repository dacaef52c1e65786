import { titled } from '../context.ts'
import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'level-added',
  impact: 'practice',
  label: 'Level added',
  covers: ['levels[]', 'levels[].children[]'],
  inverse: 'level-removed',
  description: 'A new level of need (or sub-level): the continuum practitioners work with has another step.',
  detect({ levels }) {
    return levels.added.map((level) => ({ subject: { type: 'level', new: titled(level) } }))
  },
})
