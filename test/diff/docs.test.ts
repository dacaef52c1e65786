import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers.ts'

describe('diff documentation', () => {
  it('docs/changes.md, docs/diff-sample.md and the README sample match the registry, fixtures and a real run', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docs/changes.ts', '--check'], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
