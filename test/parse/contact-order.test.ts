import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, messageLines, modelOf, thresholds } from '../helpers.ts'

/*
 * A level's contacts are in the order its “Contacts” list gives them. A contact also linked from
 * the level's other text (“call [999](#emergency)” under “What to do”, read first) does not jump
 * ahead of that order; one linked only from that text follows the list.
 */

/** The minimal fixture's child-protection level with its list reordered: Front door, then Emergency services. */
function reordered(): { root: string; dir: string } {
  const made = frameworkWith()
  edit(path.join(made.dir, 'levels/02-child-protection.md'), '- [Emergency services](#emergency)\n- [Front door](#front-door)', '- [Front door](#front-door)\n- [Emergency services](#emergency)')
  return made
}

describe('the order of a level’s contacts', () => {
  it('is the order written under “## Contacts”, even when “What to do” links a later one first', () => {
    const { dir } = reordered()
    expect(messageLines(dir)).toEqual([])
    const level = modelOf(dir).levels.find((candidate) => candidate.id === 'child-protection')
    expect(level?.contacts).toEqual(['front-door', 'emergency'])
  })

  it('puts a contact linked only from other text after the listed ones', () => {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'levels/02-child-protection.md'), '- [Emergency services](#emergency)\n- [Front door](#front-door)', '- [Front door](#front-door)')
    const level = modelOf(dir).levels.find((candidate) => candidate.id === 'child-protection')
    expect(level?.contacts).toEqual(['front-door', 'emergency'])
  })

  it('reaches the package and the website in that order through the CLI', () => {
    const { root } = reordered()
    const built = thresholds(['build'], root)
    expect(built.status, built.stderr).toBe(0)
    const framework = JSON.parse(readFileSync(path.join(root, 'generated/minimal/framework.json'), 'utf8')) as { levels: Array<{ id: string; contacts: string[] }> }
    expect(framework.levels.find((level) => level.id === 'child-protection')?.contacts).toEqual(['front-door', 'emergency'])

    const site = thresholds(['site'], root)
    expect(site.status, site.stderr).toBe(0)
    const page = readFileSync(path.join(root, 'generated/site/minimal/levels/child-protection.html'), 'utf8')
    const contacts = page.slice(page.indexOf('>Contacts</h2>'))
    expect(contacts.indexOf('Front door')).toBeGreaterThan(-1)
    expect(contacts.indexOf('Front door')).toBeLessThan(contacts.indexOf('Emergency services'))
  })
})
