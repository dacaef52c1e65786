import { flatLevels } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

/** A contact nothing links to never reaches a practitioner through a level. */
export default defineRule({
  id: 'contact-referenced',
  severity: 'warning',
  description: 'Every contact is linked from somewhere: a level’s contacts, a “what to do” route, or other text.',
  messages: {
    unreferenced: 'The contact “{{contact}}” is not linked from any level or text, expected a link such as “[{{contact}}](#{{id}})” in the level that uses it, or remove it',
  },
  check({ framework, parsed, report }) {
    const used = new Set<string>()
    for (const level of flatLevels(framework)) for (const id of level.contacts) used.add(id)
    for (const [use, resolution] of parsed.resolutions)
      if (resolution.kind === 'internal' && resolution.entry?.kind === 'contact' && use.owner !== resolution.entry.node) used.add(resolution.entry.id)
    for (const contact of framework.contacts)
      if (!used.has(contact.id))
        report(contact, 'unreferenced', { contact: contact.name, id: contact.id })
  },
})
