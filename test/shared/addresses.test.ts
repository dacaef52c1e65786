import { describe, expect, it } from 'vitest'
import { claimedBy, classifyAddress, emailKey, phoneKey, schemeOf, webKey } from '../../scripts/shared/addresses.ts'

describe('classifyAddress: one reading of a scheme, however it is spelled', () => {
  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    ['&#106;avascript:alert(1)', 'javascript'],
    ['&#x6A;avascript:alert(1)', 'javascript'],
    ['&#106avascript:alert(1)', 'javascript'],
    ['javascript&colon;alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['java\u0000script:alert(1)', 'javascript'],
    ['  \u0001javascript:alert(1)', 'javascript'],
    ['java\u200Bscript:alert(1)', 'javascript'],
    ['%6Aavascript:alert(1)', 'javascript'],
    ['%256Aavascript:alert(1)', 'javascript'],
    ['java%09script:alert(1)', 'javascript'],
    ['&amp;#106;avascript:alert(1)', 'javascript'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['https://example.org/a?b=1&colon=2', 'https'],
    ['tel:+441217884300', 'tel'],
    ['mailto:help@example.org', 'mailto'],
  ])('%j has the scheme %s', (url, scheme) => {
    expect(classifyAddress(url)).toEqual({ kind: 'scheme', scheme })
    expect(schemeOf(url)).toBe(scheme)
  })

  it.each(['//evil.example.com/x', '\\\\evil.example.com', '/\\evil.example.com', ' //evil.example.com', '&#47;&#47;evil.example.com', '%2F%2Fevil.example.com'])('%j is protocol-relative', (url) => {
    expect(classifyAddress(url)).toEqual({ kind: 'protocol-relative' })
  })

  it.each(['#early-help', 'levels/02-child-protection.md', '../contacts.md#front-door', 'my%20file.md'])('%j is a path inside the framework', (url) => {
    expect(classifyAddress(url)).toEqual({ kind: 'relative' })
  })
})

describe('what link words claim', () => {
  it('reads phone numbers as libphonenumber-js does, short numbers as written', () => {
    expect(phoneKey('0121 788 4300')).toBe('+441217884300')
    expect(phoneKey('tel:+441217884300')).toBe('+441217884300')
    expect(phoneKey('(0121) 788-4300')).toBe('+441217884300')
    expect(phoneKey('999')).toBe('999')
    expect(phoneKey('12')).toBeUndefined()
  })

  it('compares web addresses by host and path, email addresses with the domain in any case', () => {
    expect(webKey('www.Example.org/procedures/')).toBe(webKey('https://example.org/procedures'))
    expect(webKey('example.org/help')).not.toBe(webKey('https://example.org/procedures'))
    expect(webKey('https://example.org/a%20b')).toBe('example.org/a b')
    expect(emailKey('mailto:help@EXAMPLE.org')).toBe('help@example.org')
    expect(emailKey('Help@example.org')).not.toBe(emailKey('help@example.org'))
  })

  it('tells phone numbers, web addresses and email addresses from other words', () => {
    expect(claimedBy('0121 788 4300')).toEqual({ kind: 'phone', key: '+441217884300' })
    expect(claimedBy('www.example.org')).toEqual({ kind: 'web', key: 'example.org' })
    expect(claimedBy('https://example.org/x')).toEqual({ kind: 'web', key: 'example.org/x' })
    expect(claimedBy('help@example.org')).toEqual({ kind: 'email', key: 'help@example.org' })
    for (const words of ['Front door', 'the 2026 edition', 'Section 47', 'Working Together 2026', 'Early Help.']) expect(claimedBy(words), words).toBeUndefined()
  })
})
