import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffFrameworks } from '../../scripts/diff/index.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { repoRoot } from '../helpers.ts'

/** Different text must never ship under the same version: a wording change needs a new version too. */
const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'generated/solihull/framework.json'), 'utf8')) as Framework

function reworded(version: string): Framework {
  const next = structuredClone(shipped)
  next.version = version
  const first = next.indicators[0]
  if (first) first.text = `${first.text}.`
  return next
}

describe('version-not-raised', () => {
  it('flags a wording change that keeps the version, and names the next minor version', () => {
    const diff = diffFrameworks(shipped, reworded(shipped.version))
    expect(diff.changes.filter((change) => change.impact === 'practice')).toEqual([])
    expect(diff.changes.length).toBeGreaterThan(0)
    expect(diff.flags).toEqual([{ id: 'version-not-raised', message: '1 change to the text but the version is still 1.0: raise it to 1.1 so apps and readers can tell the two texts apart' }])
  })

  it('is satisfied by a new minor version', () => {
    expect(diffFrameworks(shipped, reworded('1.1')).flags).toEqual([])
  })

  it('says nothing when nothing changed', () => {
    expect(diffFrameworks(shipped, structuredClone(shipped)).flags).toEqual([])
  })
})
