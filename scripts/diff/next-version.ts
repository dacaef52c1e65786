import type { Counts } from './types.ts'

/**
 * The version the new text should have, from the old one and the strongest impact among the
 * changes: practice → the next MAJOR (1.2 → 2.0), review → the next MINOR (1.2 → 1.3), editorial
 * only → the next PATCH (1.2 → 1.2.1). Undefined when nothing changed or the old version is not
 * numbers separated by dots.
 */
export function suggestVersion(oldVersion: string, counts: Pick<Counts, 'changes' | 'practice' | 'review'>): { version: string; because: 'practice' | 'review' | 'editorial' } | undefined {
  if (counts.changes === 0 || !/^\d+(\.\d+){0,2}$/.test(oldVersion.trim())) return undefined
  const [major = 0, minor = 0, patch = 0] = oldVersion.trim().split('.').map(Number)
  if (counts.practice > 0) return { version: `${major + 1}.0`, because: 'practice' }
  if (counts.review > 0) return { version: `${major}.${minor + 1}`, because: 'review' }
  return { version: `${major}.${minor}.${patch + 1}`, because: 'editorial' }
}
