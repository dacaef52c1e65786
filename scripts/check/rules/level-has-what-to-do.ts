import { levelsLacking } from '../levels.ts'
import { levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'level-has-what-to-do',
  severity: 'error',
  description: 'Every level has a “What to do” route for practitioners (a sub-level may rely on its parent’s); one marked partial or missing in the source is listed by source-incomplete instead.',
  messages: {
    noWhatToDo: 'Level “{{level}}” has no “What to do” section, expected one telling practitioners what to do at this level',
  },
  check({ framework, report }) {
    for (const level of levelsLacking(framework, (l) => Boolean(l.whatToDo?.trim() || l.whatToDoCompleteness)))
      report(level, 'noWhatToDo', { level: levelName(level) })
  },
})
