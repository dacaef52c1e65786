import type { Framework } from '../model/types.ts'
import { schemeOf } from '../parse/resolve.ts'
import { markdownValues } from '../model/order.ts'
import { renderField, SAFE_SCHEMES } from './render-field.ts'
import type { RenderedField } from './rendered-field.ts'

/** `tel:` URI of a number: the international form when there is one, else the digits (999). */
export function telUri(phone: string, e164: string | undefined): string {
  return `tel:${e164 ?? phone.replace(/[^\d+]/g, '')}`
}

/** The final address of each id a `#id` link can name, or undefined when it has none. */
export function addressesOf(framework: Framework): Map<string, string | undefined> {
  const addresses = new Map<string, string | undefined>()
  for (const link of framework.links) addresses.set(link.id, link.status === 'ok' && link.url && SAFE_SCHEMES.includes(schemeOf(link.url) ?? '') ? link.url : undefined)
  for (const contact of framework.contacts) {
    // A link to a contact dials its first number.
    const phone = contact.phones[0]
    const address = phone ? telUri(phone.number, phone.e164) : contact.email ? `mailto:${contact.email}` : contact.web ? addresses.get(contact.web) : undefined
    addresses.set(contact.id, address)
  }
  return addresses
}

/**
 * Fields rendered by earlier builds (the content cache), per framework: a field's rendering
 * depends only on its Markdown and the framework's link addresses, so with one domain edited the
 * framework's other fields need not be parsed again.
 */
export interface FieldMemo {
  /** The framework's fields an earlier build rendered with these addresses (`addresses`: their text), by Markdown. */
  recall(id: string, addresses: string): ReadonlyMap<string, RenderedField> | undefined
  /** Keeps the framework's fields as this build rendered them, with these addresses. */
  keep(id: string, addresses: string, fields: ReadonlyMap<string, RenderedField>): void
}

/** Every Markdown value of the framework (each once), rendered; with `memo`, those rendered before are taken from it. */
export function renderedFields(framework: Framework, memo?: FieldMemo): Map<string, RenderedField> {
  const addresses = addressesOf(framework)
  const addressText = memo ? JSON.stringify([...addresses]) : ''
  const known = memo?.recall(framework.id, addressText)
  let rendered = 0
  const fields = new Map(
    [...markdownValues(framework)].map((value) => {
      const before = known?.get(value)
      if (before) return [value, before]
      rendered++
      return [value, renderField(value, addresses)]
    }),
  )
  // Kept again only when it changed: fields newly rendered, or fewer than before (an edit removed some).
  if (memo && (rendered > 0 || known?.size !== fields.size)) memo.keep(framework.id, addressText, fields)
  return fields
}
