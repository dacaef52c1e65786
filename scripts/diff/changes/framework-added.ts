import { defineChange } from '../define-change.ts'

export default defineChange({
  id: 'framework-added',
  impact: 'practice',
  label: 'Framework added',
  covers: [],
  inverse: 'framework-removed',
  when: 'one',
  description: 'A whole framework is new: everything in it is new to practitioners.',
  detect(context) {
    return context.only === 'new' ? [{ subject: { type: 'framework', new: { id: context.new.id, label: context.new.title } } }] : []
  },
})
