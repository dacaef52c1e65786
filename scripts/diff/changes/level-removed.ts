import { titled } from '../context.ts'
import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'level-removed',
  impact: 'practice',
  label: 'Level removed',
  covers: ['levels[]', 'levels[].children[]'],
  inverse: 'level-added',
  description: 'A level of need (or sub-level) is gone: its indicators are reported as moved or removed one by one.',
  detect({ levels }) {
    return levels.removed.map((level) => ({ subject: { type: 'level', old: titled(level) } }))
  },
})
