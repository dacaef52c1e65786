import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, messageLines } from '../helpers.ts'

/** The minimal framework under another id (folder and `id:` both). */
function frameworkCalled(id: string): string {
  const { dir } = frameworkWith(undefined, id)
  const file = path.join(dir, 'framework.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('id: minimal', `id: ${id}`))
  return dir
}

/* Ids an author wrote that cannot name a file of the package or the website, read in this process. */

describe('ids that cannot name a file', () => {
  it('refuses a framework id the package uses for itself, at the id setting', () => {
    expect(messageLines(frameworkCalled('site')).filter((line) => line.endsWith('[portable-name]'))).toEqual([
      'framework.md:2:5 error The framework id “site” is a name the package uses for itself (the website is written to generated/site/), expected another name for the framework\'s folder and its id [portable-name]',
    ])
  })

  it('refuses a device name as a domain id, and leaves a contact id alone (contacts name no file)', () => {
    const { dir } = frameworkWith()
    const domain = path.join(dir, 'domains/01-health.md')
    writeFileSync(domain, readFileSync(domain, 'utf8').replace('id: health', 'id: com1'))
    // “index” is only reserved as a framework id: a domain may have it.
    writeFileSync(path.join(dir, 'domains/02-index.md'), '---\nid: index\ntitle: Index\n---\n\n## Early Help\n\n- Often late {#index-late}\n')
    const contacts = path.join(dir, 'contacts.md')
    writeFileSync(contacts, `${readFileSync(contacts, 'utf8')}\n## Console {#prn}\n\n- Phone: 0121 788 4300\n`)
    expect(messageLines(dir).filter((line) => line.endsWith('[portable-name]'))).toEqual([
      'domains/01-health.md:2:5 error The id “com1” cannot be used: ids of frameworks, levels, domains and sections name files of the package and the website, and Windows keeps the name “com1” for a device (with any extension), expected another id [portable-name]',
    ])
  })
})
