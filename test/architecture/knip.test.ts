import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers.ts'

interface KnipIssue {
  file: string
  [type: string]: string | Array<{ name: string }>
}

/** What knip (configured in knip.json) finds unused or unlisted, as `<issue type> <file> <name>`. */
function knipFindings(): string[] {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/knip/bin/knip.js'), '--reporter', 'json', '--no-progress', '--no-exit-code'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  expect(result.stderr).toBe('')
  const report = JSON.parse(result.stdout) as { issues: KnipIssue[] }
  const found: string[] = []
  for (const issue of report.issues)
    for (const [type, entries] of Object.entries(issue))
      if (Array.isArray(entries)) for (const entry of entries) found.push(`${type} ${issue.file} ${entry.name}`)
  return found.sort()
}

describe('dead code (knip)', () => {
  // No allow-list: an unused export, file or dependency is removed (or, for generated code, not generated).
  it('finds no unused file, dependency, export or type, and no unlisted dependency', () => {
    expect(knipFindings()).toEqual([])
  })
})
