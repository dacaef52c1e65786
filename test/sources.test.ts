import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFrameworks } from '../scripts/check/index.ts'
import { loadFrameworks } from '../scripts/parse/index.ts'
import { parser, repoRoot } from './helpers.ts'

const [shropshire, solihull] = loadFrameworks([path.join(repoRoot, 'sources/shropshire'), path.join(repoRoot, 'sources/solihull')], { parser })
const result = checkFrameworks([shropshire!, solihull!])

describe('shipped frameworks', () => {
  it('have no errors', () => {
    const errors = result.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${file.path}:${m.line}:${m.column} ${m.reason}`))
    expect(errors).toEqual([])
  })

  it('Shropshire has 111 indicators: 35 strengths and 76 needs over 6 domains, none placed at a level', () => {
    const framework = shropshire!.framework
    expect(framework.indicators).toHaveLength(111)
    expect(framework.indicators.filter((i) => i.polarity === 'strength')).toHaveLength(35)
    expect(framework.indicators.filter((i) => i.polarity === 'need')).toHaveLength(76)
    expect(framework.domains.map((d) => d.id)).toEqual([
      'my-voice-is-heard',
      'i-am-achieving',
      'i-am-healthy-and-happy',
      'i-am-supported',
      'i-feel-safe',
      'i-have-independence',
    ])
    expect(framework.indicators.every((i) => i.level === undefined)).toBe(true)
  })

  it('Shropshire has its four levels, Family Help split in two, and a 4 x 5 matrix', () => {
    const framework = shropshire!.framework
    expect(framework.levels.map((l) => [l.id, l.children.map((c) => c.id)])).toEqual([
      ['getting-everyday-advice-and-support', []],
      ['getting-extra-help', []],
      ['getting-family-help', ['targeted-early-help', 'child-in-need']],
      ['child-protection', []],
    ])
    expect(framework.matrix?.factors.map((f) => f.id)).toEqual(['frequency', 'severity', 'impact', 'safeguarding-risk'])
    expect(framework.matrix?.columns).toHaveLength(5)
    expect(framework.matrix?.cells).toHaveLength(20)
    expect(framework.matrix?.cells.find((c) => c.factor === 'severity' && c.level === 'child-protection')?.text).toBe('Severe / acute')
    expect(framework.levels.find((l) => l.id === 'child-protection')?.familyAgreement).toBe('preferred')
  })

  it('Shropshire keeps its contacts: 999, FPOC 0345 678 9021 and the referral portal', () => {
    const contacts = shropshire!.framework.contacts
    expect(contacts.find((c) => c.id === 'fpoc')).toMatchObject({ phones: [{ number: '0345 678 9021', e164: '+443456789021' }] })
    expect(contacts.find((c) => c.id === 'emergency-services')).toMatchObject({ phones: [{ number: '999' }], emergency: true })
    expect(shropshire!.framework.levels.find((l) => l.id === 'child-protection')?.contacts).toEqual(['emergency-services', 'fpoc', 'childrens-referral-portal'])
  })

  it('Solihull has 194 indicators over 7 domains and 4 level columns', () => {
    const framework = solihull!.framework
    expect(framework.indicators).toHaveLength(194)
    expect(framework.domains).toHaveLength(7)
    const byLevel: Record<string, number> = {}
    for (const indicator of framework.indicators) byLevel[indicator.level ?? 'none'] = (byLevel[indicator.level ?? 'none'] ?? 0) + 1
    expect(byLevel).toEqual({ universal: 38, 'early-help': 62, 'child-in-need': 37, 'significant-harm': 57 })
    expect(framework.indicators.filter((i) => i.level === 'universal').every((i) => i.polarity === 'strength')).toBe(true)
  })

  it('Solihull has its levels and sub-levels, and contacts with opening hours', () => {
    const framework = solihull!.framework
    expect(framework.levels.map((l) => [l.id, l.children.map((c) => c.id)])).toEqual([
      ['universal', ['universal-plus']],
      ['early-help', []],
      ['statutory-services', ['child-in-need', 'significant-harm']],
    ])
    expect(framework.contacts.find((c) => c.id === 'childrens-services-advice')?.hours?.weekly).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu'], opens: '08:45', closes: '17:20' },
      { days: ['fri'], opens: '08:45', closes: '16:30' },
    ])
    expect(framework.sections.map((s) => s.id)).toContain('signs-of-safety')
  })

  it('every id in the shipped sources is pinned in the source, not derived', () => {
    const derived = [...shropshire!.ids, ...solihull!.ids].filter((entry) => !entry.explicit && entry.pinAt !== undefined)
    expect(derived.map((entry) => `${entry.place.file.path}: ${entry.id}`)).toEqual([])
  })
})
