import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isWithin } from '../../scripts/shared/within.ts'

const cwd = process.cwd()

/** [inner, outer, expected]: the one question every output-folder and link check asks. */
const cases: [string, string, boolean][] = [
  ['/a/b', '/a/b', true],
  ['/a/b/', '/a/b', true],
  ['/a/b', '/a/b/', true],
  ['/a/b/c', '/a/b', true],
  ['/a/b/c/', '/a/b//', true],
  ['/a/b/..x', '/a/b', true],
  ['/a/b/...', '/a/b', true],
  ['/a/b/..x/c', '/a/b', true],
  ['/a/b/..', '/a/b', false],
  ['/a/b/../x', '/a/b', false],
  ['/a/x', '/a/b', false],
  ['/a/bc', '/a/b', false],
  ['/a', '/a/b', false],
  ['/', '/a/b', false],
  ['/a/b', '/', true],
  ['/a/b/./c', '/a/b', true],
  ['sub/..x', '.', true],
  ['sub', cwd, true],
  [path.join(cwd, 'sub'), '.', true],
  ['..', '.', false],
  ['../x', '.', false],
  [path.dirname(cwd), 'sub', false],
]

describe('isWithin', () => {
  for (const [inner, outer, expected] of cases)
    it(`“${inner}” is ${expected ? '' : 'not '}within “${outer}”`, () => {
      expect(isWithin(inner, outer)).toBe(expected)
    })
})
