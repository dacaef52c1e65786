import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CheckCache } from '../../scripts/cache/check.ts'
import { BuildCache } from '../../scripts/cache/generate.ts'
import { openCache, type ContentCache } from '../../scripts/cache/store.ts'
import type { Skeleton } from '../../scripts/generate/skeleton.ts'
import { findFrameworkFolders } from '../../scripts/parse/index.ts'
import { buildRun } from '../../scripts/pipeline/build.ts'
import { checkRun } from '../../scripts/pipeline/check.ts'
import { digests, repoRoot, TEST_TODAY } from '../helpers.ts'

// What these tests follow is the cache's skeletons, which a build needs only when the CLI's compile
// has printed none ahead (or dist/ is stale): without this, the result would depend on whether
// dist/ is fresh where the tests run.
vi.mock('../../scripts/generate/printed.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../scripts/generate/printed.ts')>()),
  storedPrints: () => undefined,
}))

function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-skeleton-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  const cache = openCache(root, { THRESHOLDS_CACHE_KEY: path.join(root, 'config/cache-key'), CACHE_DIR: '' }, process.getuid?.()) as ContentCache
  return { root, cache }
}

/** A build into `out`, through the cache when given one; the skeletons the printer printed (those the cache did not know). */
async function build(root: string, out: string, cache?: ContentCache): Promise<string[]> {
  const memo = cache && new CheckCache(cache)
  const result = await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, memo, today: TEST_TODAY })
  expect(result.errors).toBe(0)
  const buildMemo = memo && new BuildCache(memo)
  const printed: string[] = []
  if (buildMemo) {
    const { set } = buildMemo.skeletons
    buildMemo.skeletons.set = (shape: string, skeleton: Skeleton) => {
      printed.push(skeleton.module.map(([relative]) => relative).join(' '))
      set(shape, skeleton)
    }
  }
  await buildRun(path.join(root, out), result.contexts, { memo: buildMemo })
  return printed
}

describe('framework module skeletons in the content cache', () => {
  it('are printed once per shape, then filled in without the printer, byte for byte as a build without the cache', async () => {
    const { root, cache } = project()
    await build(root, 'fresh')
    const forms = '__THRESHOLDS_FRAMEWORK_ID__/index.d.ts __THRESHOLDS_FRAMEWORK_ID__/index.ts __THRESHOLDS_FRAMEWORK_ID__/index.js __THRESHOLDS_FRAMEWORK_ID__/index.d.cts __THRESHOLDS_FRAMEWORK_ID__/index.cjs'
    // The two shipped frameworks are of two shapes (by level; strengths and needs).
    expect(await build(root, 'cold', cache)).toEqual([forms, forms])
    expect(digests(path.join(root, 'cold'))).toEqual(digests(path.join(root, 'fresh')))
    // An edit of the content keeps the shape: the module is filled in from the stored skeleton.
    const health = path.join(root, 'sources/solihull/domains/01-health.md')
    writeFileSync(health, readFileSync(health, 'utf8').replace('Physically well', 'Physically well and thriving'))
    expect(await build(root, 'warm', cache)).toEqual([])
    await build(root, 'fresh-after')
    expect(digests(path.join(root, 'warm'))).toEqual(digests(path.join(root, 'fresh-after')))
    expect(readFileSync(path.join(root, 'warm/solihull/index.ts'), 'utf8')).toContain('Physically well and thriving')
  })

  it('are a miss when signed with another key', async () => {
    const { root, cache } = project()
    await build(root, 'fresh')
    await build(root, 'cold', { ...cache, secret: Buffer.alloc(32, 7) })
    expect(await build(root, 'again', cache)).toHaveLength(2)
    expect(digests(path.join(root, 'again'))).toEqual(digests(path.join(root, 'fresh')))
  })
})
