import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'framework-removed',
  impact: 'practice',
  label: 'Framework removed',
  covers: [],
  inverse: 'framework-added',
  when: 'one',
  description: 'A whole framework is gone from the sources.',
  detect(context) {
    return context.only === 'old' ? [{ subject: { type: 'framework', old: { id: context.old.id, label: context.old.title } } }] : []
  },
})
