/**
 * Similarity thresholds and scores for matching indicators (match-indicators.ts). Documented in
 * docs/changes.md: change them there too.
 */

/** Similarity (Dice over content words) for a pair in the same place; the JSON report states it as similarityThreshold. */
export const IN_PLACE = 0.5
/** Similarity for a pair in different places: a move must be surer than a rewording. */
export const ACROSS = 0.6
/** Below IN_PLACE but at least this, in the same place: shown as possibly reworded. */
export const POSSIBLY = 0.3
/** Share of an added (or removed) indicator's content words found in a neighbour for it to be part of a split (or merge). */
export const CONTAINED = 0.75
/** Scores are reported to three decimals; the rounded value is also what ties are broken on. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000
}
