import path from 'node:path'
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, messageLines, thresholds } from '../helpers.ts'

/*
 * A heading or a matrix column that names no level says what was expected whether or not a
 * nearby name is found; the nearby name is the message's suggestion, shown as “did you mean”.
 */

const MATRIX = `---
title: Matrix
---

| Factor | Early Hlp | Child protection |
| --- | --- | --- |
| How severe is it? {#severity} | Moderate | Severe |
`

describe('a domain heading that names no level', () => {
  it('says what was expected, with the nearest level as its suggestion', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help', '## Early Hlp')
    expect(messageLines(dir, ['unknown-heading'], { suggestions: true })).toEqual([
      "domains/01-health.md:6:1 error The heading “Early Hlp” names no level, expected a level's title or id [unknown-heading]",
      '  did you mean “Early Help”?',
    ])
  })

  it('says the same when nothing is near', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help', '## Xyzzy')
    expect(messageLines(dir, ['unknown-heading'], { suggestions: true })).toEqual(["domains/01-health.md:6:1 error The heading “Xyzzy” names no level, expected a level's title or id [unknown-heading]"])
  })

  it('in a framework of strengths and needs, names those lists too', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'framework.md'), 'indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs')
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help', '## Early Hlp')
    expect(messageLines(dir, ['unknown-heading'], { suggestions: true })).toEqual([
      "domains/01-health.md:6:1 error The heading “Early Hlp” names no level and is not “Strengths” or “Needs”, expected a level's title or id, or “Strengths and protective factors” / “Needs and risks” [unknown-heading]",
      '  did you mean “Early Help”?',
    ])
  })
})

describe('a matrix column that names no level', () => {
  it('says what was expected, with the nearest level as its suggestion', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'matrix.md'), MATRIX)
    expect(messageLines(dir, ['unknown-heading'], { suggestions: true })).toEqual([
      "matrix.md:5:10 error The column “Early Hlp” names no level, expected a level's title or id [unknown-heading]",
      '  did you mean “Early Help”?',
    ])
  })
})

describe('through the CLI', () => {
  it('gives the message id, its data and the suggestion apart from the text', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help', '## Early Hlp')
    const result = thresholds(['check', '--format', 'json'], root)
    expect(result.status).toBe(1)
    const [first] = (JSON.parse(result.stdout) as { diagnostics: Array<Record<string, unknown>> }).diagnostics
    expect(first).toEqual({
      ruleId: 'unknown-heading',
      messageId: 'noLevel',
      data: { heading: 'Early Hlp' },
      severity: 'error',
      message: "The heading “Early Hlp” names no level, expected a level's title or id",
      file: 'sources/minimal/domains/01-health.md',
      line: 6,
      column: 1,
      endLine: 6,
      endColumn: 13,
      suggestion: ['Early Help'],
      url: 'https://github.com/thresholds/thresholds/blob/main/docs/rules.md#unknown-heading',
    })
  })
})
