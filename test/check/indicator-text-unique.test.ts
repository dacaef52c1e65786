import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCase, swap } from './rule-tester.ts'

/** The rule's description, as a reference: the same words ignoring case and punctuation. */
const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

// A few words, each with several spellings that normalise alike (capitals, an accent, the Kelvin
// sign, which is a “k” once lower-cased), parted by gaps that normalise alike (a space, a stop,
// an apostrophe, a dash) or by none: random lists then often hold the same words written differently.
const SPELLINGS = [['a', 'a'], ['a', 'A'], ['k', 'k'], ['k', 'K'], ['k', '\u212a'], ['é', 'é'], ['é', 'É'], ['ab', 'ab'], ['ab', 'AB']] as const
const GAPS = [' ', '. ', ', ', '’', "'", ' - ', '  ', '']
const text = fc
  .array(fc.tuple(fc.constantFrom(...SPELLINGS), fc.constantFrom(...GAPS)), { minLength: 1, maxLength: 2 })
  .map((words) => words.map(([[, spelling], gap], index) => (index === 0 ? '' : gap) + spelling).join(''))

describe('indicator-text-unique over random lists', () => {
  it('reports exactly the indicators whose words, normalised, an earlier one of the list has, each pointing at the first', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (texts) => {
        const lines = texts.map((words, index) => `- ${words} {#random-${index}}`)
        const messages = runCase('indicator-text-unique', { name: 'random', files: { 'domains/01-health.md': swap('- Missing immunisations {#health-missing-immunisations}', lines.join('\n')) } })
        const expected = texts.flatMap((words, index) => {
          const first = texts.findIndex((other) => normalise(other) === normalise(words))
          return first < index ? [{ line: 8 + index, text: texts[first], causeLine: 8 + first }] : []
        })
        expect(messages.map((message) => ({ line: message.line, text: message.data?.text, causeLine: message.cause?.line }))).toEqual(expected)
      }),
      { numRuns: 40 },
    )
  })
})
