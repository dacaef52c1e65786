import type { Contact } from '../../model/types.ts'
import { levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

const EMERGENCY_NUMBERS = new Set(['999', '112'])

export function isEmergencyNumber(contact: Contact): boolean {
  return contact.phones.some((phone) => EMERGENCY_NUMBERS.has(phone.number.replace(/\D/g, '')))
}

/** The level for a child in danger must tell the reader to call 999, not only the daytime team. */
export default defineRule({
  id: 'highest-level-has-emergency-route',
  severity: 'error',
  description: 'The highest level (or one of its sub-levels) links to a contact whose number is 999, the route for a child in immediate danger.',
  messages: {
    notLinked: 'Level “{{level}}” is the highest level but does not link to “{{contact}}” (999), expected “- [{{contact}}](#{{id}})” under its “## Contacts”',
    noEmergencyContact: 'Level “{{level}}” is the highest level but gives no emergency route, expected a contact with “Phone: 999” in contacts.md linked under its “## Contacts”',
  },
  check({ framework, report }) {
    const highest = framework.levels.at(-1)
    if (!highest) return
    const byId = new Map(framework.contacts.map((contact) => [contact.id, contact]))
    const ids = [highest, ...highest.children].flatMap((level) => level.contacts)
    if (ids.some((id) => { const contact = byId.get(id); return contact !== undefined && isEmergencyNumber(contact) })) return
    const emergency = framework.contacts.find(isEmergencyNumber)
    if (emergency) report(highest, 'notLinked', { level: levelName(highest), contact: emergency.name, id: emergency.id })
    else report(highest, 'noEmergencyContact', { level: levelName(highest) })
  },
})
