import type { Contact, Link } from '../../model/types.ts'
import { claimedBy, emailKey, phoneKey, schemeOf, webKey, type Claimed } from '../../shared/addresses.ts'
import { defineRule } from '../define-rule.ts'

type Kind = Claimed['kind']
interface Destination {
  kind: Kind
  key: string | undefined
  shown: string
}

const WHAT: Record<Kind, string> = { phone: 'a phone number', web: 'a web address', email: 'an email address' }
const GOES: Record<Kind, string> = { phone: 'dials', web: 'opens', email: 'writes to' }

/** Where an external address goes, in the form link words would show it. */
function destination(url: string): Destination | undefined {
  const scheme = schemeOf(url)
  if (scheme === 'tel') return { kind: 'phone', key: phoneKey(url), shown: url.replace(/^tel:/i, '') }
  if (scheme === 'mailto') return { kind: 'email', key: emailKey(url), shown: url.replace(/^mailto:/i, '') }
  if (scheme === 'https' || scheme === 'http') return { kind: 'web', key: webKey(url), shown: url }
  return undefined
}

/**
 * A contact's numbers (the first is what a link to the contact dials) or its address, of the kind
 * the words show. Words naming any of its numbers are the contact's own: a reader who follows the
 * link finds that number on the contact.
 */
function ofContact(contact: Contact, kind: Kind): Destination[] {
  if (kind === 'phone') return contact.phones.map((phone) => ({ kind, key: phone.e164 ?? phoneKey(phone.number), shown: phone.number }))
  if (kind === 'email' && contact.email) return [{ kind, key: emailKey(contact.email), shown: contact.email }]
  return []
}

/**
 * Words that show a number or an address promise that is where the link goes: “0121 788 4300”
 * that dials another number sends a worried professional to a stranger.
 */
export default defineRule({
  id: 'link-text-matches-address',
  severity: 'error',
  description:
    'A link whose words are a phone number, a web address or an email address goes to that same number or address (also through a contact, whose words may name any of its numbers, or a links.md entry): numbers are compared as libphonenumber-js reads them, web addresses by host and path, email addresses with the domain in any case.',
  messages: {
    mismatch: 'The link\'s words “{{text}}” are {{claimed}}, but the link {{goes}} “{{destination}}”, expected the link to go to the {{what}} its words show, or words that show where it goes',
  },
  check({ parsed, report }) {
    for (const use of parsed.linkUses) {
      if (use.node.type !== 'link') continue
      const claimed = claimedBy(use.text)
      if (!claimed) continue
      const resolution = parsed.resolutions.get(use)
      let targets: Destination[] = []
      if (resolution?.kind === 'internal') {
        const entry = resolution.entry
        if (entry?.kind === 'contact') targets = ofContact(entry.node as Contact, claimed.kind)
        else if (entry?.kind === 'link' && (entry.node as Link).url) targets = [destination((entry.node as Link).url ?? '')].filter((one) => one !== undefined)
      } else targets = [destination(use.url)].filter((one) => one !== undefined)
      const [found] = targets
      // Nothing to compare with: a level or a section, a contact without that detail, an address refused elsewhere.
      if (!found || targets.some((one) => one.kind === claimed.kind && one.key === claimed.key)) continue
      report(
        { file: use.file, position: use.position },
        'mismatch',
        { text: use.text, claimed: WHAT[claimed.kind], goes: GOES[found.kind], destination: found.shown, what: claimed.kind === 'phone' ? 'number' : 'address' },
      )
    }
  },
})
