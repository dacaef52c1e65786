import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

const hours = (text: string) => ({ 'contacts.md': swap('- Hours: Mon-Fri 09:00-17:00', text ? `- Hours: ${text}` : '') })

export default changeTable({
  kind: 'contact-hours-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same hours' },
    { name: 'the contact renamed, its hours kept', new: { 'contacts.md': swap('## Front door {#front-door}', '## Front door team {#front-door}') } },
  ],
  changed: [
    { name: 'the fixture pair: longer hours', ...fixturePair('contact-hours-changed'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: 'Mon-Fri 08:30-18:00' }] },
    { name: 'the same times written another way, which is editorial', new: hours('Monday-Friday 9:00-17:00'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: 'Monday-Friday 9:00-17:00', impact: 'editorial' }] },
    { name: 'hours removed', new: hours(''), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: null }] },
    { name: 'hours added', old: hours(''), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: null, new: 'Mon-Fri 09:00-17:00' }] },
    { name: 'round the clock instead of office hours', new: hours('24/7'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Mon-Fri 09:00-17:00', new: '24/7' }] },
    { name: 'out-of-hours words that say other hours', old: hours('Out of hours (evenings and weekends)'), new: hours('Out of hours (weekends only)'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Out of hours (evenings and weekends)', new: 'Out of hours (weekends only)' }] },
    { name: 'out-of-hours words changed only in case, which is editorial', old: hours('Out of hours (evenings and weekends)'), new: hours('Out of Hours (Evenings and Weekends)'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'hours', old: 'Out of hours (evenings and weekends)', new: 'Out of Hours (Evenings and Weekends)', impact: 'editorial' }] },
  ],
})
