import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const hours = (text: string) => ({ 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00', text ? `- Hours: ${text}` : '') })

const FRONT_DOOR = { type: 'contact' as const, old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }
/** The front door's out-of-hours number, with its own hours under it when given. */
const outOfHours = (own: string) => ({ 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00', `- Hours: Mon-Fri 09:00-17:00\n- Phone (out of hours): 0121 605 6060${own ? `\n  - Hours: ${own}` : ''}`) })

export default changeTable({
  kind: 'contact-hours-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same hours' },
    { name: 'a number’s own hours kept', old: outOfHours('Evenings and weekends'), new: outOfHours('Evenings and weekends') },
    { name: 'a number with its own hours added: reported as a number added, not as hours', new: outOfHours('Evenings and weekends') },
    { name: 'a number with its own hours removed', old: outOfHours('Evenings and weekends') },
    { name: 'the contact renamed, its hours kept', new: { 'contacts.md': swap('## Front door {#front-door}', '## Front door team {#front-door}') } },
  ],
  changed: [
    { name: 'the fixture pair: longer hours', ...fixturePair('contact-hours-changed'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: 'Mon-Fri 08:30-18:00' }] },
    { name: 'the same times written another way, which is editorial', new: hours('Monday-Friday 9:00-17:00'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: 'Monday-Friday 9:00-17:00', impact: 'editorial' }] },
    { name: 'hours removed', new: hours(''), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: null }] },
    { name: 'hours added', old: hours(''), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: null, new: 'Mon-Fri 09:00-17:00' }] },
    { name: 'round the clock instead of office hours', new: hours('24/7'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: '24/7' }] },
    { name: 'out-of-hours words that say other hours', old: hours('Out of hours (evenings and weekends)'), new: hours('Out of hours (weekends only)'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Out of hours (evenings and weekends)', new: 'Out of hours (weekends only)' }] },
    { name: 'a number’s own hours changed, shown with the number', old: outOfHours('Evenings and weekends'), new: outOfHours('Weekends only'), changes: [{ subject: FRONT_DOOR, field: 'hours', old: 'Evenings and weekends, for 0121 605 6060 (out of hours)', new: 'Weekends only, for 0121 605 6060 (out of hours)' }] },
    { name: 'a kept number given its own hours', old: outOfHours(''), new: outOfHours('Mon-Fri 17:00-22:00'), changes: [{ subject: FRONT_DOOR, field: 'hours', old: 'no hours of its own before, for 0121 605 6060 (out of hours)', new: 'Mon-Fri 17:00-22:00, for 0121 605 6060 (out of hours)' }] },
    { name: 'a kept number’s own hours removed: the contact’s hours apply', old: outOfHours('Mon-Fri 17:00-22:00'), new: outOfHours(''), changes: [{ subject: FRONT_DOOR, field: 'hours', old: 'Mon-Fri 17:00-22:00, for 0121 605 6060 (out of hours)', new: 'no hours of its own now (the contact’s hours apply), for 0121 605 6060 (out of hours)' }] },
    { name: 'out-of-hours words changed only in case, which is editorial', old: hours('Out of hours (evenings and weekends)'), new: hours('Out of Hours (Evenings and Weekends)'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Out of hours (evenings and weekends)', new: 'Out of Hours (Evenings and Weekends)', impact: 'editorial' }] },
  ],
})
