/**
 * Markdown fields rendered ahead on a worker thread during `build` (generate/field-renderer.ts)
 * are the fields the main thread renders, neither thread waits while the other has a framework it
 * has not begun (stand-in workers under test/fixtures/render-workers/), and the build's bytes are
 * the same with the worker and without it (THRESHOLDS_WORKERS=0).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { frameworkFiles } from '../../scripts/bench/corpus.ts'
import { FieldRenderer } from '../../scripts/generate/field-renderer.ts'
import { generatorOf } from '../../scripts/generate/index.ts'
import { renderedFields } from '../../scripts/generate/markdown.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { bin, digests, TEST_TODAY } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const IDS = ['alpha', 'bravo', 'charlie', 'delta']

/** Four small frameworks of the bench's corpus under `root/sources/`. */
function writeFrameworks(root: string): string[] {
  return IDS.map((id, n) => {
    const dir = path.join(root, 'sources', id)
    for (const [file, text] of frameworkFiles(id, 12, 7 + n)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), text)
    }
    return dir
  })
}

const root = mkdtempSync(path.join(tmpdir(), 'thresholds-render-'))
writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
const folders = writeFrameworks(root)

const loaded = loadFrameworks(folders).map((context) => context.framework)
/** Each test's own copies, so no test sees another's renderer's work, each held as a build holds it (its context). */
const frameworks = (): Array<{ framework: Framework }> => loaded.map((framework) => ({ framework: structuredClone(framework) }))

const entries = (fields: Map<string, unknown>) => [...fields]

describe('Markdown fields rendered on a worker', () => {
  it('are the fields the main thread renders, in the same order; the first two are rendered on the main thread', async () => {
    const all = frameworks()
    const renderer = new FieldRenderer(all, true)
    try {
      for (const item of all) {
        const fields = await renderer.rendered(item)
        expect(fields.size).toBeGreaterThan(10)
        expect(entries(fields)).toEqual(entries(renderedFields(item.framework)))
      }
      // The first two are rendered on the main thread while the worker starts; each of the
      // others by whichever thread began it first, never by both.
      expect(renderer.renderedOnMain).toBeGreaterThanOrEqual(2)
      expect(renderer.renderedOnMain + renderer.renderedOnWorker).toBe(all.length)
    } finally {
      renderer.close()
    }
  })

  it('are rendered on the main thread when the worker has not begun them, without waiting for it', async () => {
    const all = frameworks()
    // This worker never begins a framework nor answers: waiting for it would never end.
    const renderer = new FieldRenderer(all, true, { workerEntry: 'test/fixtures/render-workers/silent.js' })
    try {
      for (const item of all) expect(entries(await renderer.rendered(item))).toEqual(entries(renderedFields(item.framework)))
      expect([renderer.renderedOnMain, renderer.renderedOnWorker, renderer.begunOnWorker]).toEqual([4, 0, 0])
    } finally {
      renderer.close()
    }
  })

  it('while the worker renders the one asked for, the main thread renders the furthest one ahead the worker has not begun', async () => {
    const all = frameworks() as [{ framework: Framework }, { framework: Framework }, { framework: Framework }, { framework: Framework }]
    // This worker begins the third framework and answers only once the main thread has taken the fourth (then that it failed).
    const renderer = new FieldRenderer(all, true, { workerEntry: 'test/fixtures/render-workers/first-held.js' })
    try {
      await renderer.rendered(all[0])
      await renderer.rendered(all[1])
      await vi.waitFor(() => expect(renderer.begunOnWorker).toBe(1), { timeout: HANG_MS, interval: 20 })
      expect(entries(await renderer.rendered(all[2]))).toEqual(entries(renderedFields(all[2].framework)))
      // The fourth was rendered while the worker held the third, before it was asked for.
      expect(renderer.renderedOnMain).toBe(4)
      expect(entries(await renderer.rendered(all[3]))).toEqual(entries(renderedFields(all[3].framework)))
      expect([renderer.renderedOnMain, renderer.renderedOnWorker]).toEqual([4, 0])
    } finally {
      renderer.close()
    }
  })

  it('start no worker for one framework, nor when THRESHOLDS_WORKERS is 0', async () => {
    const all = frameworks()
    const one = new FieldRenderer(all, true)
    const none = new FieldRenderer(all, false)
    try {
      await one.rendered(all[0] as { framework: Framework })
      for (const item of all) expect(entries(await none.rendered(item))).toEqual(entries(renderedFields(item.framework)))
      expect([one.renderedOnWorker, none.renderedOnWorker]).toEqual([0, 0])
      expect([one.workerStarted, none.workerStarted]).toEqual([false, false])
    } finally {
      one.close()
      none.close()
    }
  })

  it('start the worker with the first framework when every framework is to be generated', async () => {
    const all = frameworks()
    // This worker never answers: what it is sent is rendered on the main thread when asked for.
    const renderer = new FieldRenderer(all, true, { fromFirst: true, workerEntry: 'test/fixtures/render-workers/silent.js' })
    try {
      expect(entries(await renderer.rendered(all[0] as { framework: Framework }))).toEqual(entries(renderedFields((all[0] as { framework: Framework }).framework)))
      expect([renderer.workerStarted, renderer.renderedOnMain]).toEqual([true, 1])
    } finally {
      renderer.close()
    }
  })

  it('are rendered on the main thread when the worker stopped before answering', async () => {
    const all = frameworks()
    const renderer = new FieldRenderer(all, true)
    await renderer.rendered(all[0] as { framework: Framework })
    // Sends the third and fourth to the worker, which is stopped before it can answer.
    await renderer.rendered(all[1] as { framework: Framework })
    renderer.close()
    for (const item of all.slice(2)) expect(entries(await renderer.rendered(item))).toEqual(entries(renderedFields(item.framework)))
    expect(renderer.renderedOnWorker).toBe(0)
  })

  it('read only the models of the frameworks rendered: a build that generates one framework reads no other model', async () => {
    // A model answered from the content cache is read from disk when first asked for (cache/check.ts: CachedFramework).
    const read = new Set<string>()
    const contexts = loaded.map((model, n) => ({
      folder: { id: IDS[n] } as never,
      get framework() {
        read.add(model.id)
        return model
      },
    }))
    const generator = generatorOf(contexts, new Map(), undefined, true)
    try {
      expect([...read]).toEqual([])
      const files = await generator.frameworkFiles(contexts[2] as (typeof contexts)[number])
      expect(files.map(([relative]) => relative)).toContain(`${IDS[2]}/framework.json`)
      expect([...read]).toEqual([IDS[2]])
    } finally {
      generator.close?.()
    }
  })

  it('leave the bytes of `thresholds build` as they are without the worker', () => {
    const build = (out: string, env: Record<string, string>) => {
      const result = spawnSync(process.execPath, [bin, 'build', 'sources', '--out', out, '--no-cache'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: TEST_TODAY, CACHE_DIR: '', ...env },
        timeout: HANG_MS,
      })
      expect(result.stderr).toBe(`Wrote ${Object.keys(digests(path.join(root, out))).length} files in ${out}/.\n`)
      expect(result.status).toBe(0)
      return digests(path.join(root, out))
    }
    const inline = build('inline', { THRESHOLDS_WORKERS: '0' })
    expect(Object.keys(inline).filter((file) => file.endsWith('/index.js'))).toEqual(IDS.map((id) => `${id}/index.js`))
    expect(build('worker', {})).toEqual(inline)
  })
})
