/**
 * Rendered Markdown fields in the content cache (cache/generate.ts: fields): a build that makes one
 * framework again renders only the fields it has not rendered before with the same addresses, and
 * writes the same bytes as a build without the cache.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckCache } from '../../scripts/cache/check.ts'
import { BuildCache } from '../../scripts/cache/generate.ts'
import { openCache, type ContentCache } from '../../scripts/cache/store.ts'
import { findFrameworkFolders } from '../../scripts/parse/index.ts'
import { buildRun } from '../../scripts/pipeline/build.ts'
import { checkRun } from '../../scripts/pipeline/check.ts'
import { digests, repoRoot, TEST_TODAY } from '../helpers.ts'

function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-rendered-fields-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  const cache = openCache(root, { THRESHOLDS_CACHE_KEY: path.join(root, 'config/cache-key'), CACHE_DIR: '' }, process.getuid?.()) as ContentCache
  return { root, cache }
}

/** A build into `out`, through the cache when given one; per framework how many fields the cache answered (recalled) and how many it then kept. */
async function build(root: string, out: string, cache?: ContentCache): Promise<Record<string, { recalled: number; kept: number }>> {
  const checkMemo = cache && new CheckCache(cache)
  const result = await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, memo: checkMemo, today: TEST_TODAY })
  expect(result.errors).toBe(0)
  const buildMemo = checkMemo && new BuildCache(checkMemo)
  const seen: Record<string, { recalled: number; kept: number }> = {}
  if (buildMemo) {
    const memo = buildMemo.fields
    const { recall, keep } = memo
    memo.recall = (id, addresses) => {
      const fields = recall(id, addresses)
      const counts = (seen[id] = { recalled: 0, kept: 0 })
      // Counts the fields answered from what was recalled.
      return fields && { get: (value: string) => (fields.has(value) && counts.recalled++, fields.get(value)), size: fields.size } as unknown as typeof fields
    }
    memo.keep = (id, addresses, fields) => {
      ;(seen[id] ??= { recalled: 0, kept: 0 }).kept = fields.size
      keep(id, addresses, fields)
    }
  }
  await buildRun(path.join(root, out), result.contexts, { memo: buildMemo })
  return seen
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  expect(text).toContain(from)
  writeFileSync(file, text.replace(from, to))
}

describe('rendered fields in the content cache', () => {
  it('answer an edited framework’s unchanged fields, byte for byte as a build without the cache', async () => {
    const { root, cache } = project()
    const first = await build(root, 'cached', cache)
    // Each framework generated alone renders on the main thread, through the memo: nothing known yet.
    const kept = first.solihull?.kept ?? 0
    expect(first.solihull).toEqual({ recalled: 0, kept })
    expect(kept).toBeGreaterThan(20)
    edit(path.join(root, 'sources/solihull/sections/01-introduction.md'), 'on an improvement journey', 'on a journey of improvement')
    const warm = await build(root, 'cached', cache)
    // Only that framework is made again; every field but the edited one comes from the cache.
    expect(warm).toEqual({ solihull: { recalled: kept - 1, kept } })
    await build(root, 'fresh')
    expect(digests(path.join(root, 'cached'))).toEqual(digests(path.join(root, 'fresh')))
    expect(readFileSync(path.join(root, 'cached/solihull/index.ts'), 'utf8')).toContain('on a journey of improvement')
  })

  it('are rendered again when a contact’s number changes, since links to it dial the new number', async () => {
    const { root, cache } = project()
    await build(root, 'cached', cache)
    edit(path.join(root, 'sources/solihull/contacts.md'), '- Phone: 0121 788 4300', '- Phone: 0121 788 4399')
    // The words of the one link that shows the number, so that it still matches where it goes.
    edit(path.join(root, 'sources/solihull/sections/04-response-to-need.md'), '[0121 788 4300](#childrens-services-advice)', '[0121 788 4399](#childrens-services-advice)')
    const warm = await build(root, 'cached', cache)
    expect(warm.solihull?.recalled).toBe(0)
    await build(root, 'fresh')
    expect(digests(path.join(root, 'cached'))).toEqual(digests(path.join(root, 'fresh')))
    // Every rendered field linking to the contact dials the new number.
    const json = readFileSync(path.join(root, 'cached/solihull/index.ts'), 'utf8')
    expect(json).not.toContain('tel:+441217884300')
    expect(json).toContain('tel:+441217884399')
  })

  it('are a miss when signed with another key, and never a wrong field', async () => {
    const { root, cache } = project()
    await build(root, 'cached', cache)
    edit(path.join(root, 'sources/solihull/domains/01-health.md'), 'Physically well', 'Physically well and thriving')
    const other = await build(root, 'other', { ...cache, secret: Buffer.alloc(32, 7) })
    expect(other.solihull?.recalled).toBe(0)
    await build(root, 'fresh')
    expect(digests(path.join(root, 'other'))).toEqual(digests(path.join(root, 'fresh')))
  })
})
