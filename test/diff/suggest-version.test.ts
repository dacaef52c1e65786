import { describe, expect, it } from 'vitest'
import { suggestVersion } from '../../scripts/diff/next-version.ts'

describe('the suggested next version', () => {
  it.each([
    ['1.2', { changes: 3, practice: 1, review: 1 }, { version: '2.0', because: 'practice' }],
    ['1.2', { changes: 2, practice: 0, review: 1 }, { version: '1.3', because: 'review' }],
    ['1.2', { changes: 2, practice: 0, review: 0 }, { version: '1.2.1', because: 'editorial' }],
    ['1.2.4', { changes: 1, practice: 0, review: 0 }, { version: '1.2.5', because: 'editorial' }],
    ['3', { changes: 1, practice: 0, review: 1 }, { version: '3.1', because: 'review' }],
  ])('from %s with %o is %o', (version, counts, expected) => {
    expect(suggestVersion(version, counts)).toEqual(expected)
  })

  it.each([
    ['1.2', { changes: 0, practice: 0, review: 0 }],
    ['draft', { changes: 2, practice: 1, review: 0 }],
    ['2026-04', { changes: 2, practice: 1, review: 0 }],
    ['not stated', { changes: 2, practice: 1, review: 0 }],
  ])('is none from %s with %o', (version, counts) => {
    expect(suggestVersion(version, counts)).toBeUndefined()
  })
})
