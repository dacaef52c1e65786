import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, thresholds } from '../helpers.ts'

describe('a bullet point cut short, through the CLI', () => {
  it('is a warning at its line: check passes, --max-warnings 0 fails and build writes nothing', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '- Missing immunisations {#health-missing-immunisations}', '- Missing immunisations and… {#health-missing-immunisations}')
    const check = thresholds(['check', '--format', 'github'], root)
    expect(check.status, check.stderr).toBe(0)
    expect(check.stdout).toContain(
      '::warning file=sources/minimal/domains/01-health.md,line=8,col=3,endLine=8,endColumn=61,title=bullet-complete::This bullet point ends in “and…”, as if its words were cut short, expected the rest of its words; if the source itself stops there, suppress this warning with that reason',
    )
    const build = thresholds(['build', '--max-warnings', '0'], root)
    expect(build.status).toBe(1)
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})
