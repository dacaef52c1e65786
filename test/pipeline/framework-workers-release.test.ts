/**
 * What frameworks built on worker threads (scripts/pipeline/framework-workers.ts) keep once their
 * comparing rules have run. The workers end, and their ports close, only on a later turn of the
 * event loop, and a build's generation may not give one for a long while: whatever the workers'
 * listeners reach (every folder read, every text, every model of the run) must not wait for that.
 * Garbage is collected here on demand (V8's gc(), let in for this file), so nothing depends on
 * when the collector would have run.
 */
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { expect, it } from 'vitest'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { findFrameworkFolders, readFolders } from '../../scripts/parse/index.ts'
import { startOnWorkers } from '../../scripts/pipeline/framework-workers.ts'
import { parser, repoRoot, TEST_TODAY } from '../helpers.ts'

/** A full collection now. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc')
  ;(vm.runInNewContext('gc') as () => void)()
}

/**
 * Builds the shipped frameworks on two workers and runs their comparing rules; gives weak
 * references to a model and a folder read, made before the comparing rules ran (a weak reference
 * keeps its target until the turn that made it ends), and how many suppressions came back.
 */
async function builtAndFinished(): Promise<{ model: WeakRef<object>; folder: WeakRef<object>; suppressed: number }> {
  const read = readFolders(findFrameworkFolders([path.join(repoRoot, 'sources')], repoRoot), repoRoot)
  const started = await startOnWorkers(read, 2, new ParseBudget({ seconds: 1e6, memoryMb: 1024 }), { today: TEST_TODAY }, parser, () => undefined)
  if (!Array.isArray(started)) throw new Error('the workers did not build the frameworks')
  expect(started).toHaveLength(2)
  const model = new WeakRef(started[0]!.framework)
  const folder = new WeakRef(started[1]!.folder)
  const suppressed = await Promise.all(started.map((each) => each.finish([])))
  return { model, folder, suppressed: suppressed.flat().length }
}

it('keeps no model or folder of the run once the comparing rules have run, before its workers have ended', async () => {
  const { model, folder, suppressed } = await builtAndFinished()
  expect(suppressed).toBeGreaterThan(0)
  // No turn of the event loop since the comparing rules answered: the workers' exits are not handled yet.
  collect()
  expect(model.deref()).toBeUndefined()
  expect(folder.deref()).toBeUndefined()
})
