import { indicatorRef } from '../context.ts'
import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'indicator-added',
  impact: 'practice',
  label: 'Indicator added',
  covers: ['indicators[]'],
  inverse: 'indicator-removed',
  description: 'A new indicator: something practitioners should now look for at this level.',
  detect({ indicators }) {
    return indicators.added.map((indicator) => ({ subject: { type: 'indicator', new: indicatorRef(indicator) } }))
  },
})
