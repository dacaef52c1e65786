import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, onTestDay, thresholds } from '../helpers.ts'

/** A document that gives no version, status or date is recorded as “not stated”, never with invented values. */
describe('a framework whose source states no version, status or dates', () => {
  const notStated = () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'framework.md'), 'version: "1.0"\nstatus: draft\n', 'version: not stated\nstatus: not stated\npublished: not stated\nreviewDue: not stated\n')
    return root
  }

  it('checks with no message, and the model and packages say “not stated”', () => {
    const root = notStated()
    expect(thresholds(['check'], root, { env: onTestDay })).toEqual({ status: 0, stdout: '', stderr: '✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n' })
    expect(thresholds(['build'], root, { env: onTestDay })).toMatchObject({ status: 0, stderr: 'Wrote 21 files in generated/.\n' })
    const model = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as Record<string, unknown>
    expect([model.version, model.status, model.published, model.reviewDue]).toEqual(['not stated', 'not stated', 'not stated', 'not stated'])
    // semver needs numbers: a version not stated is 0.0.0 for the framework's package. The package
    // of every framework starts at 1.0.0 in an empty folder, whatever its frameworks' versions.
    const version = (file: string) => (JSON.parse(readFileSync(path.join(root, 'generated', file), 'utf8')) as { version: string }).version
    expect([version('package.json'), version('minimal/package.json')]).toEqual(['1.0.0', '0.0.0'])
    expect(readFileSync(path.join(root, 'generated/minimal/CHANGELOG.md'), 'utf8')).toContain('## Minimal Framework (`minimal`) version not stated\n\n- Status: not stated, published not stated, review due not stated\n')
  })

  it('shows “Not stated” on the website', () => {
    const root = notStated()
    expect(thresholds(['site'], root, { env: onTestDay }).status).toBe(0)
    const page = readFileSync(path.join(root, 'generated/site/minimal/index.html'), 'utf8')
    for (const term of ['Version', 'Status', 'Published', 'Review due']) expect(page).toContain(`<dt>${term}</dt><dd>Not stated</dd>`)
    expect(page).toContain('Version not stated (status not stated), review date not stated.')
    expect(readFileSync(path.join(root, 'generated/site/index.html'), 'utf8')).toContain('Version not stated, status not stated.')
  })

  it('still refuses anything else that is not a version, status or date, at its line', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'framework.md'), 'version: "1.0"\nstatus: draft\n', 'version: unknown\nstatus: draft\npublished: not known\n')
    const run = thresholds(['check'], root, { env: onTestDay })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('sources/minimal/framework.md:5:10 error The version “unknown” is not MAJOR.MINOR or MAJOR.MINOR.PATCH, expected whole numbers such as “1.0” [version-scheme]\n')
    expect(run.stderr).toContain(
      'sources/minimal/framework.md:7:12 error “published” is “not known”, expected a date written YYYY-MM-DD, such as “2026-04-01”, or YYYY-MM when the source gives only the month, or “not stated” when it gives no date [frontmatter-schema]\n',
    )
  })
})
