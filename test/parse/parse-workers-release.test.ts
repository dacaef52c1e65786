/**
 * What a parse on worker threads (scripts/parse/workers.ts) keeps once it has returned. Its
 * workers end, and their ports close, only on a later turn of the event loop, and a build's
 * generation may not give one for a long while: whatever the workers' listeners reach (the
 * caller's handler, and through it every text and model of the run) must not wait for that.
 * Garbage is collected here on demand (V8's gc(), let in for this file), so nothing depends on
 * when the collector would have run.
 */
import v8 from 'node:v8'
import vm from 'node:vm'
import { expect, it } from 'vitest'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { parseEachInWorkers } from '../../scripts/parse/workers.ts'

/** A full collection now. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc')
  ;(vm.runInNewContext('gc') as () => void)()
}

/** A handler holding on to every tree it is given, and a weak reference to what it holds (made here, so only the handler keeps it). */
function holdingHandler(): { each: (index: number, result: unknown) => void; count: () => number; held: WeakRef<unknown[]> } {
  const trees: unknown[] = []
  return { each: (_, result) => void trees.push(result), count: () => trees.length, held: new WeakRef(trees) }
}

it('keeps nothing the caller handed it once it has returned, before its workers have ended', async () => {
  const texts = Array.from({ length: 6 }, (_, i) => `# Text ${i}\n\nSome *words*.`)
  let handler: ReturnType<typeof holdingHandler> | undefined = holdingHandler()
  const { held } = handler
  await parseEachInWorkers(texts, 2, new ParseBudget({ seconds: 1e6, memoryMb: 256 }), handler.each)
  // Counted without reading the weak reference: reading it would keep its target until this turn ends.
  expect(handler.count()).toBe(6)
  handler = undefined
  // No turn of the event loop since the parse returned: its workers' exits are not handled yet.
  collect()
  expect(held.deref()).toBeUndefined()
})
