import { distance } from 'fastest-levenshtein'
import { describe, expect, it } from 'vitest'
import { EXACT_UP_TO, MAX_COMPARED, SuggestionIndex } from '../../scripts/shared/suggestions.ts'

/** Every pair, as suggestions were made before the index: the reference answer. */
function allPairs(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase()
  let best: { candidate: string; score: number } | undefined
  for (const candidate of candidates) {
    const score = distance(needle, candidate.toLowerCase())
    if (score > Math.max(2, Math.floor(Math.max(needle.length, candidate.length) / 3))) continue
    if (!best || score < best.score || (score === best.score && candidate < best.candidate)) best = { candidate, score }
  }
  return best?.candidate
}

const words = ['neglect', 'housing', 'school', 'health', 'parenting', 'substance', 'domestic', 'abuse', 'exploitation', 'attendance', 'carer', 'young', 'mental', 'wellbeing', 'injury']
/** 10,000 ids such as “housing-carer-417”, the size of a very large framework or of many. */
const ids = Array.from({ length: 10_000 }, (_, n) => `${words[n % words.length]}-${words[(n * 7) % words.length]}-${n}`)
/** One typo in each: a letter dropped from the middle. */
const typo = (id: string) => id.slice(0, 4) + id.slice(5)

describe('suggestions from an index', () => {
  it('are exactly those of a full search for sets as large as real frameworks', () => {
    const candidates = ['front-door', 'early-help', 'child-protection', 'Front Door', 'levels/01-early-help.md', 'emergency-duty-team']
    for (const input of ['front-dor', 'FRONT-DOOR', 'erly-help', 'child-protecton', 'levels/01-early-hlp.md', 'zzz', 'emergency'])
      expect(new SuggestionIndex(candidates).closest(input)[0], input).toBe(allPairs(input, candidates))
    expect(new SuggestionIndex(ids.slice(0, EXACT_UP_TO)).closest(typo(ids[7] as string))).toEqual([ids[7]])
  })

  it('compare each query with a bounded number of candidates, however many there are: 10,000 broken links against 10,000 ids', () => {
    const index = new SuggestionIndex(ids)
    const found = ids.map((id) => index.closest(typo(id))[0])
    // Each typo finds the id it came from.
    expect(found.filter((suggestion, n) => suggestion !== ids[n])).toEqual([])
    // All pairs would be 100,000,000 comparisons.
    expect(index.comparisons).toBeLessThanOrEqual(ids.length * MAX_COMPARED)
  })

  it('agree with a full search on a large set, and suggest nothing far away', () => {
    const index = new SuggestionIndex(ids)
    for (let n = 0; n < ids.length; n += 97) {
      const input = typo(ids[n] as string).toUpperCase()
      expect(index.closest(input)[0], input).toBe(allPairs(input, ids))
    }
    expect(index.closest('completely-unrelated-words')).toEqual([])
  })
})
