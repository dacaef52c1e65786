import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toolCodeFiles } from '../../scripts/cache/store.ts'

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
})
