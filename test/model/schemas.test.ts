import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileValidators, getValidators } from '../../scripts/model/schemas.ts'
import { repoRoot } from '../helpers.ts'

describe('schema validators', () => {
  const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'generated/solihull/framework.json'), 'utf8')) as Record<string, unknown>
  const broken = { ...shipped, version: 'v2', levels: 'none', surprise: true }

  it('precompiled and freshly compiled validators agree, error for error', () => {
    const precompiled = getValidators().framework
    const compiled = compileValidators().framework
    expect(precompiled(shipped)).toBe(true)
    expect(compiled(shipped)).toBe(true)
    expect(precompiled(broken)).toBe(false)
    expect(compiled(broken)).toBe(false)
    const shape = (errors: typeof precompiled.errors) => (errors ?? []).map((e) => [e.instancePath, e.keyword, e.schemaPath]).sort()
    expect(shape(precompiled.errors)).toEqual(shape(compiled.errors))
    expect(shape(precompiled.errors).length).toBeGreaterThan(2)
  })

  it('carry their schema, as compiled ones do (front-matter suggestions read it)', () => {
    const precompiled = getValidators()
    const compiled = compileValidators()
    expect(precompiled.frontMatter.level.schema).toEqual(compiled.frontMatter.level.schema)
    expect(precompiled.framework.schema).toEqual(compiled.framework.schema)
  })

  it('count a text’s characters, not its UTF-16 units, at its limits, error for error as freshly compiled ones do', () => {
    // Each emoji is one character and two UTF-16 units: 2,000 of them (4,000 units) are within the
    // 2,000 characters an indicator's text may have, 2,001 are not, and an empty text is too short.
    const withText = (text: string) => {
      const framework = structuredClone(shipped) as { indicators: Array<{ text: string }> }
      framework.indicators[0] = { ...(framework.indicators[0] as { text: string }), text }
      return framework
    }
    for (const validate of [getValidators().framework, compileValidators().framework]) {
      const outcome = (text: string) => (validate(withText(text)) ? 'valid' : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`))
      expect(outcome('😀'.repeat(2000))).toBe('valid')
      expect(outcome('😀'.repeat(2001))).toEqual(['/indicators/0/text maxLength must NOT have more than 2000 characters'])
      expect(outcome('a'.repeat(2001))).toEqual(['/indicators/0/text maxLength must NOT have more than 2000 characters'])
      expect(outcome('')).toEqual(['/indicators/0/text minLength must NOT have fewer than 1 characters'])
    }
  })
})
