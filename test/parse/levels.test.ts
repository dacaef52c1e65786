import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../scripts/site/index.ts'
import { frameworkWith, messageLines, modelOf } from '../helpers.ts'

/*
 * Levels known by a printed label (“Level 2”, “Level 3b”, “Tier 4”) as well as a title; two levels
 * may share a title, and everything names them apart by label. Consent that depends on a
 * condition is kept in words.
 */

const level = (file: string, front: string, body = '## What to do\n\n- Talk to the family.\n\n## Contacts\n\n- [Front door](#front-door)\n') => [file, `---\n${front}\n---\n\n${body}`] as const

/** The minimal framework with two levels both titled “Early Help”, told apart by their labels. */
function twoEarlyHelps(domainHeadings: [string, string]) {
  const { dir } = frameworkWith()
  for (const [file, text] of [
    level('levels/01-early-help.md', 'id: early-help\ntitle: Early Help\nlabel: Level 2\nrank: 1'),
    level('levels/015-targeted-early-help.md', 'id: targeted-early-help\ntitle: Early Help\nlabel: Level 3\nrank: 2\nfamilyAgreement: conditional\nfamilyAgreementCondition: Not needed if the child is at immediate risk of harm'),
    level('levels/02-child-protection.md', 'id: child-protection\ntitle: Child protection\nlabel: Level 4\nrank: 3', '## What to do\n\n- Call 999.\n\n## Contacts\n\n- [Emergency services](#emergency)\n- [Front door](#front-door)\n'),
  ])
    writeFileSync(path.join(dir, file), text)
  writeFileSync(
    path.join(dir, 'domains/01-health.md'),
    `---\nid: health\ntitle: Health\n---\n\n## ${domainHeadings[0]}\n\n- Missing immunisations {#health-missing-immunisations}\n\n## ${domainHeadings[1]}\n\n- Poor attachments {#health-poor-attachments}\n\n## Level 4\n\n- Untreated serious injury {#health-untreated-injury}\n`,
  )
  return dir
}

describe('a level’s printed label', () => {
  it('is kept apart from its title and rank, and names the level in domain headings', () => {
    const dir = twoEarlyHelps(['Level 2', 'Level 3: Early Help'])
    expect(messageLines(dir)).toEqual([])
    const framework = modelOf(dir)
    expect(framework?.levels.map((l) => [l.id, l.label, l.title, l.rank])).toEqual([
      ['early-help', 'Level 2', 'Early Help', 1],
      ['targeted-early-help', 'Level 3', 'Early Help', 2],
      ['child-protection', 'Level 4', 'Child protection', 3],
    ])
    expect(framework?.indicators.map((indicator) => [indicator.text, indicator.level])).toEqual([
      ['Missing immunisations', 'early-help'],
      ['Poor attachments', 'targeted-early-help'],
      ['Untreated serious injury', 'child-protection'],
    ])
  })

  it('tells two levels with one title apart on the website', () => {
    const dir = twoEarlyHelps(['Level 2', 'Level 3'])
    const framework = modelOf(dir)
    const site = renderSite(framework ? [framework] : [])
    expect(String(site.get('minimal/levels/early-help.html'))).toContain('<h1>Level 2: Early Help</h1>')
    expect(String(site.get('minimal/levels/targeted-early-help.html'))).toContain('<h1>Level 3: Early Help</h1>')
    const domain = String(site.get('minimal/domains/health.html'))
    expect(domain).toContain('>Level 2: Early Help</a></h2>')
    expect(domain).toContain('>Level 3: Early Help</a></h2>')
  })

  it('names the level in messages, so two levels with one title are told apart', () => {
    const dir = twoEarlyHelps(['Level 2', 'Level 3'])
    writeFileSync(path.join(dir, 'levels/015-targeted-early-help.md'), level('', 'id: targeted-early-help\ntitle: Early Help\nlabel: Level 3\nrank: 2', '## What to do\n\n- Talk to the family.\n')[1])
    expect(messageLines(dir, ['level-has-contacts'])).toEqual([
      'levels/015-targeted-early-help.md:3:8 error Level “Level 3: Early Help” has no contacts, expected at least one phone number or portal: add “## Contacts” with a link such as “- [First Point of Contact](#fpoc)” [level-has-contacts]',
    ])
  })

  it('is offered when a heading names a shared title, with no knock-on “has no indicators”', () => {
    const dir = twoEarlyHelps(['Early Help', 'Level 3'])
    expect(messageLines(dir)).toEqual([
      'domains/01-health.md:6:1 error The heading “Early Help” could be any of 2 levels with that name, “Level 2: Early Help” (early-help) and “Level 3: Early Help” (targeted-early-help), expected one: write the level\'s label, such as “## Level 2”, or add {level=early-help} [unknown-heading]',
    ])
  })
})

describe('consent that depends on a condition', () => {
  it('is kept in words, and shown with the level', () => {
    const dir = twoEarlyHelps(['Level 2', 'Level 3'])
    const framework = modelOf(dir)
    expect(framework?.levels[1]).toMatchObject({ familyAgreement: 'conditional', familyAgreementCondition: 'Not needed if the child is at immediate risk of harm' })
    const page = String(renderSite(framework ? [framework] : []).get('minimal/levels/targeted-early-help.html'))
    expect(page).toContain('<p class="agreement"><strong>Family agreement: </strong>The family’s agreement depends on the circumstances: Not needed if the child is at immediate risk of harm</p>')
  })

  it('needs its condition written out', () => {
    const dir = twoEarlyHelps(['Level 2', 'Level 3'])
    writeFileSync(path.join(dir, 'levels/015-targeted-early-help.md'), level('', 'id: targeted-early-help\ntitle: Early Help\nlabel: Level 3\nrank: 2\nfamilyAgreement: conditional')[1])
    expect(messageLines(dir)).toEqual([
      'levels/015-targeted-early-help.md:6:18 error “familyAgreement: conditional” needs the condition in words, expected a line such as “familyAgreementCondition: Not needed if the child is at immediate risk of harm” [frontmatter-schema]',
    ])
  })
})
