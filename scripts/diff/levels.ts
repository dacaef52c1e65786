import type { Matching } from './match.ts'
import type { Direction } from './types.ts'

/**
 * Whether moving an indicator from `oldLevel` (old version) to `newLevel` (new version) raised
 * its threshold. Each version's level order is asked where it can answer (both levels must be
 * in that version); when they disagree (the levels were re-ordered) the answer is `unclear`.
 * When neither can (one level was removed and the other added), each level's relative position
 * in its own version is compared. Symmetric: swapping the versions turns raised into lowered.
 */
export function moveDirection(oldLevel: string, newLevel: string, oldOrder: readonly string[], newOrder: readonly string[], levels: Matching<{ id: string }>): Direction {
  const votes: number[] = []
  const newOfOld = levels.newIdOf.get(oldLevel)
  if (newOfOld !== undefined) votes.push(Math.sign(newOrder.indexOf(newLevel) - newOrder.indexOf(newOfOld)))
  const oldOfNew = levels.oldIdOf.get(newLevel)
  if (oldOfNew !== undefined) votes.push(Math.sign(oldOrder.indexOf(oldOfNew) - oldOrder.indexOf(oldLevel)))
  if (votes.length === 0) {
    const position = (order: readonly string[], id: string) => (order.length > 1 ? order.indexOf(id) / (order.length - 1) : 0)
    votes.push(Math.sign(position(newOrder, newLevel) - position(oldOrder, oldLevel)))
  }
  if (votes.every((vote) => vote > 0)) return 'raised'
  if (votes.every((vote) => vote < 0)) return 'lowered'
  return 'unclear'
}

export function invertDirection(direction: Direction): Direction {
  return direction === 'raised' ? 'lowered' : direction === 'lowered' ? 'raised' : 'unclear'
}
