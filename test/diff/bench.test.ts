import { describe, expect, it } from 'vitest'
import { benchDiff, makePair } from '../../scripts/bench/diff.ts'

// Only what the benchmark compares is tested here; how fast is measured by npm run bench.
describe('the diff benchmark', () => {
  it('changes 10% of 2,000 indicators, and the diff finds every change', () => {
    const pair = makePair()
    expect(pair.old.indicators).toHaveLength(2000)
    expect(pair.changed).toBe(200)
    const result = benchDiff({ runs: 1, warmup: 0 })
    expect(result.changesReported).toBe(235)
  })
})
