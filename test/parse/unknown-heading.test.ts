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

/*
 * A sub-heading under a level heading that names no level: its list is not read, so the level
 * would look empty. The heading is the cause, reported once; a level that is empty for another
 * reason is still reported.
 */
describe('a sub-heading under a level that names no level', () => {
  const BABIES = "domains/01-health.md:8:1 error The heading “Babies” names no level, expected a level's title or id [unknown-heading]"

  it('is reported once, without the level also said to have no indicators', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help\n\n', '## Early Help\n\n### Babies\n\n')
    expect(messageLines(dir)).toEqual([BABIES])
  })

  it('does not hide a level with no indicators when no list was left unread under it', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help\n\n- Missing immunisations {#health-missing-immunisations}\n', '## Early Help\n\n### Babies\n\nWords about babies.\n')
    expect(messageLines(dir)).toEqual([
      BABIES,
      'levels/01-early-help.md:3:8 error Level “Early Help” has no indicators, expected at least one bullet point under a “## Early Help” heading in a domain file [level-has-indicators]',
    ])
  })

  it('does not hide another level with no indicators', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help\n\n', '## Early Help\n\n### Babies\n\n')
    edit(path.join(dir, 'domains/01-health.md'), '## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n', '')
    expect(messageLines(dir)).toEqual([
      BABIES,
      'levels/02-child-protection.md:3:8 error Level “Child protection” has no indicators, expected at least one bullet point under a “## Child protection” heading in a domain file [level-has-indicators]',
    ])
  })

  it('gives one error through the CLI', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help\n\n', '## Early Help\n\n### Babies\n\n')
    const result = thresholds(['check'], root)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`sources/minimal/${BABIES}`)
    expect(result.stderr).not.toContain('has no indicators')
    expect(result.stderr).toContain('✖ 1 error, 0 warnings, 0 suppressed in 1 framework')
  })
})

/*
 * A heading in two languages is too far from any level's name for a “did you mean”, but one of
 * its parts names a level: the suggestion keeps the author's words and adds `{level=id}`.
 */
describe('a bilingual heading', () => {
  const WELSH = "domains/01-health.md:6:1 error The heading “Early Help / Cymorth Cynnar” names no level, expected a level's title or id [unknown-heading]"

  it('is suggested with the level it names in one part', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help\n', '## Early Help / Cymorth Cynnar\n')
    expect(messageLines(dir, ['unknown-heading'], { suggestions: true })).toEqual([WELSH, '  did you mean “Early Help / Cymorth Cynnar {level=early-help}”?'])
  })

  it('gets no suggestion when its parts name two levels', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help\n', '## Early Help / Child protection\n')
    expect(messageLines(dir, ['unknown-heading'], { suggestions: true })).toEqual([
      "domains/01-health.md:6:1 error The heading “Early Help / Child protection” names no level, expected a level's title or id [unknown-heading]",
    ])
  })

  it('is read once the suggestion is taken, through the CLI', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help\n', '## Early Help / Cymorth Cynnar\n')
    const refused = thresholds(['check'], root)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(`sources/minimal/${WELSH}\n`)
    expect(refused.stderr).toContain('  did you mean “Early Help / Cymorth Cynnar {level=early-help}”?\n')
    edit(path.join(dir, 'domains/01-health.md'), '## Early Help / Cymorth Cynnar\n', '## Early Help / Cymorth Cynnar {level=early-help}\n')
    const taken = thresholds(['check'], root)
    expect(taken.stderr).toBe('✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n')
    expect(taken.status).toBe(0)
  })
})
