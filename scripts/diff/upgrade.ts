/**
 * A framework.json written in an older format, read into today's shape so the diff can compare it
 * with a newer version: format 2 only added fields to format 1; format 3 holds a contact's numbers
 * in `phones` (each with its use and hours) where 1 and 2 had one `phone` and its `phoneE164`.
 * Anything else is left as it is, for the schema to judge.
 */
export function upgradeFormat(framework: Record<string, unknown>): void {
  if (framework.formatVersion !== 1 && framework.formatVersion !== 2) return
  framework.formatVersion = 3
  if (!Array.isArray(framework.contacts)) return
  for (const contact of framework.contacts as unknown[]) {
    if (contact === null || typeof contact !== 'object' || Array.isArray(contact)) continue
    const { phone, phoneE164, ...rest } = contact as Record<string, unknown>
    const number = typeof phone === 'string' ? { number: phone, ...(phoneE164 !== undefined ? { e164: phoneE164 } : {}) } : undefined
    // The numbers go where today's contacts have them, after the name.
    const entries = Object.entries(rest)
    const at = entries.findIndex(([key]) => key === 'name') + 1
    entries.splice(at === 0 ? entries.length : at, 0, ['phones', number ? [number] : []])
    for (const key of Object.keys(contact)) delete (contact as Record<string, unknown>)[key]
    Object.assign(contact, Object.fromEntries(entries))
  }
}
