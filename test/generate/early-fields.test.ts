/**
 * A build's Markdown fields rendered while its sources are still checked (generate/early-fields.ts):
 * generation takes them instead of rendering again, the bytes are those of a build without them,
 * the fields held are bounded, and a field that fails to render early is left to generation.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { frameworkFiles } from '../../scripts/bench/corpus.ts'
import { EarlyFields } from '../../scripts/generate/early-fields.ts'
import { renderedFields } from '../../scripts/generate/markdown.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { buildRun } from '../../scripts/pipeline/build.ts'
import { checkRun } from '../../scripts/pipeline/check.ts'
import { digests, TEST_TODAY } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const IDS = ['alpha', 'bravo', 'charlie', 'delta']

const root = mkdtempSync(path.join(tmpdir(), 'thresholds-early-'))
const folders = IDS.map((id, n) => {
  const dir = path.join(root, 'sources', id)
  for (const [file, text] of frameworkFiles(id, 12, 7 + n)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  return dir
})
// Two parse workers whatever the size, so models are built (and offered) while the workers parse, as in a large build.
const env = { THRESHOLDS_WORKERS: '2', THRESHOLDS_TODAY: TEST_TODAY }

const entries = (fields: Map<string, unknown> | undefined) => [...(fields ?? [])]

describe('fields rendered while the sources are checked', () => {
  it('are taken by generation instead of being rendered again, and the build is byte for byte the build without them', async () => {
    const early = new EarlyFields()
    const checked = await checkRun(folders, { cwd: root, env, modelBuilt: early.offer })
    expect(checked.errors).toBe(0)
    // Rendered one framework per turn of the event loop: the last ones may come after the check.
    await vi.waitFor(() => expect(checked.contexts.filter((context) => early.has(context.framework)).length).toBe(IDS.length), { timeout: HANG_MS, interval: 10 })
    const withEarly = path.join(root, 'with-early')
    await buildRun(withEarly, checked.contexts, { early, env })
    // Each was taken by generation, once.
    expect(checked.contexts.filter((context) => early.has(context.framework))).toEqual([])

    const plain = await checkRun(folders, { cwd: root, env })
    const without = path.join(root, 'without')
    await buildRun(without, plain.contexts, { env })
    expect(Object.keys(digests(without))).toContain('alpha/index.js')
    expect(digests(withEarly)).toEqual(digests(without))
  })

  it('are the fields generation renders', async () => {
    const early = new EarlyFields()
    const checked = await checkRun(folders, { cwd: root, env, modelBuilt: early.offer })
    await vi.waitFor(() => expect(checked.contexts.every((context) => early.has(context.framework))).toBe(true), { timeout: HANG_MS, interval: 10 })
    for (const { framework } of checked.contexts) {
      const fields = early.take(framework)
      expect(fields?.size).toBeGreaterThan(10)
      expect(entries(fields)).toEqual(entries(renderedFields(framework)))
      expect(early.take(framework)).toBeUndefined()
    }
  })

  it('hold no more than their limit, and none are rendered once stopped', async () => {
    const checked = await checkRun(folders, { cwd: root, env })
    const [first, second, third] = checked.contexts.map((context) => context.framework) as [Framework, Framework, Framework]
    // A limit of one character: the first framework's fields fill it.
    const early = new EarlyFields(undefined, 1)
    early.offer(first)
    early.offer(second)
    await vi.waitFor(() => expect(early.has(first)).toBe(true), { timeout: HANG_MS, interval: 10 })
    await new Promise((resolve) => setImmediate(resolve))
    expect(early.has(second)).toBe(false)

    const stopped = new EarlyFields()
    stopped.offer(third)
    stopped.stop()
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setImmediate(resolve))
    expect(stopped.has(third)).toBe(false)
  })

  it('are not rendered in a run of more than 200 frameworks, where the main thread holds too many models', async () => {
    const checked = await checkRun(folders.slice(0, 2), { cwd: root, env })
    const [small, large] = checked.contexts.map((context) => context.framework) as [Framework, Framework]
    const early = new EarlyFields()
    early.offer(large, 201)
    early.offer(small, 200)
    await vi.waitFor(() => expect(early.has(small)).toBe(true), { timeout: HANG_MS, interval: 10 })
    expect(early.has(large)).toBe(false)
  })

  it('leave a framework whose fields fail to render to generation, without stopping the run', async () => {
    const early = new EarlyFields()
    // Links that are not a list: rendering its fields throws, as generation would.
    const broken = { id: 'broken', links: 10, contacts: [] } as unknown as Framework
    expect(() => renderedFields(broken)).toThrow(TypeError)
    early.offer(broken)
    const checked = await checkRun(folders.slice(0, 1), { cwd: root, env, modelBuilt: early.offer })
    const { framework } = checked.contexts[0] as { framework: Framework }
    // Offered after the broken one: rendered, so the broken one's turn has passed.
    await vi.waitFor(() => expect(early.has(framework)).toBe(true), { timeout: HANG_MS, interval: 10 })
    expect(early.has(broken)).toBe(false)
  })
})
