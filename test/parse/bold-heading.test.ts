import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, messageLines, modelOf, onTestDay, thresholds } from '../helpers.ts'

/*
 * Authors copying from Word often make a heading bold instead of writing “##”. In a domain file the
 * bullet points under such a line would silently join the list above: an indicator placed at a
 * lower level, or a need read as a strength.
 */

const health = (dir: string) => path.join(dir, 'domains/01-health.md')

describe('a bold line naming a level in a domain file', () => {
  it('is refused at its line, through the CLI, and nothing is written', () => {
    const { root, dir } = frameworkWith()
    edit(health(dir), '## Child protection', '**Child protection**')
    const result = thresholds(['build'], root, { env: onTestDay })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      'sources/minimal/domains/01-health.md:10:1 error The line “**Child protection**” is bold text, not a heading, so the bullet points below it would join the list above it, expected a heading: “## Child protection” [misplaced-content]',
    )
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })

  it('does not move the bullet points below it into the list above', () => {
    const { dir } = frameworkWith()
    edit(health(dir), '## Child protection', '**Child protection:**')
    expect(messageLines(dir)).toEqual([
      'domains/01-health.md:10:1 error The line “**Child protection:**” is bold text, not a heading, so the bullet points below it would join the list above it, expected a heading: “## Child protection” [misplaced-content]',
    ])
    expect(modelOf(dir).indicators.map((indicator) => [indicator.level, indicator.text])).toEqual([['early-help', 'Missing immunisations']])
  })

  it('leaves bold words that name no level as the list’s text', () => {
    const { dir } = frameworkWith()
    edit(health(dir), '{#health-missing-immunisations}', '{#health-missing-immunisations}\n\n**Ask the school nurse first**')
    expect(messageLines(dir)).toEqual([])
    expect(modelOf(dir).domains[0]?.cells).toEqual([{ level: 'early-help', text: '**Ask the school nurse first**' }])
  })
})

describe('a bold “Needs and risks” line in a strengths-and-needs domain', () => {
  it('is refused, so needs are never read as strengths', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'framework.md'), 'indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs')
    edit(health(dir), '## Early Help', '## Strengths and protective factors')
    edit(health(dir), '## Child protection', '*Needs and risks*')
    expect(messageLines(dir, ['misplaced-content'])).toEqual([
      'domains/01-health.md:10:1 error The line “*Needs and risks*” is bold text, not a heading, so the bullet points below it would join the list above it, expected a heading: “## Needs and risks” [misplaced-content]',
    ])
    expect(modelOf(dir).indicators.map((indicator) => [indicator.polarity, indicator.text])).toEqual([['strength', 'Missing immunisations']])
  })
})
