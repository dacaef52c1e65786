import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { staleFiles, writeGeneratedFiles } from '../../scripts/shared/generated-files.ts'
import { repoRoot } from '../helpers.ts'

describe('generated files (the write-or-check of npm run docs, docs:changes, docs:quality and schema:types)', () => {
  it('names each file that differs or is missing, and none that holds its text', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-generated-'))
    mkdirSync(path.join(root, 'docs'))
    writeFileSync(path.join(root, 'docs/same.md'), 'same\n')
    writeFileSync(path.join(root, 'docs/changed.md'), 'old\n')
    const files = [
      { file: 'docs/same.md', text: 'same\n' },
      { file: 'docs/changed.md', text: 'new\n' },
      { file: 'docs/missing.md', text: 'new\n' },
    ]
    expect(staleFiles(root, files)).toEqual(['docs/changed.md', 'docs/missing.md'])
    writeGeneratedFiles(root, files)
    expect(readFileSync(path.join(root, 'docs/changed.md'), 'utf8')).toBe('new\n')
    expect(readFileSync(path.join(root, 'docs/missing.md'), 'utf8')).toBe('new\n')
    expect(staleFiles(root, files)).toEqual([])
  })

  it('refuses an unknown generator or flag with one usage line and exit 2', () => {
    for (const args of [['nothing'], ['rules', '--chek']]) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bin/regenerate.ts', ...args], { cwd: repoRoot, encoding: 'utf8' })
      expect(result.stderr).toBe('Usage: tsx scripts/bin/regenerate.ts <rules|changes|quality|schema> [--check]\n')
      expect(result.status).toBe(2)
    }
  })
})
