import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { edit, frameworkWith, messageLines, parser, repoRoot, thresholds } from '../helpers.ts'

/*
 * A contact's “Web:” detail is a link to an entry of links.md. Renaming the contact's heading so
 * that its words spell the entry's id (“Care & Support” → “Care and Support”) once made the link
 * land on the heading, the contact itself, and the address vanished from the model without a word.
 */

/** The shipped sources in a temporary folder, with Solihull's adults contact renamed. */
function renamedSolihull(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-web-'))
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  edit(path.join(root, 'sources/solihull/contacts.md'), '## Protecting Adults with Care & Support Needs {#', '## Protecting Adults with Care and Support Needs {#')
  return root
}

describe('a contact heading renamed to spell its own Web link’s id', () => {
  it('keeps the contact’s web address: check is clean, build writes it, and the diff reports only the rename', () => {
    const root = renamedSolihull()
    const check = thresholds(['check', 'sources/solihull', '--quiet'], root)
    expect(check.stdout + check.stderr).toBe('✔ 0 errors, 0 warnings, 14 suppressed in 1 framework\n')
    expect(check.status).toBe(0)

    const build = thresholds(['build', 'sources/solihull', '--out', 'out', '--quiet'], root)
    expect(build.status).toBe(0)
    const written = JSON.parse(readFileSync(path.join(root, 'out/solihull/framework.json'), 'utf8')) as { contacts: Array<{ id: string; name: string; web?: string }> }
    expect(written.contacts.find((contact) => contact.id === 'adults-with-care-and-support-needs')).toMatchObject({
      name: 'Protecting Adults with Care and Support Needs',
      web: 'protecting-adults-with-care-and-support-needs',
    })

    cpSync(path.join(repoRoot, 'sources'), path.join(root, 'before'), { recursive: true })
    const diff = thresholds(['diff', 'before', 'sources', '--framework', 'solihull', '--format', 'json'], root)
    expect(diff.status).toBe(0)
    const changes = (JSON.parse(diff.stdout) as { frameworks: Array<{ changes: Array<{ kind: string; field?: string }> }> }).frameworks.flatMap((framework) => framework.changes)
    expect(changes.map((change) => change.kind)).toEqual(['contact-renamed'])
  })
})

describe('a contact’s Web detail that lands inside the framework but not on a link', () => {
  function withWeb(web: string): string {
    const { dir } = frameworkWith()
    edit(path.join(dir, 'contacts.md'), '- Hours: Mon-Fri 09:00-17:00\n', `- Web: ${web}\n`)
    return dir
  }

  it('is an error at the link when it points at the contact itself', () => {
    const dir = withWeb('[Front door](#front-door)')
    expect(messageLines(dir)).toEqual([
      'contacts.md:8:8 error The “Web” detail of “Front door” points to the contact itself, expected an entry of links.md (“Web: [name](#link-id)”) or a web address [misplaced-content]',
    ])
  })

  it('is an error when it points at another contact', () => {
    expect(messageLines(withWeb('[Emergency](#emergency)'))).toEqual([
      'contacts.md:8:8 error The “Web” detail of “Front door” points to the contact “emergency”, not a link, expected an entry of links.md (“Web: [name](#link-id)”) or a web address [misplaced-content]',
    ])
  })

  it('is stored when it points at a links.md entry or a web address, with no message', () => {
    const byEntry = withWeb('[Regional procedures](#regional-procedures)')
    expect(messageLines(byEntry)).toEqual([])
    expect(loadFrameworks([byEntry], { parser })[0]?.framework.contacts[0]?.web).toBe('regional-procedures')
    const byAddress = withWeb('https://example.org/front-door')
    expect(messageLines(byAddress)).toEqual([])
    const framework = loadFrameworks([byAddress], { parser })[0]?.framework
    const web = framework?.contacts[0]?.web
    expect(framework?.links.find((link) => link.id === web)?.url).toBe('https://example.org/front-door')
  })
})
