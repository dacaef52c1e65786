import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, onTestDay, thresholds } from '../helpers.ts'

/** The minimal framework with `from` replaced by `to` in one of its files. */
function edited(file: string, from: string, to: string): string {
  const { root, dir } = frameworkWith()
  const target = path.join(dir, file)
  writeFileSync(target, readFileSync(target, 'utf8').replace(from, to))
  return root
}

describe('words the reader has no place for, through the command line', () => {
  it('quotes an image without a description by its address and a list with its items apart, and build writes nothing', () => {
    const root = edited('contacts.md', '## Front door {#front-door}', '![](https://example.org/logo.png)\n\n- one\n- two\n\n## Front door {#front-door}')
    const { status, stderr } = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    const where = 'expected it under a contact’s “##” heading, or in a “<!-- note -->” if it is a note for editors [content-placed]'
    expect(stderr.split('\n').filter((line) => line.startsWith('sources/'))).toEqual([
      `sources/minimal/contacts.md:5:1 error “https://example.org/logo.png” is not read into the framework here, so it would be lost, ${where}`,
      `sources/minimal/contacts.md:7:1 error “one two” is not read into the framework here, so it would be lost, ${where}`,
    ])
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })

  it('takes “to follow” at the end of a sentence with emphasis in it for the framework’s own words', () => {
    const root = edited('levels/01-early-help.md', '- Talk to the family.', '- Agree the steps **below** to follow.')
    const { status, stdout, stderr } = thresholds(['check', '--no-cache'], root, { env: onTestDay })
    expect(stdout + stderr).toBe('✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n')
    expect(status).toBe(0)
  })
})

describe('a note for editors inside a line, through the command line', () => {
  it('is left out of the published words, the spaces around it becoming one', () => {
    const root = edited('domains/01-health.md', '- Missing immunisations', '- Missing<!-- check with the nurse -->  *immunisations*')
    const { status } = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as { indicators: Array<{ id: string; text: string; markdown?: string }> }
    expect(framework.indicators.find((indicator) => indicator.id === 'health-missing-immunisations')).toMatchObject({ text: 'Missing immunisations', markdown: 'Missing *immunisations*' })
  })
})
