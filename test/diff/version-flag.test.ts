import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffFrameworks } from '../../scripts/diff/index.ts'
import { suggestVersion, versionNotRaised } from '../../scripts/diff/next-version.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { repoRoot } from '../helpers.ts'

/** Different text must never ship under the same version, and the step must fit the change. */
const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'generated/solihull/framework.json'), 'utf8')) as Framework

/** The shipped framework with a full stop added to its first indicator: an editorial change. */
function punctuated(version: string): Framework {
  const next = structuredClone(shipped)
  next.version = version
  const first = next.indicators[0]
  if (first) first.text = `${first.text}.`
  return next
}

describe('version-not-raised', () => {
  it('flags an editorial change that keeps the version, and names the next patch version', () => {
    const diff = diffFrameworks(shipped, punctuated(shipped.version))
    expect(diff.summary).toMatchObject({ changes: 1, practice: 0, review: 0, editorial: 1 })
    expect(diff.flags).toEqual([{ id: 'version-not-raised', message: '1 change to the text but the version is still 1.0: raise it to 1.0.1 so apps and readers can tell the two texts apart' }])
    expect(diff.suggestedVersion).toEqual({ version: '1.0.1', because: 'editorial' })
  })

  it.each(['1.0.1', '1.1', '2.0'])('is satisfied for an editorial change by %s', (version) => {
    expect(diffFrameworks(shipped, punctuated(version)).flags).toEqual([])
  })

  it('says nothing when nothing changed', () => {
    expect(diffFrameworks(shipped, structuredClone(shipped)).flags).toEqual([])
  })

  it('neither flags nor suggests a version not stated; metadata-changed reports the change to or from it', () => {
    const toNotStated = diffFrameworks(shipped, punctuated('not stated'))
    expect(toNotStated.flags).toEqual([])
    expect(toNotStated.suggestedVersion).toEqual({ version: '1.0.1', because: 'editorial' })
    expect(toNotStated.summary).toMatchObject({ changes: 2, editorial: 2 })
    const versionChanges = (diff: typeof toNotStated) => diff.changes.filter((change) => change.kind === 'metadata-changed' && change.field === 'version')
    expect(versionChanges(toNotStated)).toMatchObject([{ old: '1.0', new: 'not stated' }])
    const fromNotStated = diffFrameworks(punctuated('not stated'), shipped)
    expect(fromNotStated.flags).toEqual([])
    expect(fromNotStated.suggestedVersion).toBeUndefined()
    expect(versionChanges(fromNotStated)).toMatchObject([{ old: 'not stated', new: '1.0' }])
    // Still not stated on both sides: no flag asks to raise what the source does not give.
    const stillNotStated = diffFrameworks(punctuated('not stated'), { ...punctuated('not stated'), title: 'Another title' })
    expect(stillNotStated.summary.changes).toBe(1)
    expect(stillNotStated.flags).toEqual([])
    expect(stillNotStated.suggestedVersion).toBeUndefined()
  })
})

describe('the step a change needs (one function for the flag and the suggestion)', () => {
  const practice = { changes: 3, practice: 1, review: 1 }
  const review = { changes: 2, practice: 0, review: 1 }
  const editorial = { changes: 2, practice: 0, review: 0 }

  it.each([
    // [old, new, counts, message or undefined]
    ['1.2', '2.0', practice, undefined],
    ['1.2.4', '2.0', practice, undefined],
    ['1.2', '1.3', practice, '1 change affects practice but the version only went from 1.2 to 1.3: a change in practice needs a new major version (2.0)'],
    ['1.2', '1.2', practice, '1 change affects practice but the version is still 1.2: raise it to 2.0 so practitioners know to read what changed'],
    ['1.2', '1.3', review, undefined],
    ['1.2.7', '1.3', review, undefined],
    ['1.2', '2.0', review, undefined],
    ['1.2', '1.2.1', review, '1 change for a person to review but the version only went from 1.2 to 1.2.1: a change a person should review needs a new minor version (1.3)'],
    ['1.2', '1.2', review, '1 change for a person to review but the version is still 1.2: raise it to 1.3 so apps and readers can tell the two texts apart'],
    ['1.2', '1.2.1', editorial, undefined],
    ['1.2', '1.2.0', editorial, '2 changes to the text but the version is still 1.2.0: raise it to 1.2.1 so apps and readers can tell the two texts apart'],
    ['1.3', '1.2.9', editorial, '2 changes to the text but the version went from 1.3 down to 1.2.9: raise it to 1.3.1 so apps and readers can tell the two texts apart'],
    ['draft', 'draft', editorial, '2 changes to the text but the version is still draft: raise it so apps and readers can tell the two texts apart'],
    ['draft', 'final', practice, undefined],
  ] as const)('from %s to %s with %o', (before, after, counts, message) => {
    expect(versionNotRaised(before, after, counts)).toEqual(message === undefined ? undefined : { id: 'version-not-raised', message })
  })

  it('accepts the suggested version, always', () => {
    for (const counts of [practice, review, editorial])
      for (const before of ['1.0', '1.2', '1.2.3', '0.9', '3']) {
        const suggested = suggestVersion(before, counts)?.version
        expect(suggested).toBeDefined()
        expect(versionNotRaised(before, suggested as string, counts)).toBeUndefined()
      }
  })
})
