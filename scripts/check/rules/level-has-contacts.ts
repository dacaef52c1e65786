import { levelsLacking } from '../levels.ts'
import { levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

export default defineRule({
  id: 'level-has-contacts',
  severity: 'error',
  description: 'Every level says who to contact: at least one link to a contact (a sub-level may rely on its parent’s).',
  check({ framework, report }) {
    for (const level of levelsLacking(framework, (l) => l.contacts.length > 0))
      report(level, `Level “${levelName(level)}” has no contacts, expected at least one phone number or portal: add “## Contacts” with a link such as “- [First Point of Contact](#fpoc)”`)
  },
})
