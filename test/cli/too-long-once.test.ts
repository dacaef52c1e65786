import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { edit, frameworkWith, onTestDay, thresholds } from '../helpers.ts'

/*
 * Words over the model's length limits, through the command line: a front-matter setting is
 * reported once, at the setting; an address line at that line, not at the contact's heading.
 */

describe('words too long, through the command line', () => {
  it('reports a too-long level title once, at its setting, and a too-long address line at that line', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'levels/01-early-help.md'), 'title: Early Help', `title: Early Help ${'and more '.repeat(60)}\nshortTitle: Early Help`)
    edit(path.join(dir, 'contacts.md'), '- Hours: Mon-Fri 09:00-17:00', `- Hours: Mon-Fri 09:00-17:00\n- Address: Council House\n  ${'B'.repeat(501)}\n  Solihull B91 3QB`)
    const { status, stderr } = thresholds(['check', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    expect(stderr.split('\n').filter((line) => line.startsWith('sources/'))).toStrictEqual([
      'sources/minimal/contacts.md:10:3 error Address line 2 of contact “Front door” is too long: 501 characters, expected at most 500 characters [model-schema]',
      'sources/minimal/levels/01-early-help.md:3:8 error The setting “title” is too long: 550 characters, expected at most 500 characters [frontmatter-schema]',
    ])
  })
})
