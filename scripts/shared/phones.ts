import { parsePhoneNumberFromString, validatePhoneNumberLength, type PhoneNumber } from 'libphonenumber-js/max'

/**
 * UK short numbers that libphonenumber-js does not model (it has no short-number metadata):
 * emergency (999, 112), police non-emergency (101), NHS 111, power cut (105), and the
 * harmonised European helplines 116 000 (missing children), 116 111 (Childline), 116 123 (Samaritans).
 */
export const UK_SHORT_NUMBERS = new Map([
  ['999', '999'], ['112', '112'], ['101', '101'], ['111', '111'], ['105', '105'],
  ['116000', '116 000'], ['116111', '116 111'], ['116123', '116 123'],
])

export type PhoneReading =
  | { ok: true; short: boolean; national: string; number?: PhoneNumber }
  | { ok: false; problem: string }

/** Readings already made, by the number as written: the model and two rules read every number. */
const readings = new Map<string, PhoneReading>()
/** Watch mode runs for hours: past this many numbers the readings start again. */
const MAX_READINGS = 10_000

/**
 * Reads a phone number as written in contacts.md, as a UK number. The same text always reads the
 * same, so each is read once per process: the phone library builds its patterns on every call,
 * about 3 ms a number. The reading is shared, not to be changed.
 */
export function readPhone(written: string): PhoneReading {
  let reading = readings.get(written)
  if (!reading) {
    if (readings.size >= MAX_READINGS) readings.clear()
    reading = Object.freeze(readUkPhone(written))
    readings.set(written, reading)
  }
  return reading
}

function readUkPhone(written: string): PhoneReading {
  const digits = written.replace(/[\s()-]/g, '')
  const short = UK_SHORT_NUMBERS.get(digits)
  if (short) return { ok: true, short: true, national: short }
  if (!/^\+?\d+$/.test(digits)) return { ok: false, problem: 'has characters other than digits, spaces and brackets' }
  const number = parsePhoneNumberFromString(written, 'GB')
  if (!number) return { ok: false, problem: 'is not a phone number' }
  if (number.country !== 'GB' && number.countryCallingCode !== '44') return { ok: false, problem: 'is not a UK number' }
  if (!number.isValid()) {
    const length = validatePhoneNumberLength(written, 'GB')
    const why = length === 'TOO_SHORT' ? 'has too few digits' : length === 'TOO_LONG' ? 'has too many digits' : 'does not match any UK number range'
    return { ok: false, problem: `is not a valid UK number (it ${why})` }
  }
  return { ok: true, short: false, national: number.formatNational(), number }
}
