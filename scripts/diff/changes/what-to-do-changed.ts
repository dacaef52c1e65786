import { editorialIfSameMarkdown, matchOf, textChange, titled } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'

export default defineChange({
  id: 'what-to-do-changed',
  impact: 'practice',
  impacts: ['practice', 'editorial'],
  label: 'What to do changed',
  covers: ['levels[].whatToDo'],
  description: 'A level’s “what to do” (response, next steps) changed: practitioners act differently at this level. Editorial when the text only changed spelling, punctuation, case, spacing, “&” for “and” or word order, and its links go to the same places.',
  detect(context) {
    const { levels } = context
    const out: Detected[] = []
    for (const pair of levels.pairs) {
      const text = textChange(pair.old.whatToDo, pair.new.whatToDo, true)
      if (text) out.push({ subject: { type: 'level', old: titled(pair.old), new: titled(pair.new) }, match: matchOf(pair), field: 'whatToDo', ...text, ...editorialIfSameMarkdown(context, pair.old.whatToDo, pair.new.whatToDo) })
    }
    return out
  },
})
