import v8 from 'node:v8'

/** From this many frameworks a run's heap is large enough (over 300 MB live at 1,000) for its growth to set the peak. */
export const LARGE_RUN_FRAMEWORKS = 250

/**
 * V8's heap growth, as `--heap-growing-percent`, for a run of `frameworks` frameworks: 0 (V8's own
 * factor) for a small run, 50 for a large one. V8 lets the heap grow to what was live at the last
 * full collection times a factor of its own, up to 4 when the program allocates quickly, as a large
 * build's generation does; 50 makes it 1.5. It never refuses memory: a collection comes sooner.
 * Measured at 1,000 frameworks (docs/performance.md): peak 853 MB against 1,050, the same CPU.
 */
export function heapGrowingPercent(frameworks: number): number {
  return frameworks >= LARGE_RUN_FRAMEWORKS ? 50 : 0
}

/**
 * Runs `work` with the heap growth of a run of `frameworks` frameworks, and V8's own factor again
 * once it ends. V8 reads the setting at every full collection, so it holds from the next one on.
 */
export async function withHeapGrowth<T>(frameworks: number, work: () => Promise<T>): Promise<T> {
  const percent = heapGrowingPercent(frameworks)
  if (percent === 0) return work()
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
  try {
    return await work()
  } finally {
    v8.setFlagsFromString('--heap-growing-percent=0')
  }
}
