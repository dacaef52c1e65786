import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'level-has-what-to-do',
  severity: 'error',
  description: 'Every level has a “What to do” route for practitioners (a sub-level may rely on its parent’s).',
  check({ framework, report }) {
    const has = (text: string | undefined) => Boolean(text?.trim())
    for (const level of framework.levels) {
      if (!has(level.whatToDo) && !level.children.some((child) => has(child.whatToDo)))
        report(level, `Level “${level.title}” has no “What to do” section, expected one telling practitioners what to do at this level`)
      for (const child of level.children)
        if (!has(child.whatToDo) && !has(level.whatToDo))
          report(child, `Level “${child.title}” has no “What to do” section, expected one telling practitioners what to do at this level`)
    }
  },
})
