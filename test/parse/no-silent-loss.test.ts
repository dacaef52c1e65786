import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../../scripts/site/index.ts'
import { frameworkWith, messageLines, modelOf, thresholds } from '../helpers.ts'

/*
 * Shapes real frameworks use that the reader once lost without a word: each is now stored in
 * full, or refused with a message at its line.
 */

function write(dir: string, file: string, text: string): void {
  writeFileSync(path.join(dir, file), text)
}

const HEALTH = `---
id: health
title: Health
---

Physical and mental health.

## Early Help

The family is offered support through the school nurse.

- Missing immunisations {#health-missing-immunisations}
  - [Childline](https://www.childline.org.uk/)
  - Shelter: 0808 800 4444

## Child protection

- Untreated serious injury {#health-untreated-injury}
`

describe('a second “Phone:” line under a contact', () => {
  const contacts = `---
title: Contacts
---

## Front door {#front-door}

- Phone: 0121 788 4300
- Hours: Mon-Fri 09:00-17:00
- Phone: 0121 605 6060

## Emergency services {#emergency}

- Phone: 999
- Emergency: yes
`

  it('is stored with the first, in the source’s order, and checks clean', () => {
    const { dir } = frameworkWith()
    write(dir, 'contacts.md', contacts)
    expect(messageLines(dir, [])).toEqual([])
    expect(modelOf(dir).contacts[0]?.phones).toEqual([
      { number: '0121 788 4300', e164: '+441217884300' },
      { number: '0121 605 6060', e164: '+441216056060' },
    ])
  })

  it('reaches the package through the CLI', () => {
    const { root, dir } = frameworkWith()
    write(dir, 'contacts.md', contacts)
    const result = thresholds(['build'], root)
    expect(result.status, result.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as { contacts: Array<{ phones: unknown }> }
    expect(framework.contacts[0]?.phones).toEqual([
      { number: '0121 788 4300', e164: '+441217884300' },
      { number: '0121 605 6060', e164: '+441216056060' },
    ])
  })
})

describe('a list indented under an indicator', () => {
  it('is kept as that indicator’s resources, not read as more indicators', () => {
    const { dir } = frameworkWith()
    write(dir, 'domains/01-health.md', HEALTH)
    expect(messageLines(dir)).toEqual([])
    const framework = modelOf(dir)
    expect(framework.indicators.map((indicator) => indicator.text)).toEqual(['Missing immunisations', 'Untreated serious injury'])
    expect(framework.indicators[0]?.resources).toBe('- [Childline](https://www.childline.org.uk/)\n- Shelter: 0808 800 4444')
    // The web address inside the resources is a link of the framework like any other.
    expect(framework.links.map((link) => [link.id, link.url])).toContainEqual(['childline', 'https://www.childline.org.uk/'])
  })
})

describe('on the website', () => {
  it('shows the resources under their indicator, and a list’s own words under its heading', () => {
    const { dir } = frameworkWith()
    write(dir, 'domains/01-health.md', HEALTH)
    const page = String(renderSite([modelOf(dir)]).get('minimal/domains/health.html'))
    expect(page).toContain('<div class="resources"><ul>\n<li><a href="https://www.childline.org.uk/">Childline</a></li>\n<li>Shelter: 0808 800 4444</li>\n</ul></div>')
    expect(page.indexOf('The family is offered support through the school nurse.')).toBeGreaterThan(page.indexOf('>Early Help</a></h2>'))
    expect(page.indexOf('The family is offered support through the school nurse.')).toBeLessThan(page.indexOf('Missing immunisations'))
  })
})

describe('a paragraph under a level heading in a domain file', () => {
  it('belongs to that level in that domain, not to the domain’s description', () => {
    const { dir } = frameworkWith()
    write(dir, 'domains/01-health.md', HEALTH)
    const [domain] = modelOf(dir).domains
    expect(domain?.description).toBe('Physical and mental health.')
    expect(domain?.cells).toEqual([{ level: 'early-help', text: 'The family is offered support through the school nurse.' }])
  })

  it('under a strengths or needs heading, belongs to that list', () => {
    const { dir } = frameworkWith()
    const framework = path.join(dir, 'framework.md')
    writeFileSync(framework, readFileSync(framework, 'utf8').replace('indicatorLayout: by-level', 'indicatorLayout: strengths-and-needs'))
    write(dir, 'domains/01-health.md', `---
id: health
title: Health
---

## Strengths and protective factors

In the child's words.

- I see a dentist {#health-dentist}

## Needs and risks

> Each need is read with the child's age in mind.

- I miss appointments {#health-appointments}
`)
    expect(modelOf(dir).domains[0]?.cells).toEqual([
      { polarity: 'strength', text: "In the child's words." },
      { polarity: 'need', text: "> Each need is read with the child's age in mind." },
    ])
  })
})
