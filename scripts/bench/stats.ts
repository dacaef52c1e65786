/** Median, min and max of repeated measurements; every figure in bench/results.json is one of these. */
export interface Summary {
  median: number
  min: number
  max: number
  runs: number
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  return { median: round(median), min: round(sorted[0] ?? 0), max: round(sorted.at(-1) ?? 0), runs: sorted.length }
}

export function round(value: number, places = 1): number {
  const factor = 10 ** places
  return Math.round(value * factor) / factor
}
