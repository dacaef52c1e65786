import { describe, expect, it } from 'vitest'
import { benchDiff, makePair } from '../../scripts/bench/diff.ts'

describe('the diff benchmark', () => {
  it('changes 10% of 2,000 indicators and compares them in well under a second', () => {
    const pair = makePair()
    expect(pair.old.indicators).toHaveLength(2000)
    expect(pair.changed).toBe(200)
    const result = benchDiff({ runs: 5, warmup: 1 })
    expect(result.changesReported).toBe(236)
    expect(result.ms.compareAndReports.median).toBeLessThan(1000)
  })
})
