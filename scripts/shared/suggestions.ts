import { distance } from 'fastest-levenshtein'

/**
 * “Did you mean …?” over many candidates without comparing every pair: 10,000 broken links in a
 * framework with 10,000 ids once took 49 s. Small sets (up to EXACT_UP_TO candidates, every
 * real framework's) are searched in full, so suggestions there are exactly the closest. Larger
 * ones are indexed by their three-letter pieces: a query's pieces are looked up rarest first,
 * visiting at most MAX_VISITED entries in all (a piece too common for what is left is passed
 * over), and the query is compared only with the MAX_COMPARED candidates sharing the most pieces
 * with it. So each query costs a bounded amount of work, whatever the number of candidates.
 */
export const EXACT_UP_TO = 256
export const MAX_COMPARED = 64
export const MAX_VISITED = 1_000

/** Within this many edits a candidate is close enough to suggest. */
function threshold(a: string, b: string): number {
  return Math.max(2, Math.floor(Math.max(a.length, b.length) / 3))
}

function piecesOf(text: string): Set<string> {
  const padded = `  ${text} `
  const pieces = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i++) pieces.add(padded.slice(i, i + 3))
  return pieces
}

const byScoreThenName = (a: { candidate: string; score: number }, b: { candidate: string; score: number }) =>
  a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0)

export class SuggestionIndex {
  private readonly candidates: string[]
  private readonly lower: string[]
  private readonly postings = new Map<string, number[]>()
  /** Distances computed so far: the bound the tests hold the index to. */
  comparisons = 0
  /** Shared pieces per candidate, reused by every query (and left at zero after each). */
  private counts: Uint16Array | undefined

  constructor(candidates: Iterable<string>) {
    this.candidates = [...new Set(candidates)]
    this.lower = this.candidates.map((candidate) => candidate.toLowerCase())
    if (this.candidates.length <= EXACT_UP_TO) return
    this.lower.forEach((text, index) => {
      for (const piece of piecesOf(text)) {
        const list = this.postings.get(piece)
        if (list) list.push(index)
        else this.postings.set(piece, [index])
      }
    })
  }

  get size(): number {
    return this.candidates.length
  }

  /** The closest candidates to a mistyped name, best first, at most `limit`. */
  closest(input: string, limit = 1): string[] {
    const needle = input.toLowerCase()
    const scored: Array<{ candidate: string; score: number }> = []
    for (const index of this.shortlist(needle)) {
      const candidate = this.lower[index] as string
      this.comparisons++
      const score = distance(needle, candidate)
      if (score <= threshold(needle, candidate)) scored.push({ candidate: this.candidates[index] as string, score })
    }
    return scored.sort(byScoreThenName).slice(0, limit).map((entry) => entry.candidate)
  }

  /** Which candidates to compare: all of a small set, the best-sharing few of a large one. */
  private shortlist(needle: string): Iterable<number> {
    if (this.candidates.length <= EXACT_UP_TO) return this.candidates.keys()
    this.counts ??= new Uint16Array(this.candidates.length)
    const counts = this.counts
    const touched: number[] = []
    const lists: number[][] = []
    for (const piece of piecesOf(needle)) {
      const list = this.postings.get(piece)
      if (list) lists.push(list)
    }
    lists.sort((a, b) => a.length - b.length)
    let budget = MAX_VISITED
    for (const list of lists) {
      if (list.length > budget) continue
      budget -= list.length
      for (const index of list) {
        const before = counts[index] as number
        if (before === 0) touched.push(index)
        counts[index] = before + 1
      }
    }
    // Most pieces shared first; among equals, the closest in length, then the first indexed.
    const chosen = touched
      .map((index) => ({ index, shared: counts[index] as number, gap: Math.abs((this.lower[index] as string).length - needle.length) }))
      .sort((a, b) => b.shared - a.shared || a.gap - b.gap || a.index - b.index)
      .slice(0, MAX_COMPARED)
      .map((entry) => entry.index)
    for (const index of touched) counts[index] = 0
    return chosen
  }
}
