import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Framework } from '../../scripts/model/types.ts'
import { filesUnder, fixtures, messageLines, onTestDay, thresholds } from '../helpers.ts'

/*
 * test/fixtures/strengths-and-needs: a fictional strengths-and-needs framework written as a content
 * owner would, with sub-domains grouped by who the indicators are about (children, parents and
 * carers), the child's voice, ages, a level's own list, resources under an indicator, a note under
 * a list, headings such as “Concerns” and “Worries”, a conditional family agreement and gaps
 * marked in the source. Every word of it reaches the package, except the words that name a place
 * in the structure (which the model holds as fields).
 */

const dir = path.join(fixtures, 'strengths-and-needs')

const words = (text: string) => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
/** Front-matter keys and labels that the model holds as field names, not words. */
const KEYS = new Set(['id', 'title', 'rank', 'parent', 'version', 'status', 'published', 'reviewdue', 'indicatorlayout', 'guidance', 'edition', 'partnership', 'familyagreement', 'familyagreementcondition', 'shorttitle', 'phone', 'hours', 'email', 'web', 'use', 'for', 'emergency', 'age', 'polarity', 'https', 'md'])

/** Each source line (outside comments) with the words of it that the package does not hold. */
function wordsNotInPackage(framework: Framework): string[] {
  const held = new Set<string>()
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') for (const word of words(String(value))) held.add(word)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk(framework)
  const missing: string[] = []
  for (const file of filesUnder(dir)) {
    let inComment = false
    readFileSync(path.join(dir, file), 'utf8').split('\n').forEach((line, index) => {
      if (line.includes('<!--')) inComment = true
      if (inComment) {
        if (line.includes('-->')) inComment = false
        return
      }
      // Link addresses and {...} blocks are ids and addresses, compared elsewhere.
      const text = line.replace(/\]\([^)]*\)/g, ']').replace(/\{[^}]*\}\s*$/, '')
      const lost = words(text).filter((word) => !KEYS.has(word) && !held.has(word))
      if (lost.length) missing.push(`${file}:${index + 1} ${lost.join(' ')}`)
    })
  }
  return missing
}

describe('the strengths-and-needs fixture', () => {
  it('checks with no error, and lists each gap the source has as a warning', () => {
    expect(messageLines(dir).map((line) => line.replace(/ \(“.*$/, ''))).toEqual([
      'framework.md:18:1 warning The framework “Supporting Families in Haverbrook (fictional)” is partial in the source document',
      'sections/01-consent.md:14:1 warning The section “When you do not need consent” is missing from the source document',
    ])
  })

  it('builds through the CLI into a package holding every word an author wrote', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-strengths-and-needs-'))
    cpSync(dir, path.join(root, 'sources/strengths-and-needs'), { recursive: true })
    const result = thresholds(['build'], root, { env: onTestDay })
    expect(result.status, result.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/strengths-and-needs/framework.json'), 'utf8')) as Framework
    // Only the words that name a place in the structure: headings read as fields (a level's “Contacts” heading is now also the contacts page's title, so its word is found), the gap markers, “Emergency: yes”.
    expect(wordsNotInPackage(framework)).toEqual([
      'contacts.md:39 yes',
      'domains/02-children-health.md:7 protective factors',
      'domains/02-children-health.md:13 risks',
      'domains/03-children-safety.md:11 risks',
      'domains/04-parents.md:8 protective factors',
      'domains/04-parents.md:13 concerns',
      'framework.md:18 source',
      'levels/02-early-help.md:8 does mean',
      'levels/02-early-help.md:18 might',
      'levels/03-statutory.md:17 contact',
      'sections/01-consent.md:14 source',
    ])
    // Every bullet point of every list, word for word, with its domain, polarity and age.
    expect(framework.indicators.map((indicator) => [indicator.domain ?? indicator.level, indicator.polarity, indicator.text, indicator.age ?? ''])).toEqual([
      ['early-help', 'need', 'Parents ask for help with routines', ''],
      ['early-help', 'need', 'Money worries', ''],
      ['children-health', 'strength', 'I am growing well and see my GP when I need to', ''],
      ['children-health', 'strength', 'I am a baby and my parents respond when I cry', 'baby'],
      ['children-health', 'strength', 'I have a trusted adult I can talk to', ''],
      ['children-health', 'need', 'I often miss medical appointments', ''],
      ['children-health', 'need', 'I am over 13 and I use alcohol or drugs regularly', 'over-13'],
      ['children-health', 'need', 'I self-harm', ''],
      ['children-health', 'need', 'I have an eating disorder and I am not getting support', ''],
      ['children-safety', 'strength', 'I know who to talk to if I am worried', ''],
      ['children-safety', 'need', 'I go missing from home or care', ''],
      ['children-safety', 'need', 'I am at risk of criminal exploitation (county lines)', ''],
      ['children-safety', 'need', 'I have been groomed online', ''],
      ['children-safety', 'need', 'I live with domestic abuse', ''],
      ['parents', 'strength', "Parents put the child's needs first", ''],
      ['parents', 'strength', 'Parents work with services', ''],
      ['parents', 'need', 'Parent has poor mental health that affects the child', ''],
      ['parents', 'need', 'Parent misuses drugs or alcohol', ''],
      ['parents', 'need', 'Parent is in prison or on probation', ''],
      ['parents', 'need', 'Parents refuse to engage', ''],
      ['parents', 'need', 'Housing is overcrowded or unsafe', ''],
    ])
    expect(framework.indicators.find((indicator) => indicator.text === 'I self-harm')?.resources).toBe('- Kooth online counselling\n- [Papyrus HOPELINE247](#papyrus): 0800 068 4141')
    expect(framework.domains.map((domain) => [domain.id, domain.children.map((child) => child.id)])).toEqual([
      ['children', ['children-health', 'children-safety']],
      ['parents', []],
    ])
    expect(framework.domains[0]?.children[0]?.cells).toEqual([{ polarity: 'need', text: 'Note: any injury to a non-mobile baby must be referred to the MASH.' }])
    expect(framework.levels[2]).toMatchObject({ shortTitle: 'Statutory', familyAgreement: 'conditional', familyAgreementCondition: 'Needed for child in need; not needed where there is reasonable cause to suspect significant harm.' })
  })
})
