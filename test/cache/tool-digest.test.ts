import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digest, toolCodeFiles, toolDigestOf } from '../../scripts/cache/store.ts'
import { toolRoot, toolVersion } from '../../scripts/shared/paths.ts'
import { compareStrings } from '../../scripts/shared/text.ts'

/** A tool folder with both its sources and a compiled dist/ of chunks and workers. */
function toolFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-tool-'))
  for (const file of ['scripts/cli.ts', 'scripts/cache/store.ts', 'dist/cli.js', 'dist/chunks/chunk-a.js', 'dist/framework-worker.js', 'dist/built']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), file)
  }
  return root
}

const relative = (root: string, files: string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'))

describe('the code a cache entry is keyed by', () => {
  it('is every compiled file when the running code is a chunk of dist/, not only the running file', () => {
    const root = toolFolder()
    expect(relative(root, toolCodeFiles(path.join(root, 'dist/chunks/chunk-a.js'), root))).toEqual(['dist/chunks/chunk-a.js', 'dist/cli.js', 'dist/framework-worker.js'])
  })

  it('is scripts/ when the tool runs from its sources', () => {
    const root = toolFolder()
    expect(relative(root, toolCodeFiles(path.join(root, 'scripts/cache/store.ts'), root))).toEqual(['scripts/cache/store.ts', 'scripts/cli.ts'])
  })

  it('is scripts/ for a folder merely named like dist beside the tool', () => {
    const root = toolFolder()
    expect(relative(root, toolCodeFiles(`${root}/dist-old/x.js`, root))).toEqual(['scripts/cache/store.ts', 'scripts/cli.ts'])
  })

  it('is the digest of the version and of every code file, schema and the lockfile, by path and text', () => {
    const under = (dir: string) =>
      readdirSync(path.join(toolRoot, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(?:[cm]?js|ts|json)$/.test(name))
        .sort(compareStrings)
        .map((name) => path.join(toolRoot, dir, name))
    const files = [...toolCodeFiles(path.join(toolRoot, 'scripts/cache/store.ts'), toolRoot), ...under('schema'), path.join(toolRoot, 'package-lock.json')]
    expect(files.length).toBeGreaterThan(100)
    const texts = files.filter((file) => existsSync(file)).flatMap((file) => [path.relative(toolRoot, file), readFileSync(file, 'utf8')])
    expect(toolDigestOf()).toBe(digest(toolVersion(), ...texts))
  })
})
