import { swap } from '../../check/rule-tester.ts'
import { changeTable, fixturePair } from '../change-tester.ts'

// Without a number the contact keeps an email address, so the level can still reach it (level-has-contacts).
const phone = (text: string) => ({ 'contacts.md': swap('- Phone: 0121 788 4300', text ? `- Phone: ${text}` : '- Email: front.door@example.org') })
const frontDoor = { type: 'contact' as const, old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }

export default changeTable({
  kind: 'contact-number-changed',
  impact: 'practice',
  unchanged: [
    { name: 'the same number' },
    { name: 'the same digits spaced another way', new: phone('01217 884300') },
    { name: 'the contact renamed, its number kept', new: { 'contacts.md': swap('## Front door {#front-door}', '## Front door team {#front-door}') } },
    { name: 'a use written in other capitals', old: phone('0121 788 4300\n- Phone (out of hours): 0121 605 6060'), new: phone('0121 788 4300\n- Phone (Out Of Hours): 0121 605 6060') },
  ],
  changed: [
    { name: 'the fixture pair of docs/changes.md', ...fixturePair('contact-number-changed'), changes: [{ subject: { type: 'contact', old: { id: 'front-door', label: 'Front door' }, new: { id: 'front-door', label: 'Front door' } }, field: 'phone', old: '0121 788 4300', new: '0121 496 0200' }] },
    { name: 'the same number written with brackets and a hyphen, or from abroad, which is editorial', new: phone('(0121) 788-4300\n- Phone (from abroad): +44 121 605 6060'), old: phone('0121 788 4300\n- Phone (from abroad): 0121 605 6060'), changes: [
        { subject: frontDoor, field: 'phone', old: '0121 605 6060 (from abroad)', new: '+44 121 605 6060 (from abroad)', impact: 'editorial' },
        { subject: frontDoor, field: 'phone', old: '0121 788 4300', new: '(0121) 788-4300', impact: 'editorial' },
      ] },
    { name: 'a new number', new: phone('0121 496 0200'), changes: [{ subject: frontDoor, field: 'phone', old: '0121 788 4300', new: '0121 496 0200' }] },
    { name: 'a number removed', new: phone(''), changes: [{ subject: frontDoor, field: 'phone', old: '0121 788 4300', new: null }] },
    { name: 'a number added', old: phone(''), changes: [{ subject: frontDoor, field: 'phone', old: null, new: '0121 788 4300' }] },
    { name: 'one digit changed and re-spaced', new: phone('01217 884301'), changes: [{ subject: frontDoor, field: 'phone', old: '0121 788 4300', new: '01217 884301' }] },
    { name: 'a second number added for a use', new: phone('0121 788 4300\n- Phone (out of hours): 0121 605 6060'), changes: [{ subject: frontDoor, field: 'phone', old: null, new: '0121 605 6060 (out of hours)' }] },
    {
      name: 'the out-of-hours number changed, the office number kept',
      old: phone('0121 788 4300\n- Phone (out of hours): 0121 605 6060'),
      new: phone('0121 788 4300\n- Phone (Out of hours): 0121 605 6061'),
      changes: [{ subject: frontDoor, field: 'phone', old: '0121 605 6060 (out of hours)', new: '0121 605 6061 (Out of hours)' }],
    },
    {
      name: 'the same number now for another use',
      old: phone('0121 788 4300\n- Phone (out of hours): 0121 605 6060'),
      new: phone('0121 788 4300\n- Phone (emergency): 0121 605 6060'),
      changes: [{ subject: frontDoor, field: 'phone', old: '0121 605 6060 (out of hours)', new: '0121 605 6060 (emergency)' }],
    },
    {
      name: 'the text phone removed, the numbers re-ordered',
      old: phone('0121 788 4300\n- Phone (text phone): 0121 496 0000\n- Phone (out of hours): 0121 605 6060'),
      new: phone('0121 788 4300\n- Phone (out of hours): 0121 605 6060'),
      changes: [{ subject: frontDoor, field: 'phone', old: '0121 496 0000 (text phone)', new: null }],
    },
  ],
})
