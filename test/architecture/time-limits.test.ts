import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers.ts'

/**
 * No test sets a time limit of its own: a fixed number of milliseconds, fine on an idle machine,
 * fails the test on a busy one. Processes are killed after HANG_MS and requests to the local test
 * server given LOCAL_REQUEST_MS (test/limits.ts); Vitest's limit per test is in vitest.config.ts.
 */

/** Every .ts and .mjs file under test/, relative to the repository, with forward slashes. */
function testFiles(dir = 'test'): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(relative)
    return /\.(ts|mjs)$/.test(entry.name) ? [relative] : []
  })
}

/** `file:line: text` for each line that gives a time limit as a number. */
function fixedLimits(file: string, text: string): string[] {
  const patterns = [
    // spawn, spawnSync and execFile options, the CLI helper's options, and Vitest's { timeout }
    /\btimeout: \d/,
    // Vitest's limit as the last argument of it(), test(), describe() or a hook (a second or
    // more: a shorter number there is a timer's interval)
    /^\s*\}, \d[\d_]{3,}\)/,
    /\b(test|hook)Timeout\b/,
  ]
  return text.split('\n').flatMap((line, index) => (patterns.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : []))
}

describe('time limits in the tests', () => {
  it('are never a number in a test file: processes and tests take theirs from test/limits.ts and vitest.config.ts', () => {
    const found = testFiles()
      .filter((file) => file !== 'test/limits.ts' && file !== 'test/architecture/time-limits.test.ts')
      .flatMap((file) => fixedLimits(file, readFileSync(path.join(repoRoot, file), 'utf8')))
    expect(found).toEqual([])
  })

  it('are found as a spawn option, a Vitest option, a last argument and a setting', () => {
    const text = [
      "spawnSync('node', [], { cwd, timeout: 60_000 })",
      "describe('slow', { timeout: 300_000 }, () => {",
      '  }, 120_000)',
      '    testTimeout: 5000,',
      "spawnSync('node', [], { cwd, timeout: HANG_MS })",
      "probeUrl(url, { timeoutMs: 100 })",
      '}, 10)',
    ].join('\n')
    expect(fixedLimits('x.ts', text)).toEqual([
      "x.ts:1: spawnSync('node', [], { cwd, timeout: 60_000 })",
      "x.ts:2: describe('slow', { timeout: 300_000 }, () => {",
      'x.ts:3: }, 120_000)',
      'x.ts:4: testTimeout: 5000,',
    ])
  })
})
