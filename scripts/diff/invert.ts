import { invertDirection } from './levels.ts'
import { changeKindsById } from './registry.ts'
import type { Change } from './types.ts'
import { invertWords } from './words.ts'

/**
 * The change as it would be reported with the versions swapped: the inverse kind (added for
 * removed), the old and new sides exchanged, raised for lowered, the word diff turned round.
 * Comparing B with A gives exactly the inverted changes of comparing A with B (a property test).
 */
export function invertChange(change: Change): Change {
  const kind = changeKindsById.get(change.kind)
  const inverseKind = changeKindsById.get(kind?.inverse ?? change.kind) ?? kind
  const subject = { type: change.subject.type, ...(change.subject.new ? { old: change.subject.new } : {}), ...(change.subject.old ? { new: change.subject.old } : {}) }
  // An impact reads the same both ways (added and removed are both practice; a rewording is the same rewording).
  const out: Change = { kind: inverseKind?.id ?? change.kind, impact: change.impact, subject }
  if (change.match) out.match = change.match
  if (change.field !== undefined) out.field = change.field
  if (change.new !== undefined) out.old = change.new
  if (change.old !== undefined) out.new = change.old
  if (change.direction) out.direction = invertDirection(change.direction)
  if (change.words) out.words = invertWords(change.words)
  return out
}
