import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, messageLines, modelOf, thresholds } from '../helpers.ts'

/*
 * The titles of contacts.md and links.md, and the header of the matrix's first column, are the
 * author's words: they reach the model and the website instead of being dropped.
 */

const MATRIX = `---
title: Matrix
---

| Area of concern | Early Help | Child protection |
| --- | --- | --- |
| How severe is it? {#severity} | Moderate | Severe |
`

function bilingual(): { root: string; dir: string } {
  const made = frameworkWith()
  edit(path.join(made.dir, 'contacts.md'), 'title: Contacts\n---\n', 'title: Contacts\n---\n\n# Contacts / Cysylltiadau\n')
  edit(path.join(made.dir, 'links.md'), 'title: Links\n---\n', 'title: Links\n---\n\n# Links / Dolenni\n')
  writeFileSync(path.join(made.dir, 'matrix.md'), MATRIX)
  return made
}

describe('page titles and the factors’ column header', () => {
  it('keeps a “#” title above the contacts and the entries, and the first column’s header', () => {
    const { dir } = bilingual()
    expect(messageLines(dir)).toEqual([])
    const framework = modelOf(dir)
    expect(framework.contactsTitle).toBe('Contacts / Cysylltiadau')
    expect(framework.linksTitle).toBe('Links / Dolenni')
    expect(framework.matrix?.factorHeading).toBe('Area of concern')
    // The title is not a contact, and the contacts under it are read as before.
    expect(framework.contacts.map((contact) => contact.id)).toEqual(['front-door', 'emergency'])
    expect(framework.links.map((link) => link.id)).toEqual(['regional-procedures'])
  })

  it('takes the title setting when there is no “#” title', () => {
    const framework = modelOf(frameworkWith().dir)
    expect([framework.contactsTitle, framework.linksTitle]).toEqual(['Contacts', 'Links'])
  })

  it('reads a lone “#” heading in contacts.md as a contact, as before', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'contacts.md'), '---\ntitle: Contacts\n---\n\n# Front door {#front-door}\n\n- Phone: 0121 788 4300\n')
    edit(path.join(dir, 'levels/02-child-protection.md'), '- [Emergency services](#emergency)\n', '')
    edit(path.join(dir, 'levels/02-child-protection.md'), 'Call [999](#emergency)', 'Call 999')
    const framework = modelOf(dir)
    expect(framework.contacts.map((contact) => contact.name)).toEqual(['Front door'])
    expect(framework.contactsTitle).toBe('Contacts')
  })

  it('reach the package and the website through the CLI', () => {
    const { root } = bilingual()
    const built = thresholds(['build'], root)
    expect(built.status, built.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as { contactsTitle?: string; linksTitle?: string; matrix?: { factorHeading?: string } }
    expect([framework.contactsTitle, framework.linksTitle, framework.matrix?.factorHeading]).toEqual(['Contacts / Cysylltiadau', 'Links / Dolenni', 'Area of concern'])

    const site = thresholds(['site'], root)
    expect(site.status, site.stderr).toBe(0)
    const page = (name: string) => readFileSync(path.join(root, 'generated/site/minimal', name), 'utf8')
    expect(page('contacts.html')).toContain('<h1>Contacts / Cysylltiadau</h1>')
    expect(page('links.html')).toContain('<h1>Links / Dolenni</h1>')
    expect(page('matrix.html')).toContain('<th scope="col">Area of concern</th>')
  })
})
