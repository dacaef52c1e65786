import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { frameworkWith, messageLines, parser, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/*
 * A contact's channels: several numbers, each with its use and its own hours, an email, a web
 * form and a postal address. Every number is kept and checked; a detail written where it cannot be
 * read is an error at its line.
 */

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

function withContacts(details: string): string {
  const { dir } = frameworkWith()
  writeFileSync(path.join(dir, 'contacts.md'), `---\ntitle: Contacts\n---\n\n## Front door {#front-door}\n\n${details}\n\n## Emergency services {#emergency}\n\n- Phone: 999\n- Emergency: yes\n`)
  return dir
}

describe('several numbers on one contact', () => {
  it('keeps each with its use and its own hours, and checks each one at its line', () => {
    const dir = withContacts('- Phone: 0121 788 4300\n- Phone (out of hours): 0121 605 606\n  - Hours: Evenings 18:00-08:00\n- Phone (text phone): 01214960000')
    expect(messageLines(dir, ['contact-phone-valid', 'contact-phone-format', 'contact-hours-valid'])).toEqual([
      'contacts.md:8:1 error The phone number “0121 605 606” of “Front door” (out of hours) is not a valid UK number (it does not match any UK number range), expected a number such as “0121 788 4300” [contact-phone-valid]',
      'contacts.md:9:3 error The opening hours of “Front door” (out of hours) cannot be read: “Evenings” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun, expected days and times such as “Mon-Thu 08:45-17:20; Fri 08:45-16:30”, “24/7”, “24 hours, 7 days”, “Out of hours (evenings and weekends)”, or words with no times such as “School term time only” [contact-hours-valid]',
      'contacts.md:10:1 warning The phone number “01214960000” is not in the usual format, expected “0121 496 0000” [contact-phone-format]',
    ])
    const [loaded] = loadFrameworks([dir], { parser })
    expect(loaded?.framework.contacts[0]?.phones.map((phone) => [phone.number, phone.use, phone.hours?.text])).toEqual([
      ['0121 788 4300', undefined, undefined],
      ['0121 605 606', 'out of hours', 'Evenings 18:00-08:00'],
      ['01214960000', 'text phone', undefined],
    ])
  })

  it('keeps an address line by line whether its lines end plainly or with a hard break (two spaces, “\\”)', () => {
    const dir = withContacts('- Phone: 0121 788 4300\n- Address: Council House  \n  Manor Square\\\n  Solihull B91 3QB\n  West Midlands')
    expect(messageLines(dir, [])).toEqual([])
    const [loaded] = loadFrameworks([dir], { parser })
    expect(loaded?.framework.contacts[0]?.address).toStrictEqual(['Council House', 'Manor Square', 'Solihull B91 3QB', 'West Midlands'])
  })

  it('finds 999 among a contact’s numbers for the emergency route', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'contacts.md'), '---\ntitle: Contacts\n---\n\n## Front door {#front-door}\n\n- Phone: 0121 788 4300\n\n## Emergency services {#emergency}\n\n- Phone (switchboard): 0121 496 0000\n- Phone (emergency): 999\n')
    expect(messageLines(dir, ['highest-level-has-emergency-route'])).toEqual([])
  })

  it('refuses what it cannot read, each at its line', () => {
    const dir = withContacts('- Phone (): 0121 788 4300\n- Email (office): help@example.org\n- Phone (out of hours): 0121 605 6060\n  - Email: night@example.org\n  - Hours: Outside office hours\n  - Hours: 24/7\n- Address:\n- Hours: Mon-Fri 09:00-17:00\n  - Hours: 24/7')
    expect(messageLines(dir, [])).toEqual([
      'contacts.md:7:1 error The brackets after “Phone” are empty, expected what the number is for, such as “Phone (out of hours): 0121 788 4300” [misplaced-content]',
      'contacts.md:8:1 error Only a phone number takes a use in brackets, expected “Email:” without “(office)”, or “Phone (office): ...” [unknown-label]',
      'contacts.md:10:3 error Under a phone number only its hours are read, expected “- Hours: Outside office hours”; write other details as lines of the contact\'s list [misplaced-content]',
      'contacts.md:12:3 error This number already has its hours, expected one “Hours:” line under it [misplaced-content]',
      'contacts.md:13:1 error The address of “Front door” is empty, expected its lines after “Address:”, such as “Address: Council House, Manor Square, Solihull B91 3QB” [misplaced-content]',
      'contacts.md:15:3 error Only a phone number has details of its own under it, expected this “Hours:” line on one line, or the details as lines of the contact\'s list [misplaced-content]',
    ])
  })

  it('fails the CLI build on such a detail and writes nothing', () => {
    const dir = withContacts('- Phone (out of hours): 0121 605 6060\n  - Email: night@example.org')
    const root = path.dirname(path.dirname(dir))
    const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: HANG_MS })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('sources/minimal/contacts.md:8:3 error Under a phone number only its hours are read')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })
})
