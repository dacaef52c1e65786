/**
 * Time spent per pipeline stage, for `npm run bench`. Off by default: a disabled `timed` is one
 * branch, so the CLI pays nothing for it.
 */
export const STAGES = ['read', 'parse', 'model', 'schema', 'rules', 'generate-json', 'generate-ts', 'write', 'cache'] as const
export type Stage = (typeof STAGES)[number]

let totals: Map<Stage, number> | undefined

export function startTiming(): void {
  totals = new Map(STAGES.map((stage) => [stage, 0]))
}

/** Runs `fn`, adding its time to `stage`; time spent in nested stages is counted there, not here. */
export function timed<T>(stage: Stage, fn: () => T): T {
  if (!totals) return fn()
  const outer = current
  current = stage
  const start = performance.now()
  try {
    return fn()
  } finally {
    const spent = performance.now() - start
    totals.set(stage, (totals.get(stage) ?? 0) + spent)
    if (outer) totals.set(outer, (totals.get(outer) ?? 0) - spent)
    current = outer
  }
}

let current: Stage | undefined

/** For time measured around an `await`, which `timed` cannot wrap. */
export function addTime(stage: Stage, ms: number): void {
  if (totals) totals.set(stage, (totals.get(stage) ?? 0) + ms)
}

export function stageTimes(): Record<Stage, number> {
  return Object.fromEntries(STAGES.map((stage) => [stage, totals?.get(stage) ?? 0])) as Record<Stage, number>
}
