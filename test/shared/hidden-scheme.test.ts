import { describe, expect, it } from 'vitest'
import { classifyAddress } from '../../scripts/shared/addresses.ts'

// Found by the mutation property test: a zero-width space before “pending:” was read as a pending
// link by the address gate and stored as something else in the model, with no error.
describe('a safe scheme written with hidden characters', () => {
  it('is not taken for the safe scheme', () => {
    expect(classifyAddress('\u200Bpending:')).toEqual({ kind: 'scheme', scheme: 'pending (written with hidden characters)' })
    expect(classifyAddress('&#104;ttps://example.org')).toEqual({ kind: 'scheme', scheme: 'https (written with hidden characters)' })
  })

  it('is the safe scheme when written plainly, in any case', () => {
    expect(classifyAddress('pending:')).toEqual({ kind: 'scheme', scheme: 'pending' })
    expect(classifyAddress('HTTPS://example.org')).toEqual({ kind: 'scheme', scheme: 'https' })
  })
})
