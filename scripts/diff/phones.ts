import type { Contact, Phone } from '../model/types.ts'

/** Spacing is layout, not a different number. */
export const digits = (phone: Phone | undefined) => phone?.number.replace(/\s+/g, '') ?? ''

/** The number as dialled: “(0121) 788-4300” and “+44 121 788 4300” are “0121 788 4300” written another way. */
export const dialled = (phone: Phone | undefined) => (phone ? (phone.e164 ?? phone.number.replace(/\D/g, '')) : '')

/** A number's use as compared: case and spacing aside; '' for a number with no use given. */
export const useKey = (phone: Phone) => (phone.use ?? '').toLowerCase().replace(/\s+/g, ' ').trim()

/** A number as a report shows it: “0121 605 6060”, or “0121 605 6060 (Out of hours)” with its use. */
export const shownNumber = (phone: Phone | undefined) => (phone ? (phone.use ? `${phone.number} (${phone.use})` : phone.number) : null)

/**
 * The numbers of two versions of a contact, paired: first by use (“Out of hours” with “out of
 * hours”; numbers with no use in order), then a number whose use changed by its digits. A number
 * on one side only is paired with undefined.
 */
export function pairPhones(before: Contact, after: Contact): Array<{ old?: Phone; new?: Phone }> {
  const pairs: Array<{ old?: Phone; new?: Phone }> = []
  const left = [...before.phones]
  const right = [...after.phones]
  const take = (same: (a: Phone, b: Phone) => boolean) => {
    for (const phone of [...left]) {
      const index = right.findIndex((other) => same(phone, other))
      if (index === -1) continue
      pairs.push({ old: phone, new: right[index] as Phone })
      right.splice(index, 1)
      left.splice(left.indexOf(phone), 1)
    }
  }
  take((a, b) => useKey(a) === useKey(b))
  take((a, b) => dialled(a) === dialled(b))
  for (const phone of left) pairs.push({ old: phone })
  for (const phone of right) pairs.push({ new: phone })
  return pairs
}
