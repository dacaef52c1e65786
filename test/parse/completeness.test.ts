import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { renderSite } from '../../scripts/site/index.ts'
import { frameworkWith, messageLines, modelOf, parser, thresholds } from '../helpers.ts'

/*
 * “Partial in the source: …” and “Missing from the source: …” record a gap the source document
 * itself has: carried into the model, shown on the site instead of an empty list, left alone by
 * the coverage rules and listed by the source-incomplete warning.
 */

const HEALTH = `---
id: health
title: Health
---

## Early Help

Partial in the source: the web version stops after the first item.

- Missing immunisations {#health-missing-immunisations}

## Child protection

Missing from the source: page 14 of the PDF was not published.
`

function withGaps() {
  const made = frameworkWith()
  writeFileSync(path.join(made.dir, 'domains/01-health.md'), HEALTH)
  return made
}

describe('a list marked as partial or missing in the source', () => {
  it('is carried into the model with its reason', () => {
    const { dir } = withGaps()
    const [loaded] = loadFrameworks([dir], { parser })
    expect(loaded?.framework.domains[0]?.cells).toEqual([
      { level: 'early-help', completeness: { status: 'partial', reason: 'the web version stops after the first item.' } },
      { level: 'child-protection', completeness: { status: 'missing', reason: 'page 14 of the PDF was not published.' } },
    ])
    // The marker is data: it is not repeated as words of the list.
    expect(loaded?.framework.indicators.map((indicator) => indicator.text)).toEqual(['Missing immunisations'])
  })

  it('is left alone by the coverage rules and listed by one warning each', () => {
    const { dir } = withGaps()
    expect(messageLines(dir)).toEqual([
      'domains/01-health.md:8:1 warning The list of “Health” at “Early Help” is partial in the source document (“the web version stops after the first item.”), expected it filled in once the partnership supplies the text [source-incomplete]',
      'domains/01-health.md:14:1 warning The list of “Health” at “Child protection” is missing from the source document (“page 14 of the PDF was not published.”), expected it filled in once the partnership supplies the text [source-incomplete]',
    ])
  })

  it('is said on the website instead of “No indicators are listed at this level”', () => {
    const { dir } = withGaps()
    const framework = modelOf(dir)
    const page = String(renderSite(framework ? [framework] : []).get('minimal/domains/health.html'))
    expect(page).toContain('<p class="source-gap" role="note"><strong>The source document’s list is incomplete here: </strong>the web version stops after the first item.</p>')
    expect(page).toContain('<p class="source-gap" role="note"><strong>This list is missing from the source document: </strong>page 14 of the PDF was not published.</p>')
    expect(page).not.toContain('No indicators are listed at this level')
  })

  it('needs a reason, and one marker per list', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), HEALTH.replace('Missing from the source: page 14 of the PDF was not published.', 'Missing from the source:\n\nPartial in the source: twice.\n\nPartial in the source: three times.'))
    expect(messageLines(dir).filter((line) => line.includes('error'))).toEqual([
      'domains/01-health.md:14:1 error “Missing from the source:” gives no reason, expected what is missing and why, such as “Partial in the source: the web version stops after page 12” [misplaced-content]',
      'domains/01-health.md:18:1 error This part already says the source is incomplete, expected one “Partial in the source:” or “Missing from the source:” line per list or page [misplaced-content]',
    ])
  })

  it('keeps a reason of 500 characters whole and shortens a longer one to 499 and “…”', () => {
    const { dir } = frameworkWith()
    const long = 'a'.repeat(500)
    writeFileSync(path.join(dir, 'domains/01-health.md'), HEALTH.replace('the web version stops after the first item.', long).replace('Missing from the source: page 14 of the PDF was not published.', `MISSING FROM THE SOURCE: ${long}b`))
    expect(modelOf(dir).domains[0]?.cells).toEqual([
      { level: 'early-help', completeness: { status: 'partial', reason: long } },
      { level: 'child-protection', completeness: { status: 'missing', reason: `${'a'.repeat(499)}…` } },
    ])
  })

  it('is only a paragraph of its own: a bullet that starts with the words stays an indicator', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), HEALTH.replace('Partial in the source: the web version stops after the first item.\n\n', '').replace('- Missing immunisations {#health-missing-immunisations}', '- Missing from the source: a birth certificate {#health-no-certificate}'))
    const framework = modelOf(dir)
    expect(framework.indicators.map((indicator) => indicator.text)).toEqual(['Missing from the source: a birth certificate'])
    expect(framework.domains[0]?.cells).toEqual([{ level: 'child-protection', completeness: { status: 'missing', reason: 'page 14 of the PDF was not published.' } }])
  })

  it('reaches the package: framework.json written by the CLI carries it', () => {
    const { root } = withGaps()
    const result = thresholds(['build'], root)
    expect(result.status).toBe(0)
    expect(result.stderr).toContain('⚠ 0 errors, 2 warnings, 0 suppressed in 1 framework')
    const json = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as { domains: Array<{ cells?: unknown[] }> }
    expect(json.domains[0]?.cells).toEqual([
      { level: 'early-help', completeness: { status: 'partial', reason: 'the web version stops after the first item.' } },
      { level: 'child-protection', completeness: { status: 'missing', reason: 'page 14 of the PDF was not published.' } },
    ])
  })
})
