/**
 * Who renders each framework's Markdown fields during a build: one slot per framework, shared by
 * the main thread and the render worker (field-renderer.ts, render-worker.ts). Whichever takes a
 * free slot first renders that framework; the other leaves it, so no framework is rendered twice
 * and neither thread waits while the other has work it has not begun.
 */
export const FREE = 0
export const ON_WORKER = 1
export const ON_MAIN = 2
/** Rendered on the worker: its answer is on the way. */
export const ANSWERED = 3

/** Takes the slot for `by` when it is free; false when the other thread has it. */
export function claim(claims: Int32Array, slot: number, by: typeof ON_WORKER | typeof ON_MAIN): boolean {
  return Atomics.compareExchange(claims, slot, FREE, by) === FREE
}
