import { describe, expect, it } from 'vitest'
import { readPhone } from '../../scripts/shared/phones.ts'

// readPhone keeps each reading by the number as written (the model and two rules read every
// number): a number read again must read as it did, and never as the number read before it.
describe('reading a phone number', () => {
  it('reads each number as itself, again and again', () => {
    const first = readPhone('0121 788 4300')
    expect(first).toMatchObject({ ok: true, short: false, national: '0121 788 4300' })
    expect(first.ok && first.number?.number).toBe('+441217884300')
    expect(readPhone('01217884300')).toMatchObject({ ok: true, national: '0121 788 4300' })
    expect(readPhone('0345 678 9021')).toMatchObject({ ok: true, national: '0345 678 9021' })
    expect(readPhone('999')).toEqual({ ok: true, short: true, national: '999' })
    expect(readPhone('0121 788 430')).toEqual({ ok: false, problem: 'is not a valid UK number (it does not match any UK number range)' })
    expect(readPhone('0121 788 4300')).toBe(first)
  })

  it('gives a reading no caller can change for the next', () => {
    const reading = readPhone('0121 605 6060')
    expect(Object.isFrozen(reading)).toBe(true)
    expect(() => Object.assign(reading, { national: 'changed' })).toThrow(TypeError)
    expect(readPhone('0121 605 6060')).toMatchObject({ national: '0121 605 6060' })
  })
})
