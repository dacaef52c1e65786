/**
 * The pipeline gives the same bytes however it runs: with or without the content cache, cold or
 * warm, on any number of parse workers, and with typed modules printed once per model shape.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CheckedFramework } from '../../scripts/check/index.ts'
import { generateFiles } from '../../scripts/generate/index.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { digests, parser, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

function build(root: string, out: string, env: Record<string, string>, cache: boolean) {
  const result = spawnSync(process.execPath, [bin, 'build', '--out', out, ...(cache ? [] : ['--no-cache'])], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: '2026-06-30', CACHE_DIR: '', ...env },
    timeout: HANG_MS,
  })
  expect(result.stderr).toMatch(/^Wrote \d+ files in .*\/\.\n$|is already up to date/)
  expect(result.status).toBe(0)
  return digests(path.join(root, out))
}

describe('the pipeline', () => {
  it('builds the same bytes with and without the cache, cold and warm, on 0, 1 and 2 parse workers', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-pipeline-'))
    writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
    cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
    const reference = build(root, 'single', { THRESHOLDS_WORKERS: '0' }, false)
    expect(Object.keys(reference).length).toBeGreaterThan(10)
    expect(build(root, 'one-worker', { THRESHOLDS_WORKERS: '1' }, false)).toEqual(reference)
    expect(build(root, 'two-workers', { THRESHOLDS_WORKERS: '2' }, false)).toEqual(reference)
    // Through the cache: filled on two workers, then answered from it on none.
    expect(build(root, 'cold', { THRESHOLDS_WORKERS: '2' }, true)).toEqual(reference)
    expect(build(root, 'warm', { THRESHOLDS_WORKERS: '0' }, true)).toEqual(reference)
  })

  it('prints a framework module the same whether its shape was printed for another framework first or not', async () => {
    const [shropshire, solihull] = loadFrameworks([path.join(repoRoot, 'sources/shropshire'), path.join(repoRoot, 'sources/solihull')], { parser })
    if (!shropshire || !solihull) throw new Error('the shipped frameworks did not load')
    const checked = (framework: Framework): CheckedFramework => ({ folder: shropshire.folder, framework })
    // Shropshire's shape without its matrix, and Solihull's shape with other levels, id and title.
    const north: Framework = { ...shropshire.framework, id: 'north', title: 'North */ partnership', matrix: undefined }
    const south: Framework = { ...solihull.framework, id: 'south', title: 'South', levels: solihull.framework.levels.slice(1).reverse() }
    const together = await generateFiles([shropshire, checked(north), solihull, checked(south)])
    for (const [framework, id] of [
      [north, 'north'],
      [south, 'south'],
    ] as const) {
      const alone = await generateFiles([checked(framework)])
      const own = (files: Map<string, string>) => [...files].filter(([file]) => file.startsWith(`${id}/`))
      expect(own(alone).length).toBe(10)
      expect(own(together)).toEqual(own(alone))
    }
    const south_js = together.get('south/index.js') ?? ''
    expect(south_js).toContain(`levelOrder = Object.freeze([${solihull.framework.levels.slice(1).reverse().flatMap((level) => [level, ...level.children]).map((level) => `'${level.id}'`).join(', ')}])`)
    expect(together.get('north/index.d.ts')).toContain('/** North *\\/ partnership: the data of framework.json')
    expect(together.get('north/index.d.ts')).not.toContain('export interface MatrixFactor ')
    expect(together.get('shropshire/index.d.ts')).toContain('export interface MatrixFactor ')
  })
})
