import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digests, filesUnder, frameworkWith, onTestDay, thresholds } from '../helpers.ts'

interface Report {
  diagnostics: Array<{ ruleId: string; severity: string; file: string; message: string }>
  summary: { errors: number; warnings: number }
}

describe('thresholds new', () => {
  it('creates every file of a framework, each explaining itself in comments', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-new-'))
    const created = thresholds(['new', 'west-midshire'], root, { env: onTestDay })
    expect(created.status).toBe(0)
    expect(created.stderr).toBe('Created sources/west-midshire/ with 12 files. Fill in each “TODO”, then run: npx thresholds check sources/west-midshire\n')
    const dir = path.join(root, 'sources/west-midshire')
    const files = filesUnder(dir)
    expect(files).toEqual([
      'contacts.md',
      'domains/01-health.md',
      'domains/02-family-and-relationships.md',
      'framework.md',
      'levels/01-universal.md',
      'levels/02-early-help.md',
      'levels/03-child-in-need.md',
      'levels/04-child-protection.md',
      'links.md',
      'matrix.md',
      'rules.yaml',
      'sections/01-introduction.md',
    ])
    expect(created.stdout.trim().split('\n').sort()).toEqual(files.map((file) => `sources/west-midshire/${file}`))
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8')
      expect(text, file).toMatch(file.endsWith('.yaml') ? /^# / : /<!--|\n# /)
    }
    expect(readFileSync(path.join(dir, 'framework.md'), 'utf8')).toContain('id: west-midshire\n')
  })

  it('passes check with no errors, and only warnings asking for things to be filled in', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-new-'))
    expect(thresholds(['new', 'west-midshire'], root, { env: onTestDay }).status).toBe(0)
    const checked = thresholds(['check', '--format', 'json'], root, { env: onTestDay })
    expect(checked.status).toBe(0)
    const report = JSON.parse(checked.stdout) as Report
    expect(report.summary.errors).toBe(0)
    expect(new Set(report.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['content-placeholder', 'link-pending']))
    const placeholders = new Set(report.diagnostics.filter((d) => d.ruleId === 'content-placeholder').map((d) => d.file))
    for (const file of ['framework.md', 'levels/01-universal.md', 'levels/04-child-protection.md', 'domains/01-health.md', 'contacts.md', 'matrix.md', 'sections/01-introduction.md'])
      expect(placeholders, file).toContain(`sources/west-midshire/${file}`)
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'content-placeholder', file: 'sources/west-midshire/framework.md', message: 'The setting “title” still says “TODO: the title as printed on the cover”, expected the framework\'s own value' }),
    )
    // The skeleton builds, and makes a website, before anything is filled in.
    expect(thresholds(['build'], root, { env: onTestDay }).status).toBe(0)
    expect(thresholds(['site'], root, { env: onTestDay }).status).toBe(0)
    expect(existsSync(path.join(root, 'generated/site/west-midshire/levels/child-protection.html'))).toBe(true)
  })

  it('refuses an id that is not lower-case letters, digits and hyphens (exit 2)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-new-'))
    for (const id of ['West-Midshire', 'west_midshire', 'west--midshire', 'west-', 'west midshire', '../escape', 'a'.repeat(61)]) {
      const result = thresholds(['new', id], root, { env: onTestDay })
      expect(result.status, id).toBe(2)
      expect(result.stderr, id).toMatch(/is not a framework id, expected lower-case letters, digits and single hyphens|characters long, expected at most 60/)
    }
    expect(existsSync(path.join(root, 'sources'))).toBe(false)
    expect(thresholds(['new'], root, { env: onTestDay })).toMatchObject({ status: 2, stderr: 'thresholds new expects one framework id, such as “thresholds new west-midshire”\n' })
    expect(thresholds(['new', 'a', 'b'], root, { env: onTestDay }).status).toBe(2)
    expect(thresholds(['new', '-west'], root, { env: onTestDay }).status).toBe(2)
  })

  it('never touches a folder that exists', () => {
    const { root, dir } = frameworkWith()
    const before = digests(dir)
    expect(thresholds(['new', 'minimal'], root, { env: onTestDay })).toMatchObject({ status: 2, stderr: 'sources/minimal already exists, expected a new framework id (nothing was changed)\n' })
    expect(digests(dir)).toEqual(before)
    expect(filesUnder(path.join(root, 'sources'))).toEqual(filesUnder(path.join(root, 'sources')).filter((file) => file.startsWith('minimal/')))
  })

  it('explains itself, as do site and dev, with --help', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-new-'))
    for (const [command, usage] of [
      ['new', 'Usage: thresholds new <framework-id> [--sources <dir>]'],
      ['site', 'Usage: thresholds site [paths...] [options]'],
      ['dev', 'Usage: thresholds dev [paths...] [options]'],
    ]) {
      const help = thresholds([command as string, '--help'], root, { env: onTestDay })
      expect(help.status, command).toBe(0)
      expect(help.stdout.startsWith(`${usage}\n`), command).toBe(true)
      expect(thresholds(['--help'], root, { env: onTestDay }).stdout, command).toContain(`\n  ${command} `)
    }
    expect(existsSync(path.join(root, 'sources'))).toBe(false)
  })

  it('writes where --sources says', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-new-'))
    expect(thresholds(['new', 'north', '--sources', 'content'], root, { env: onTestDay }).status).toBe(0)
    expect(existsSync(path.join(root, 'content/north/framework.md'))).toBe(true)
  })
})
