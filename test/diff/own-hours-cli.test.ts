import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DiffReport } from '../../scripts/diff/types.ts'
import { edit, frameworkWith, git, thresholds } from '../helpers.ts'
import { lines } from './helpers.ts'

const changes = (stdout: string) => lines(JSON.parse(stdout) as DiffReport)

describe('thresholds diff on a number given hours of its own, through the command line', () => {
  it('says the number had no hours of its own before, rather than showing nothing', () => {
    const { root } = frameworkWith()
    const contacts = path.join(root, 'sources/minimal/contacts.md')
    edit(contacts, '- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- Phone (out of hours): 0121 605 6060')
    git(['init', '-q'], root)
    git(['add', '-A'], root)
    git(['commit', '-q', '-m', 'Version 1.0'], root)
    edit(contacts, '- Phone (out of hours): 0121 605 6060', '- Phone (out of hours): 0121 605 6060\n  - Hours: Mon-Fri 17:00-22:00')
    const { status, stdout } = thresholds(['diff', '--base', 'HEAD', '--format', 'json'], root)
    expect(status).toBe(0)
    expect(changes(stdout)).toEqual(['contact-hours-changed (practice) contact front-door hours: "no hours of its own before, for 0121 605 6060 (out of hours)" → "Mon-Fri 17:00-22:00, for 0121 605 6060 (out of hours)"'])
  })
})
