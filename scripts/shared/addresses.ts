import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { parseEntities } from 'parse-entities'
import { UK_SHORT_NUMBERS } from './phones.ts'

/**
 * The one reading of an address's scheme, used by the safety check, by link resolution and by
 * everything that decides whether an address is external. It reads the address the way the most
 * lenient consumer could: HTML entities decoded (`&#106;avascript:`), percent-escapes decoded
 * (`%6Aavascript:`), controls, spaces and invisible format characters removed (`java&#x09;script:`,
 * which a browser reads as `javascript:`), case ignored. Reading too much into an address only
 * refuses a strange spelling; reading too little would let a script through.
 */
export type AddressKind =
  | { kind: 'scheme'; scheme: string }
  /** `//host/path` (or with backslashes): a browser opens it on another site, over whatever scheme the page uses. */
  | { kind: 'protocol-relative' }
  /** A path or `#fragment` inside the framework. */
  | { kind: 'relative' }

const SCHEME = /^([a-z][a-z0-9+.-]*):/
/** Removed before the scheme is read: C0 and C1 controls, every kind of space, and format characters (U+200B, bidi marks). */
const IGNORED = /[\u0000-\u0020\u007F-\u009F\s\p{Cf}]/gu

/** Schemes a link may use: apps open these, and none of them runs code. */
export const SAFE_SCHEMES: readonly string[] = ['https', 'http', 'mailto', 'tel']

/** The address as a lenient reader sees its start: decoded until nothing changes (at most a few times), then stripped. */
export function readableAddress(url: string): string {
  let text = url
  for (let round = 0; round < 4; round++) {
    const next = decodePercent(parseEntities(text, { nonTerminated: true }))
    if (next === text) break
    text = next
  }
  return text.replace(IGNORED, '').toLowerCase()
}

export function classifyAddress(url: string): AddressKind {
  const text = readableAddress(url)
  const scheme = SCHEME.exec(text)?.[1]
  // A safe scheme only counts when written plainly: one spelled with entities or invisible
  // characters would be read as safe here and stored as something else in the model.
  if (scheme && (SAFE_SCHEMES.includes(scheme) || scheme === 'pending') && !url.toLowerCase().startsWith(`${scheme}:`)) return { kind: 'scheme', scheme: `${scheme} (written with hidden characters)` }
  if (scheme) return { kind: 'scheme', scheme }
  if (/^[\\/]{2}/.test(text)) return { kind: 'protocol-relative' }
  return { kind: 'relative' }
}

/**
 * A Windows path with a drive letter (`C:\x.md`, `C:/x.md`): an absolute path on one computer,
 * which a browser would read as the scheme “c:”. Its scheme stays unsafe for everything that
 * opens addresses; only the messages call it what the author meant, a path.
 */
export function isDrivePath(url: string): boolean {
  return /^[a-z]:[\\/]/.test(readableAddress(url))
}

/** The scheme of an address, lower case, however it is spelled; undefined for a path or `#fragment`. */
export function schemeOf(url: string): string | undefined {
  const kind = classifyAddress(url)
  return kind.kind === 'scheme' ? kind.scheme : undefined
}

function decodePercent(text: string): string {
  return text.replace(/%[0-9a-f]{2}/gi, (escape) => {
    const code = Number.parseInt(escape.slice(1), 16)
    // Only single bytes: a multi-byte UTF-8 sequence cannot spell a scheme.
    return code < 0x80 ? String.fromCharCode(code) : escape
  })
}

/** What a link's words claim to be: a phone number, a web address or an email address, in a form to compare. */
export type Claimed = { kind: 'phone'; key: string } | { kind: 'web'; key: string } | { kind: 'email'; key: string }

const WEB_TEXT = /^(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i
const EMAIL_TEXT = /^(?:mailto:)?[^\s@<>()[\]]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$/i
/** Words made only of what a phone number is written with, with at least three digits. */
const PHONE_TEXT = /^(?:tel:)?\+?[\d\s().-]*\d[\d\s().-]*$/

/** The number a phone number or `tel:` address dials, as E.164 (or the UK short number itself). */
export function phoneKey(text: string): string | undefined {
  const written = text.replace(/^tel:/i, '').trim()
  const digits = written.replace(/[\s().-]/g, '')
  if (!/^\+?\d{3,}$/.test(digits)) return undefined
  if (UK_SHORT_NUMBERS.has(digits)) return digits
  const number = parsePhoneNumberFromString(written, 'GB')
  return number?.number ?? digits
}

/** A web address without what does not change the page: scheme, `www.`, case of the host, a trailing slash. */
export function webKey(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '')
  let path = url.pathname
  try {
    path = decodeURI(path)
  } catch {
    // A malformed escape is compared as written.
  }
  path = path.replace(/\/+$/, '')
  return `${host}${path}${url.search}`
}

/** An email address with its domain in lower case (the part before “@” is the mail server's to read). */
export function emailKey(text: string): string | undefined {
  const address = text.replace(/^mailto:/i, '').split('?')[0]?.trim() ?? ''
  const at = address.lastIndexOf('@')
  if (at <= 0) return undefined
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`
}

/** What a link's words claim to be, if they are a phone number, a web address or an email address. */
export function claimedBy(words: string): Claimed | undefined {
  const text = words.trim()
  if (EMAIL_TEXT.test(text)) {
    const key = emailKey(text)
    return key ? { kind: 'email', key } : undefined
  }
  if (PHONE_TEXT.test(text)) {
    const key = phoneKey(text)
    return key ? { kind: 'phone', key } : undefined
  }
  if (WEB_TEXT.test(text)) {
    const key = webKey(text)
    return key ? { kind: 'web', key } : undefined
  }
  return undefined
}
