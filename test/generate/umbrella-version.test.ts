import { describe, expect, it } from 'vitest'
import { bumpBetween, bumpCovers, raiseVersion, umbrellaVersion, versionNumbers, type Bump } from '../../scripts/model/versions.ts'

/** @thresholds/frameworks: the sums of the frameworks' MAJOR, MINOR and PATCH versions. */
describe('the version of the package holding every framework', () => {
  it.each([
    [['1.0', '1.0'], '2.0.0'],
    [['2.0', '1.3'], '3.3.0'],
    [['1.2.3', '4.0.1'], '5.2.4'],
    [['1.0'], '1.0.0'],
  ])('of %o is %s', (versions, expected) => {
    expect(umbrellaVersion(versions)).toBe(expected)
  })

  it('goes up by at least the largest step any framework took, so it needs the release of the strongest change', () => {
    const starts = ['1.0', '1.9', '2.3.7', '0.1.12']
    const bumps: Bump[] = ['major', 'minor', 'patch']
    for (const a of starts)
      for (const b of starts)
        for (const stepA of [undefined, ...bumps])
          for (const stepB of [undefined, ...bumps]) {
            if (!stepA && !stepB) continue
            const next = (version: string, step: Bump | undefined) => (step ? raiseVersion(versionNumbers(version)!, step) : version)
            const before = versionNumbers(umbrellaVersion([a, b]))!
            const after = versionNumbers(umbrellaVersion([next(a, stepA), next(b, stepB)]))!
            const strongest = [stepA, stepB].includes('major') ? 'major' : [stepA, stepB].includes('minor') ? 'minor' : 'patch'
            expect(bumpCovers(bumpBetween(before, after), strongest), `${a} ${stepA}, ${b} ${stepB}`).toBe(true)
          }
  })

  it('goes down when a framework is removed (the one case the sums cannot follow)', () => {
    expect(umbrellaVersion(['2.0', '1.0'])).toBe('3.0.0')
    expect(umbrellaVersion(['2.0'])).toBe('2.0.0')
  })
})
