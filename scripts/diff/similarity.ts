/**
 * Token similarity for recognising a reworded indicator whose id changed. Documented in
 * docs/changes.md: change the threshold there too.
 */

/** Two texts at least this similar (Dice coefficient over their words) can be the same indicator. */
export const SIMILARITY_THRESHOLD = 0.6

/** Words of a text: accents removed, lower case, split on anything that is not a letter or digit. */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** Word counts of a text, for similarity. */
export function bagOfWords(text: string): Map<string, number> {
  const bag = new Map<string, number>()
  for (const token of tokens(text)) bag.set(token, (bag.get(token) ?? 0) + 1)
  return bag
}

function size(bag: ReadonlyMap<string, number>): number {
  let total = 0
  for (const count of bag.values()) total += count
  return total
}

/**
 * Dice coefficient over word multisets: 2 × shared words / all words, from 0 (nothing shared) to
 * 1 (the same words). Symmetric, so swapping the versions gives the same score.
 */
export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const total = size(a) + size(b)
  if (total === 0) return 1
  let shared = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const [token, count] of small) shared += Math.min(count, large.get(token) ?? 0)
  return (2 * shared) / total
}

/** Scores are reported to three decimals; the rounded value is also what ties are broken on. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000
}
