import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digests, frameworkWith, thresholds } from '../helpers.ts'

describe('thresholds site', () => {
  it('writes the website to generated/site, byte-identical on a second run', () => {
    const { root } = frameworkWith()
    const first = thresholds(['site'], root)
    expect(first.stderr).toMatch(/^Wrote \d+ files in generated\/site\/\. Open generated\/site\/index\.html in a browser\.\n$/)
    expect(first.status).toBe(0)
    const site = path.join(root, 'generated/site')
    const files = Object.keys(digests(site))
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'assets/site.css', 'assets/filter.js', 'minimal/index.html', 'minimal/levels/early-help.html', 'minimal/domains/health.html', 'minimal/indicators.html', 'minimal/contacts.html']),
    )
    expect(readFileSync(path.join(site, 'minimal/index.html'), 'utf8')).toContain('<h1>Minimal Framework</h1>')
    const before = digests(site)
    const again = thresholds(['site'], root)
    expect(again).toMatchObject({ status: 0, stderr: 'generated/site/ is already up to date.\n' })
    expect(digests(site)).toEqual(before)
  })

  it('writes nothing when the check fails', () => {
    const { root, dir } = frameworkWith()
    expect(thresholds(['site'], root).status).toBe(0)
    const before = digests(path.join(root, 'generated/site'))
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace(/## Contacts[\s\S]*$/, '').replace('Support as soon', 'Help as soon'))
    const failed = thresholds(['site'], root)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain('[level-has-contacts]')
    expect(failed.stderr).toContain('Nothing was written to generated/site/: fix the 1 error above first.\n')
    expect(digests(path.join(root, 'generated/site'))).toEqual(before)
  })

  it('writes nothing on a fresh checkout when the check fails', () => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(dir, 'framework.md'), readFileSync(path.join(dir, 'framework.md'), 'utf8').replace('version: "1.0"', 'version: one'))
    expect(thresholds(['site', '--format', 'json'], root).status).toBe(1)
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })

  it('is left alone by build, and leaves build output alone', () => {
    const { root } = frameworkWith()
    expect(thresholds(['build'], root).status).toBe(0)
    const built = digests(path.join(root, 'generated'))
    expect(thresholds(['site'], root).status).toBe(0)
    const site = digests(path.join(root, 'generated/site'))
    const all = digests(path.join(root, 'generated'))
    for (const [file, digest] of Object.entries(built)) expect(all[file], file).toBe(digest)
    const level = path.join(root, 'sources/minimal/levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('Support as soon', 'Help as soon'))
    expect(thresholds(['build'], root).status).toBe(0)
    expect(digests(path.join(root, 'generated/site'))).toEqual(site)
    expect(thresholds(['build', '--check'], root).status).toBe(0)
  })

  it('writes elsewhere with --out, and explains itself with --help', () => {
    const { root } = frameworkWith()
    expect(thresholds(['site', '--out', 'public'], root).status).toBe(0)
    expect(existsSync(path.join(root, 'public/minimal/index.html'))).toBe(true)
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
    const help = thresholds(['site', '--help'], root)
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage: thresholds site [paths...] [options]')
  })
})
