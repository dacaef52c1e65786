import path from 'node:path'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { frameworkWith, parser } from '../helpers.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { pinDerivedIds } from '../../scripts/parse/pin-ids.ts'

describe('thresholds ids --write (pinDerivedIds) across files', () => {
  it('pins only derived ids, rewrites each file whole, and lists the edits by file and line', () => {
    const { dir } = frameworkWith()
    const health = path.join(dir, 'domains/01-health.md')
    const education = path.join(dir, 'domains/02-education.md')
    writeFileSync(
      health,
      '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Missed dental checks\n- Missing immunisations { age=under-5 }\n- Poor hygiene\n- Meals skipped {often}!\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n- Broken arm\n',
    )
    writeFileSync(education, '---\nid: education\ntitle: Education\n---\n\n## Early Help\n\n- Often late\n\n## Child protection\n\n- Not on a school roll {#education-no-roll}\n')
    const contacts = path.join(dir, 'contacts.md')
    writeFileSync(contacts, `${readFileSync(contacts, 'utf8')}\n## Duty team\n\n- Phone: 0121 788 4301\n`)
    const [parsed] = loadFrameworks([dir], { parser })
    if (!parsed) throw new Error('not loaded')
    const { texts, edits } = pinDerivedIds(parsed)
    expect(edits.map(({ file, line, id }) => ({ file: path.relative(dir, file), line, id }))).toEqual([
      { file: 'contacts.md', line: 15, id: 'duty-team' },
      { file: 'domains/01-health.md', line: 8, id: 'health-missed-dental-checks' },
      { file: 'domains/01-health.md', line: 9, id: 'health-missing-immunisations' },
      { file: 'domains/01-health.md', line: 10, id: 'health-poor-hygiene' },
      { file: 'domains/01-health.md', line: 11, id: 'health-meals-skipped-often' },
      { file: 'domains/01-health.md', line: 16, id: 'health-broken-arm' },
      { file: 'domains/02-education.md', line: 8, id: 'education-often-late' },
    ])
    // Only the files with a derived id change; the explicit ids stay as written.
    expect([...texts.keys()].map((file) => path.relative(dir, file))).toEqual(['contacts.md', 'domains/01-health.md', 'domains/02-education.md'])
    expect(texts.get(contacts)?.endsWith('\n## Duty team {#duty-team}\n\n- Phone: 0121 788 4301\n')).toBe(true)
    expect(texts.get(health)).toBe(
      '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Missed dental checks {#health-missed-dental-checks}\n- Missing immunisations {#health-missing-immunisations age=under-5}\n- Poor hygiene {#health-poor-hygiene}\n- Meals skipped {often}! {#health-meals-skipped-often}\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n- Broken arm {#health-broken-arm}\n',
    )
    expect(texts.get(education)).toBe('---\nid: education\ntitle: Education\n---\n\n## Early Help\n\n- Often late {#education-often-late}\n\n## Child protection\n\n- Not on a school roll {#education-no-roll}\n')
    expect(readFileSync(health, 'utf8')).toContain('- Broken arm\n')
  })

  it('pins nothing when every id is written by the author', () => {
    const { dir } = frameworkWith()
    const [parsed] = loadFrameworks([dir], { parser })
    if (!parsed) throw new Error('not loaded')
    expect(pinDerivedIds(parsed)).toEqual({ texts: new Map(), edits: [] })
  })
})
