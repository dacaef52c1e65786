import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, messageLines, modelOf, onTestDay, thresholds } from '../helpers.ts'

/*
 * Shapes authors copy from Word or PDF into a domain file. A heading made bold instead of “##”:
 * the bullet points under it would silently join the list above (an indicator at a lower level, a
 * need read as a strength). The source's table of indicators by level: its cells would be kept as
 * text, never as indicators.
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

describe('a table of indicators in a domain file, its columns named by level', () => {
  it('is refused at the table, through the CLI: its cells would be kept as text, never as indicators', () => {
    const { root, dir } = frameworkWith()
    edit(health(dir), '## Early Help', '| Early Help | Child protection |\n| --- | --- |\n| Missed appointments | Non-organic failure to thrive |\n\n## Early Help')
    const result = thresholds(['check'], root, { env: onTestDay })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      'sources/minimal/domains/01-health.md:6:1 error This table’s columns name levels (“Early Help”, “Child protection”), but a table is not read as indicators, expected each column as a heading, such as “## Early Help”, with its indicators as bullet points under it [misplaced-content]',
    )
  })

  it('leaves a table whose columns name no level as the domain’s text', () => {
    const { dir } = frameworkWith()
    edit(health(dir), '## Early Help', '| Service | Phone |\n| --- | --- |\n| School nurse | 0121 496 0000 |\n\n## Early Help')
    expect(messageLines(dir)).toEqual([])
  })
})
