/**
 * One unsafe YAML escape in a framework's front-matter is refused at that value alone: the rest of
 * the front-matter still counts (the partnership, the `rules:` settings), so the error is the only
 * message, not the start of a cascade (“partnership is empty”, link-pending warnings the settings
 * switched off, unused suppressions).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

function shropshireCopy(): { root: string; framework: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-escape-'))
  cpSync(path.join(repoRoot, 'sources/shropshire'), path.join(root, 'sources/shropshire'), { recursive: true })
  return { root, framework: path.join(root, 'sources/shropshire/framework.md') }
}

function thresholds(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

interface Diagnostic {
  file: string
  line: number
  column: number
  severity: string
  message: string
  ruleId: string
}

describe('an unsafe YAML escape in a framework’s front-matter', () => {
  it.each([
    ['region: West Midlands', 'region: "a\\e"', 5, 9, 'the control character U+001B'],
    ['partnership: Shropshire Safeguarding Community Partnership', 'partnership: "Shropshire \\u202E Partnership"', 4, 14, 'the bidirectional control “right-to-left override” U+202E, which reorders the text around it'],
  ])('%s written as %s: one error at the value, nothing else', (from, to, line, column, description) => {
    const { root, framework } = shropshireCopy()
    edit(framework, from, to)
    const { status, stdout } = thresholds(['check', '--no-cache', '--format', 'json'], root)
    expect(status).toBe(1)
    const report = JSON.parse(stdout) as { diagnostics: Diagnostic[]; summary: Record<string, number> }
    expect(report.diagnostics.map(({ file, line, column, severity, message, ruleId }) => ({ file, line, column, severity, message, ruleId }))).toEqual([
      {
        file: 'sources/shropshire/framework.md',
        line,
        column,
        severity: 'error',
        message: `A value in the front-matter holds ${description}, written with a YAML escape, expected plain text: remove the escape`,
        ruleId: 'unsafe-character',
      },
    ])
    // The same suppressions as without the escape: the `rules:` settings were read.
    const clean = shropshireCopy()
    const before = JSON.parse(thresholds(['check', '--no-cache', '--format', 'json'], clean.root).stdout) as { summary: Record<string, number> }
    expect(report.summary).toEqual({ ...before.summary, errors: 1 })
  })

  it('fails the build and writes nothing', () => {
    const { root, framework } = shropshireCopy()
    edit(framework, 'region: West Midlands', 'region: "a\\e"')
    const { status, stderr } = thresholds(['build', '--no-cache'], root)
    expect(status).toBe(1)
    expect(stderr).toBe(
      [
        'sources/shropshire/framework.md:5:9 error A value in the front-matter holds the control character U+001B, written with a YAML escape, expected plain text: remove the escape [unsafe-character]',
        '  4 | partnership: Shropshire Safeguarding Community Partnership',
        '> 5 | region: "a\\e"',
        '    |         ^^^^^',
        '  6 | version: "1.0"',
        '  docs: https://github.com/thresholds/thresholds/blob/main/docs/rules.md#unsafe-character',
        '',
        '✖ 1 error, 0 warnings, 29 suppressed in 1 framework',
        'Nothing was written to generated/: fix the 1 error above first.',
        '',
      ].join('\n'),
    )
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})

describe('a front-matter key written as a list', () => {
  it('is one error at its line, and the YAML library prints no warning of its own', () => {
    const { root, framework } = shropshireCopy()
    edit(framework, 'region: West Midlands', 'region: West Midlands\n[a]: 1')
    const result = thresholds(['check', '--no-cache', '--format', 'json'], root)
    expect(result.status).toBe(1)
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message.split(',')[0]])).toEqual([['sources/shropshire/framework.md', 6, 1, 'frontmatter-schema', 'Unknown setting “[ a ]”']])
    expect(result.stderr).toBe('')
  })
})
