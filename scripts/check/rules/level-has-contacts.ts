import type { Contact } from '../../model/types.ts'
import { levelName } from '../../model/flat.ts'
import { levelsLacking } from '../levels.ts'
import { defineRule } from '../define-rule.ts'

/** A contact a practitioner can reach: a number, an address or a web page. A bare name is not one. */
function reachable(contact: Contact | undefined): boolean {
  return Boolean(contact && (contact.phones.length || contact.email || contact.web))
}

export default defineRule({
  id: 'level-has-contacts',
  severity: 'error',
  description: 'Every level says who to contact: at least one link to a contact with a phone number, email or web address (a sub-level may rely on its parent’s).',
  messages: {
    unreachable:
      'Level “{{level}}” links only to contacts with no phone number, email or web address ({{contacts}}), expected at least one way to reach them: add “- Phone:”, “- Email:” or “- Web:” under the contact in contacts.md',
    noContacts: 'Level “{{level}}” has no contacts, expected at least one phone number or portal: add “## Contacts” with a link such as “- [First Point of Contact](#fpoc)”',
  },
  check({ framework, report }) {
    const byId = new Map(framework.contacts.map((contact) => [contact.id, contact]))
    for (const level of levelsLacking(framework, (l) => l.contacts.some((id) => reachable(byId.get(id))))) {
      const unreachable = level.contacts.flatMap((id) => byId.get(id) ?? [])
      if (unreachable.length)
        report(level, 'unreachable', { level: levelName(level), contacts: unreachable.map((c) => `“${c.name}”`).join(', ') })
      else report(level, 'noContacts', { level: levelName(level) })
    }
  },
})
