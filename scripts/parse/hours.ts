import type { Hours } from '../model/types.ts'

type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
const DAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const DAY_NAMES: Record<string, Day> = {
  mon: 'mon', monday: 'mon', tue: 'tue', tues: 'tue', tuesday: 'tue', wed: 'wed', wednesday: 'wed',
  thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu', fri: 'fri', friday: 'fri',
  sat: 'sat', saturday: 'sat', sun: 'sun', sunday: 'sun',
}

export type HoursResult = { ok: true; hours: Hours } | { ok: false; hours: Hours; problem: string }

/**
 * Reads opening hours as documented in docs/authoring.md:
 * `Mon-Thu 08:45-17:20; Fri 08:45-16:30`, `24/7`, `24 hours, 7 days`, `Out of hours (...)` or
 * `Outside office hours`, or words with no time in them.
 */
export function parseHours(text: string): HoursResult {
  const trimmed = text.trim()
  const hours: Hours = { text: trimmed }
  if (/^(24\/7|24 hours(,? 7 days( a week)?)?)$/i.test(trimmed)) return { ok: true, hours: { ...hours, always: true } }
  if (/^(out of|outside)( office| working)? hours\b/i.test(trimmed)) return { ok: true, hours: { ...hours, outOfHours: true } }
  // Hours in words with no time in them (“School term time only”, “Evenings and weekends”) are kept
  // as words; any time written must be readable, so a slip in one is still caught.
  if (!/\d/.test(trimmed)) return { ok: true, hours }
  const weekly: NonNullable<Hours['weekly']> = []
  for (const part of trimmed.split(/\s*[;,]\s*/).filter(Boolean)) {
    const match = /^([A-Za-z]+)(?:\s*[-–]\s*([A-Za-z]+))?\s+(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$/.exec(part)
    if (!match) return { ok: false, hours, problem: `“${part}” is not in the form “Mon-Fri 09:00-17:00”` }
    const [, fromName = '', toName, h1 = '', m1 = '', h2 = '', m2 = ''] = match
    const from = DAY_NAMES[fromName.toLowerCase()]
    const to = toName ? DAY_NAMES[toName.toLowerCase()] : from
    if (!from || !to) return { ok: false, hours, problem: `“${!from ? fromName : toName}” is not a day, expected Mon, Tue, Wed, Thu, Fri, Sat or Sun` }
    const a = DAYS.indexOf(from)
    const b = DAYS.indexOf(to)
    if (b < a) return { ok: false, hours, problem: `“${fromName}-${toName}” runs backwards, expected the earlier day first` }
    const opens = `${h1.padStart(2, '0')}:${m1}`
    const closes = `${h2.padStart(2, '0')}:${m2}`
    if (Number(h1) > 23 || Number(m1) > 59 || Number(h2) > 24 || Number(m2) > 59 || (Number(h2) === 24 && Number(m2) > 0))
      return { ok: false, hours, problem: `“${part}” has a time that does not exist` }
    if (closes <= opens) return { ok: false, hours, problem: `“${part}” closes before it opens` }
    const days = DAYS.slice(a, b + 1)
    weekly.push({ days: days as [Day, ...Day[]], opens, closes })
  }
  if (weekly.length === 0) return { ok: false, hours, problem: 'no opening times are given' }
  return { ok: true, hours: { ...hours, weekly } }
}
