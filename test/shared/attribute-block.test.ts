import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blockAtEnd, findAttributeBlock } from '../../scripts/shared/text.ts'

/*
 * The attribute block at the end of a text (`{#id key=value}`), found from the end (blockAtEnd)
 * and, for a lone id, read without the token loop: both as the pattern and the full reading give.
 */

/** The pattern blockAtEnd stands for. */
const BLOCK = /[ \t]*\{([^{}\n]*)\}[ \t]*$/

describe('the attribute block at the end of a text', () => {
  it('is where the pattern matches, on random text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'a #{}=\t\n-x1'.split('')), maxLength: 16 })
    fc.assert(
      fc.property(text, (written) => {
        const match = BLOCK.exec(written)
        const found = blockAtEnd(written)
        expect(found).toStrictEqual(match ? { start: match.index, inner: match[1], innerStart: match.index + match[0].indexOf('{') + 1 } : undefined)
      }),
      { numRuns: 5000 },
    )
  })

  it('a lone id reads as the same block as the id written with a space before the brace closes', () => {
    // `{#id }` is read by the token loop; `{#id}` by the lone-id path: the same attributes and problems, at the same start.
    const id = fc.oneof(fc.constantFrom('early-help', 'a', 'x-1', 'Early_Help', 'a--b', '-a', 'a'.repeat(80), 'a'.repeat(81)), fc.string({ unit: fc.constantFrom(...'az09-_A'.split('')), maxLength: 12 }))
    fc.assert(
      fc.property(id, fc.constantFrom('', ' ', '\t '), (written, before) => {
        const lone = findAttributeBlock(`Words${before}{#${written}}`)
        const read = findAttributeBlock(`Words${before}{#${written} }`)
        expect(lone).toStrictEqual(read)
      }),
      { numRuns: 1000 },
    )
    expect(findAttributeBlock('Words {#early-help}')).toStrictEqual({ attributes: { values: Object.create(null), id: 'early-help' }, start: 5, problems: [] })
    expect(findAttributeBlock('Words {#early-help} \t')?.start).toBe(5)
  })
})
