import { indicatorRef } from '../context.ts'
import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'indicator-removed',
  impact: 'practice',
  label: 'Indicator removed',
  covers: ['indicators[]'],
  inverse: 'indicator-added',
  description: 'An indicator is gone and no indicator in the new version is similar enough to be the same one reworded.',
  detect({ indicators }) {
    return indicators.removed.map((indicator) => ({ subject: { type: 'indicator', old: indicatorRef(indicator) } }))
  },
})
