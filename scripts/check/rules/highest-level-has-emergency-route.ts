import type { Contact } from '../../model/types.ts'
import { levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

const EMERGENCY_NUMBERS = new Set(['999', '112'])

export function isEmergencyNumber(contact: Contact): boolean {
  return contact.phone !== undefined && EMERGENCY_NUMBERS.has(contact.phone.replace(/\D/g, ''))
}

/** The level for a child in danger must tell the reader to call 999, not only the daytime team. */
export default defineRule({
  id: 'highest-level-has-emergency-route',
  severity: 'error',
  description: 'The highest level (or one of its sub-levels) links to a contact whose number is 999, the route for a child in immediate danger.',
  check({ framework, report }) {
    const highest = framework.levels.at(-1)
    if (!highest) return
    const byId = new Map(framework.contacts.map((contact) => [contact.id, contact]))
    const ids = [highest, ...highest.children].flatMap((level) => level.contacts)
    if (ids.some((id) => { const contact = byId.get(id); return contact !== undefined && isEmergencyNumber(contact) })) return
    const emergency = framework.contacts.find(isEmergencyNumber)
    report(
      highest,
      emergency
        ? `Level “${levelName(highest)}” is the highest level but does not link to “${emergency.name}” (999), expected “- [${emergency.name}](#${emergency.id})” under its “## Contacts”`
        : `Level “${levelName(highest)}” is the highest level but gives no emergency route, expected a contact with “Phone: 999” in contacts.md linked under its “## Contacts”`,
    )
  },
})
