import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

/** The pages titled by a “#” heading alone (a front-matter title beside it that says something else is an error). */
function bilingual(): { root: string; dir: string } {
  const made = frameworkWith()
  edit(path.join(made.dir, 'contacts.md'), '---\ntitle: Contacts\n---\n', '# Contacts / Cysylltiadau\n')
  edit(path.join(made.dir, 'links.md'), '---\ntitle: Links\n---\n', '# Links / Dolenni\n')
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

/*
 * A “#” title and a front-matter title that says something else: the heading is published, so
 * the setting would be lost without a word. It is reported at the setting, with both values.
 */
describe('a page titled twice', () => {
  function titledTwice(): { root: string; dir: string } {
    const made = frameworkWith()
    edit(path.join(made.dir, 'contacts.md'), 'title: Contacts\n---\n', 'title: Contacts\n---\n\n# Who to call\n')
    edit(path.join(made.dir, 'links.md'), 'title: Links\n---\n', 'title: Useful links\n---\n\n<!-- grouped for editors -->\n\n# Links / Dolenni\n')
    mkdirSync(path.join(made.dir, 'sections'))
    writeFileSync(path.join(made.dir, 'sections/01-about.md'), '---\nid: about\ntitle: Introduction\n---\n\n# About this framework\n\nWho it is for.\n')
    return made
  }

  it('is an error at the front-matter title, naming both titles and the heading', () => {
    const { dir } = titledTwice()
    expect(messageLines(dir)).toEqual([
      'contacts.md:2:8 error The title “Contacts” differs from the page’s “#” heading “Who to call”, which would be published in its place, expected one title: remove this setting or the heading [title-twice]',
      'links.md:2:8 error The title “Useful links” differs from the page’s “#” heading “Links / Dolenni”, which would be published in its place, expected one title: remove this setting or the heading [title-twice]',
      'sections/01-about.md:3:8 error The title “Introduction” differs from the page’s “#” heading “About this framework”, which would be published in its place, expected one title: remove this setting or the heading [title-twice]',
    ])
  })

  it('says nothing when both say the same', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'contacts.md'), 'title: Contacts\n---\n', 'title: Contacts\n---\n\n# Contacts\n')
    mkdirSync(path.join(dir, 'sections'))
    writeFileSync(path.join(dir, 'sections/01-about.md'), '---\nid: about\ntitle: About\n---\n\n# About\n\nWho it is for.\n')
    expect(messageLines(dir)).toEqual([])
    expect(modelOf(dir).contactsTitle).toBe('Contacts')
    expect(modelOf(dir).sections.map((section) => section.title)).toEqual(['About'])
  })

  it('fails the CLI build with the message, its id, data and the heading as its cause, and writes nothing', () => {
    const { root } = titledTwice()
    const built = thresholds(['build'], root)
    expect(built.status).toBe(1)
    expect(built.stderr).toContain(
      'sources/minimal/contacts.md:2:8 error The title “Contacts” differs from the page’s “#” heading “Who to call”, which would be published in its place, expected one title: remove this setting or the heading [title-twice]',
    )
    expect(built.stderr).toContain('see sources/minimal/contacts.md:5:1: the “#” heading that titles the page')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)

    const json = thresholds(['check', '--format', 'json'], root)
    expect(json.status).toBe(1)
    const messages = (JSON.parse(json.stdout) as { diagnostics: Array<Record<string, unknown>> }).diagnostics
      .filter((message) => message.ruleId === 'title-twice')
      .map(({ file, line, column, messageId, data }) => ({ file, line, column, messageId, data }))
    expect(messages).toEqual([
      { file: 'sources/minimal/contacts.md', line: 2, column: 8, messageId: 'titleTwice', data: { setting: 'Contacts', heading: 'Who to call' } },
      { file: 'sources/minimal/links.md', line: 2, column: 8, messageId: 'titleTwice', data: { setting: 'Useful links', heading: 'Links / Dolenni' } },
      { file: 'sources/minimal/sections/01-about.md', line: 3, column: 8, messageId: 'titleTwice', data: { setting: 'Introduction', heading: 'About this framework' } },
    ])
  })
})
