import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Framework } from '../../scripts/model/types.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { frameworkWith, messageLines, parser, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/*
 * Indicator and domain shapes of real frameworks: emphasis and links in the words, a level's own
 * list under no domain, related indicators at other levels, sub-domains checked one by one, a
 * domain titled differently at a level. Each reaches the package in full, or is reported at its line.
 */

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file)
  writeFileSync(full, change(readFileSync(full, 'utf8')))
}

function modelOf(dir: string): Framework {
  const [loaded] = loadFrameworks([dir], { parser })
  if (!loaded) throw new Error('no framework read')
  return loaded.framework
}

function build(root: string) {
  return spawnSync(process.execPath, [bin, 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: HANG_MS })
}

describe('emphasis and a link in an indicator’s words', () => {
  it('reach the package as written, beside the plain words', () => {
    const { root, dir } = frameworkWith()
    edit(dir, 'domains/01-health.md', (text) => text.replace('- Untreated serious injury', '- **Untreated** serious injury, see [the front door](#front-door)'))
    const result = build(root)
    expect(result.status, result.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as Framework
    expect(framework.indicators.map((indicator) => [indicator.id, indicator.text, indicator.markdown])).toEqual([
      ['health-missing-immunisations', 'Missing immunisations', undefined],
      ['health-untreated-injury', 'Untreated serious injury, see the front door', '**Untreated** serious injury, see [the front door](#front-door)'],
    ])
  })

  it('keep the words on both sides of a line break apart in the plain text (two spaces or a backslash at a line end)', () => {
    const { dir } = frameworkWith()
    edit(dir, 'domains/01-health.md', (text) => text.replace('- Untreated serious injury', '- Untreated  \n  serious\\\n  injury'))
    expect(messageLines(dir)).toEqual([])
    expect(modelOf(dir).indicators.map((indicator) => [indicator.text, indicator.markdown])).toEqual([
      ['Missing immunisations', undefined],
      ['Untreated serious injury', 'Untreated\\\nserious\\\ninjury'],
    ])
  })
})

describe('a level’s own list, under no domain', () => {
  const ownList = (text: string) => text.replace('## Contacts', '## Indicators\n\n- Bruising nobody explains {#child-protection-bruising}\n\n## Contacts')

  it('is read as indicators at that level with no domain, and reaches the package', () => {
    const { root, dir } = frameworkWith()
    edit(dir, 'levels/02-child-protection.md', ownList)
    expect(messageLines(dir)).toEqual([])
    const result = build(root)
    expect(result.status, result.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as Framework
    expect(framework.indicators.find((indicator) => indicator.domain === undefined)).toEqual({ id: 'child-protection-bruising', level: 'child-protection', polarity: 'need', text: 'Bruising nobody explains' })
    // The package's types say the domain may be absent in this framework only.
    expect(readFileSync(path.join(root, 'generated/minimal/index.ts'), 'utf8')).toContain('readonly domain?: DomainId')
  })

  it('refuses words beside the list at their line, and the CLI writes nothing', () => {
    const { root, dir } = frameworkWith()
    edit(dir, 'levels/02-child-protection.md', (text) => ownList(text).replace('## Indicators\n\n', '## Indicators\n\nSeen by teachers.\n\n'))
    expect(messageLines(dir)).toEqual([
      'levels/02-child-protection.md:15:1 error The “Indicators” heading should hold only a bullet list of indicators, expected this text under another heading such as “## What it means” [misplaced-content]',
    ])
    const result = build(root)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('sources/minimal/levels/02-child-protection.md:15:1')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})

describe('related indicators at other levels', () => {
  const relate = (related: string) => (text: string) => text.replace('{#health-missing-immunisations}', `{#health-missing-immunisations related=${related}}`)

  it('reach the package by id', () => {
    const { root, dir } = frameworkWith()
    edit(dir, 'domains/01-health.md', relate('health-untreated-injury'))
    const result = build(root)
    expect(result.status, result.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as Framework
    expect(framework.indicators.map((indicator) => [indicator.id, indicator.related])).toEqual([
      ['health-missing-immunisations', ['health-untreated-injury']],
      ['health-untreated-injury', undefined],
    ])
  })

  it('an id that is no indicator’s fails the CLI at the {...} that names it, and nothing is written', () => {
    const { root, dir } = frameworkWith()
    edit(dir, 'domains/01-health.md', relate('health-untreated'))
    const result = build(root)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      'sources/minimal/domains/01-health.md:8:25 error The indicator “Missing immunisations” names “health-untreated” as related, which is not an indicator [reference-resolves]',
    )
    expect(result.stderr).toContain('did you mean “health-untreated-injury”?')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})

describe('sub-domains and a domain titled differently at a level', () => {
  const development = '---\nid: development\ntitle: Developmental needs\n---\n\nThe first side of the Assessment Framework triangle.\n'
  const education = (body: string) => `---\nid: education\ntitle: Education\nparent: development\n---\n\n${body}`

  it('reach the package: the tree, and the title by level id', () => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/00-development.md'), development)
    writeFileSync(path.join(dir, 'domains/02-education.md'), education('## Early Help\n\n- Misses school {#education-misses}\n\n## Child protection\n\n- Kept from school {#education-kept}\n'))
    edit(dir, 'domains/01-health.md', (text) => text.replace('title: Health\n', 'title: Health\nparent: development\ntitleAtLevel:\n  child-protection: Keeping well\n'))
    const result = build(root)
    expect(result.status, result.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as Framework
    expect(framework.domains.map((domain) => [domain.id, domain.children.map((child) => [child.id, child.titleAtLevel])])).toEqual([
      ['development', [['health', { 'child-protection': 'Keeping well' }], ['education', undefined]]],
    ])
  })

  it('warn for a sub-domain with no indicators at a level its sibling has, through the CLI', () => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/00-development.md'), development)
    writeFileSync(path.join(dir, 'domains/02-education.md'), education('## Early Help\n\n- Misses school {#education-misses}\n'))
    edit(dir, 'domains/01-health.md', (text) => text.replace('title: Health\n', 'title: Health\nparent: development\n'))
    const result = spawnSync(process.execPath, [bin, 'check'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: HANG_MS })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout + result.stderr).toContain(
      'sources/minimal/domains/02-education.md:3:8 warning Domain “Education” (part of “Developmental needs”) has no indicators at “Child protection”, while other domains do: add them under “## Child protection” in this file, or write “Missing from the source: …” there with the reason the source has none [domain-covers-levels]',
    )
  })

  it('a title at no level fails the CLI at the setting, and nothing is written', () => {
    const { root, dir } = frameworkWith()
    edit(dir, 'domains/01-health.md', (text) => text.replace('title: Health\n', 'title: Health\ntitleAtLevel:\n  early-hlp: Keeping well\n'))
    const result = build(root)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('sources/minimal/domains/01-health.md:5:3 error Domain “Health” has a title at “early-hlp”, which is not a level [reference-resolves]')
    expect(result.stderr).toContain('did you mean “early-help”?')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})
