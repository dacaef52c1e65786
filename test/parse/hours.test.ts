import { describe, expect, it } from 'vitest'
import { parseHours } from '../../scripts/parse/hours.ts'

/* Opening hours as docs/authoring.md documents them: exact results, at the edges of each form. */

describe('opening hours', () => {
  it('reads each day range, single day and separator, with hours padded to two digits', () => {
    expect(parseHours('  Monday – Wednesday 9.05 – 17.30, Sat 10:00-12:00 ; sun 00:00-24:00 ')).toEqual({
      ok: true,
      hours: {
        text: 'Monday – Wednesday 9.05 – 17.30, Sat 10:00-12:00 ; sun 00:00-24:00',
        weekly: [
          { days: ['mon', 'tue', 'wed'], opens: '09:05', closes: '17:30' },
          { days: ['sat'], opens: '10:00', closes: '12:00' },
          { days: ['sun'], opens: '00:00', closes: '24:00' },
        ],
      },
    })
    expect(parseHours('Tues-Thurs 08:00-09:00')).toEqual({ ok: true, hours: { text: 'Tues-Thurs 08:00-09:00', weekly: [{ days: ['tue', 'wed', 'thu'], opens: '08:00', closes: '09:00' }] } })
    expect(parseHours('Mon  8:00-9:30')).toEqual({ ok: true, hours: { text: 'Mon  8:00-9:30', weekly: [{ days: ['mon'], opens: '08:00', closes: '09:30' }] } })
    expect(parseHours('Sat 10:00-12:00;')).toEqual({ ok: true, hours: { text: 'Sat 10:00-12:00;', weekly: [{ days: ['sat'], opens: '10:00', closes: '12:00' }] } })
    expect(parseHours('Fri-Fri 23:58-23:59')).toEqual({ ok: true, hours: { text: 'Fri-Fri 23:58-23:59', weekly: [{ days: ['fri'], opens: '23:58', closes: '23:59' }] } })
  })

  it('reads “24 hours” and out-of-hours wordings only when they are the whole text or its start', () => {
    expect(parseHours('24 hours')).toEqual({ ok: true, hours: { text: '24 hours', always: true } })
    expect(parseHours('24 Hours 7 days a week')).toEqual({ ok: true, hours: { text: '24 Hours 7 days a week', always: true } })
    expect(parseHours('out of working hours only')).toEqual({ ok: true, hours: { text: 'out of working hours only', outOfHours: true } })
    expect(parseHours('24 hours, 7 days')).toEqual({ ok: true, hours: { text: '24 hours, 7 days', always: true } })
    expect(parseHours('Out of hours')).toEqual({ ok: true, hours: { text: 'Out of hours', outOfHours: true } })
    expect(parseHours('Phone out of hours')).toEqual({ ok: true, hours: { text: 'Phone out of hours' } })
    expect(parseHours('24 hours except 25 December')).toEqual({ ok: false, hours: { text: '24 hours except 25 December' }, problem: '“24 hours except 25 December” is not in the form “Mon-Fri 09:00-17:00”' })
    expect(parseHours('Out of hoursly')).toEqual({ ok: true, hours: { text: 'Out of hoursly' } })
    expect(parseHours('Calls 24/7')).toEqual({ ok: false, hours: { text: 'Calls 24/7' }, problem: '“Calls 24/7” is not in the form “Mon-Fri 09:00-17:00”' })
  })

  it('names the part, the day or the time it cannot read', () => {
    expect(parseHours('Mon-Fri 09:00-17:00; weekends 10-12')).toEqual({ ok: false, hours: { text: 'Mon-Fri 09:00-17:00; weekends 10-12' }, problem: '“weekends 10-12” is not in the form “Mon-Fri 09:00-17:00”' })
    expect(parseHours('Funday 09:00-10:00')).toEqual({ ok: false, hours: { text: 'Funday 09:00-10:00' }, problem: '“Funday” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun' })
    expect(parseHours('Mon-Funday 09:00-10:00')).toEqual({ ok: false, hours: { text: 'Mon-Funday 09:00-10:00' }, problem: '“Funday” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun' })
    expect(parseHours('Open Mon 09:00-10:00')).toEqual({ ok: false, hours: { text: 'Open Mon 09:00-10:00' }, problem: '“Open Mon 09:00-10:00” is not in the form “Mon-Fri 09:00-17:00”' })
    expect(parseHours('Mon 09:00-10:00 approx')).toEqual({ ok: false, hours: { text: 'Mon 09:00-10:00 approx' }, problem: '“Mon 09:00-10:00 approx” is not in the form “Mon-Fri 09:00-17:00”' })
    expect(parseHours('Fri-Mon 09:00-10:00')).toEqual({ ok: false, hours: { text: 'Fri-Mon 09:00-10:00' }, problem: '“Fri-Mon” runs backwards, expected the earlier day first' })
    expect(parseHours('Mon 09:00-09:00')).toEqual({ ok: false, hours: { text: 'Mon 09:00-09:00' }, problem: '“Mon 09:00-09:00” closes before it opens' })
  })

  it('refuses a time that does not exist, and only such a time', () => {
    const problem = (part: string) => ({ ok: false, hours: { text: part }, problem: `“${part}” has a time that does not exist` })
    expect(parseHours('Mon 24:00-24:00')).toEqual(problem('Mon 24:00-24:00'))
    expect(parseHours('Mon 09:60-10:00')).toEqual(problem('Mon 09:60-10:00'))
    expect(parseHours('Mon 09:00-25:00')).toEqual(problem('Mon 09:00-25:00'))
    expect(parseHours('Mon 09:00-10:60')).toEqual(problem('Mon 09:00-10:60'))
    expect(parseHours('Mon 09:00-24:01')).toEqual(problem('Mon 09:00-24:01'))
    expect(parseHours('Mon 23:59-24:00')).toEqual({ ok: true, hours: { text: 'Mon 23:59-24:00', weekly: [{ days: ['mon'], opens: '23:59', closes: '24:00' }] } })
    expect(parseHours('Mon 09:59-10:59')).toEqual({ ok: true, hours: { text: 'Mon 09:59-10:59', weekly: [{ days: ['mon'], opens: '09:59', closes: '10:59' }] } })
  })
})
