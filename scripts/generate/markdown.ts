import type { Framework } from '../model/types.ts'
import { schemeOf } from '../parse/resolve.ts'
import { markdownValues } from '../model/order.ts'
import { renderField, SAFE_SCHEMES, type RenderedField } from './render-field.ts'

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

/** Every Markdown value of the framework (each once), rendered. */
export function renderedFields(framework: Framework): Map<string, RenderedField> {
  const addresses = addressesOf(framework)
  return new Map([...markdownValues(framework)].map((value) => [value, renderField(value, addresses)]))
}
