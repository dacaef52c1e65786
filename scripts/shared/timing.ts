import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Time spent per pipeline stage, for `npm run bench`. Off unless a run is measured: an unmeasured
 * `timed` is one lookup and a branch, so the CLI pays nothing for it.
 */
export const STAGES = ['read', 'parse', 'model', 'schema', 'rules', 'early-fields', 'generate-json', 'generate-ts', 'write', 'cache'] as const
export type Stage = (typeof STAGES)[number]

/** The time per stage of one measured run; the bench makes one and runs the pipeline in `measure`. */
export class StageTimer {
  private readonly totals = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]))
  /** The stage running now: time spent in a stage nested in it is counted there, not here. */
  current: Stage | undefined
  /** Time of work done while another part of the run waited (timedAside): that wait did not last it. */
  aside = 0

  /** Runs `run`, counting the time of every stage inside it (after an `await` too) in this timer. */
  measure<T>(run: () => T): T {
    return measured.run(this, run)
  }

  add(stage: Stage, ms: number): void {
    this.totals.set(stage, (this.totals.get(stage) ?? 0) + ms)
  }

  times(): Record<Stage, number> {
    return Object.fromEntries(STAGES.map((stage) => [stage, this.totals.get(stage) ?? 0])) as Record<Stage, number>
  }
}

// The timer of the run being measured, if any, carried by the async context into every stage
// instead of as a parameter of each: it holds no time itself (docs/architecture.md).
const measured = new AsyncLocalStorage<StageTimer>()

/** Runs `fn`, adding its time to `stage`; time spent in nested stages is counted there, not here. */
export function timed<T>(stage: Stage, fn: () => T): T {
  const timer = measured.getStore()
  if (!timer) return fn()
  const outer = timer.current
  timer.current = stage
  const start = performance.now()
  try {
    return fn()
  } finally {
    const spent = performance.now() - start
    timer.add(stage, spent)
    if (outer) timer.add(outer, -spent)
    timer.current = outer
  }
}

/**
 * `timed`, for work run between the turns of a wait that is measured around an `await` (a build's
 * fields rendered while the check waits for the parser): the wait subtracts it (asideMs).
 */
export function timedAside<T>(stage: Stage, fn: () => T): T {
  const start = performance.now()
  try {
    return timed(stage, fn)
  } finally {
    const timer = measured.getStore()
    if (timer) timer.aside += performance.now() - start
  }
}

/** All the time counted by timedAside so far in the measured run: a wait measured around an `await` subtracts what it grew by. */
export function asideMs(): number {
  return measured.getStore()?.aside ?? 0
}

/** For time measured around an `await`, which `timed` cannot wrap. */
export function addTime(stage: Stage, ms: number): void {
  measured.getStore()?.add(stage, ms)
}
