import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACROSS, CONTAINED, IN_PLACE, POSSIBLY } from '../../scripts/diff/similarity.ts'
import { repoRoot } from '../helpers.ts'

describe('diff documentation', () => {
  it('docs/changes.md, docs/diff-sample.md and the sample in docs/diff.md match the registry, fixtures and a real run', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bin/regenerate.ts', 'changes', '--check'], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('docs/changes.md gives the matching thresholds as numbers', () => {
    const text = readFileSync(join(repoRoot, 'docs/changes.md'), 'utf8')
    expect(text).not.toContain('${')
    expect(text).toContain(`at least\n   **${IN_PLACE}**)`)
    expect(text).toContain(`at least **${ACROSS}**:`)
    expect(text).toContain(`   **${POSSIBLY}** is paired`)
    expect(text).toContain(`at least ${CONTAINED * 100}% of its content words`)
  })
})
