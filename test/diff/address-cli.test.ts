import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DiffReport } from '../../scripts/diff/types.ts'
import { edit, frameworkWith, git, thresholds } from '../helpers.ts'
import { lines } from './helpers.ts'

const changes = (stdout: string) => lines(JSON.parse(stdout) as DiffReport)

describe('thresholds diff on a postal address, through the command line', () => {
  it('reports no change when the same address is split into lines differently, and a change when its words change', () => {
    const { root } = frameworkWith()
    const contacts = path.join(root, 'sources/minimal/contacts.md')
    edit(contacts, '- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- Address: Council House\n  Manor Square\n  Solihull B91 3QB')
    git(['init', '-q'], root)
    git(['add', '-A'], root)
    git(['commit', '-q', '-m', 'Version 1.0'], root)
    edit(contacts, '- Address: Council House\n  Manor Square\n  Solihull B91 3QB', '- Address: Council House Manor Square Solihull B91 3QB')
    const same = thresholds(['diff', '--base', 'HEAD', '--format', 'json'], root)
    expect(same.status).toBe(0)
    expect(changes(same.stdout)).toEqual([])
    edit(contacts, 'Council House Manor Square', 'Civic Centre, Manor Square')
    const moved = thresholds(['diff', '--base', 'HEAD', '--format', 'json'], root)
    expect(changes(moved.stdout)).toEqual(['contact-details-changed (practice) contact front-door address: "Council House, Manor Square, Solihull B91 3QB" → "Civic Centre, Manor Square Solihull B91 3QB"'])
  })
})
