/**
 * The heap growth a run asks V8 for (scripts/shared/heap-growth.ts): V8's own factor for a small
 * run, 1.5 for a large one; what the run gives back and throws is the run's own. Memory itself is
 * not asserted (docs/performance.md has the measurements).
 */
import { describe, expect, it } from 'vitest'
import { heapGrowingPercent, LARGE_RUN_FRAMEWORKS, withHeapGrowth } from '../../scripts/shared/heap-growth.ts'

describe('heapGrowingPercent', () => {
  it('leaves a small run to V8 and grows a large run’s heap by half of what is live', () => {
    expect(LARGE_RUN_FRAMEWORKS).toBe(250)
    expect(heapGrowingPercent(0)).toBe(0)
    expect(heapGrowingPercent(100)).toBe(0)
    expect(heapGrowingPercent(249)).toBe(0)
    expect(heapGrowingPercent(250)).toBe(50)
    expect(heapGrowingPercent(1000)).toBe(50)
  })
})

describe('withHeapGrowth', () => {
  it('gives what the run gives, small or large', async () => {
    expect(await withHeapGrowth(1, async () => 'small')).toBe('small')
    expect(await withHeapGrowth(1000, async () => 'large')).toBe('large')
  })

  it('throws what the run throws, and a run after it still runs', async () => {
    await expect(withHeapGrowth(1000, async () => Promise.reject(new Error('stopped')))).rejects.toThrow('stopped')
    expect(await withHeapGrowth(1000, async () => 2)).toBe(2)
  })
})
