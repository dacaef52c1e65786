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
})
