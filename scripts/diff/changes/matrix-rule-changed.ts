import { textChange } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'matrix-rule-changed',
  impact: 'practice',
  label: 'Matrix rule changed',
  covers: ['matrix.rule'],
  description: 'How the decision-making matrix is read changed (for example “the highest need reached across the factors guides the support”).',
  detect(context) {
    const out: Detected[] = []
    const text = textChange(context.old.matrix?.rule, context.new.matrix?.rule)
    if (text)
      out.push({
        subject: {
          type: 'matrix',
          ...(context.old.matrix ? { old: { id: 'matrix', label: context.old.matrix.title } } : {}),
          ...(context.new.matrix ? { new: { id: 'matrix', label: context.new.matrix.title } } : {}),
        },
        field: 'rule',
        ...text,
      })
    return out
  },
})
