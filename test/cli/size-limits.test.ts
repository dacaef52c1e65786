import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, onTestDay, thresholds } from '../helpers.ts'

describe('a value over its size limit, through the command line', () => {
  it('names the indicator that is too long, its length and the limit, and build writes nothing', () => {
    const { root, dir } = frameworkWith()
    const health = path.join(dir, 'domains/01-health.md')
    writeFileSync(health, readFileSync(health, 'utf8').replace('- Missing immunisations', `- Missing ${'very '.repeat(400)}immunisations`))
    const { status, stderr } = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    expect(stderr.split('\n').filter((line) => line.startsWith('sources/'))).toEqual([
      'sources/minimal/domains/01-health.md:8:1 error Indicator “Missing very very very very very very very very very very...” is too long: 2,021 characters, expected at most 2,000 characters [model-schema]',
    ])
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })

  it('names the setting of rules.yaml that is too short, and the rule it is under', () => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(dir, 'rules.yaml'), 'link-text-descriptive:\n  severity: warning\n  reason: Later\n')
    const { status, stderr } = thresholds(['check', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    expect(stderr.split('\n').filter((line) => line.startsWith('sources/'))).toEqual([
      'sources/minimal/rules.yaml:3:11 error The setting “reason” under “link-text-descriptive” is too short: 5 characters, expected at least 10 characters [rules-config]',
    ])
  })
})
