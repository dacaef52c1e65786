import { bumpBetween, bumpCovers, compareVersionNumbers, raiseVersion, versionNumbers, type Bump } from '../model/versions.ts'
import type { Counts, Flag, Impact } from './types.ts'
import { isStated } from '../model/not-stated.ts'

type Impacts = Pick<Counts, 'changes' | 'practice' | 'review'>

const BUMP_FOR: Record<Impact, Bump> = { practice: 'major', review: 'minor', editorial: 'patch' }

/** The strongest impact among the changes, or undefined when nothing changed. */
function strongest(counts: Impacts): Impact | undefined {
  if (counts.changes === 0) return undefined
  return counts.practice > 0 ? 'practice' : counts.review > 0 ? 'review' : 'editorial'
}

/**
 * The version the new text should have, from the old one and the strongest impact among the
 * changes: practice → the next MAJOR (1.2 → 2.0), review → the next MINOR (1.2 → 1.3), editorial
 * only → the next PATCH (1.2 → 1.2.1). Undefined when nothing changed or the old version is not
 * numbers separated by dots (“not stated” included).
 */
export function suggestVersion(oldVersion: string, counts: Impacts): { version: string; because: Impact } | undefined {
  const because = strongest(counts)
  const old = versionNumbers(oldVersion)
  if (!because || !old) return undefined
  return { version: raiseVersion(old, BUMP_FOR[because]), because }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * `version-not-raised`: the new version must be raised at least as far as `suggestVersion` says
 * (MAJOR for practice, MINOR for review, PATCH for editorial), so different text never ships under
 * the same version and apps can tell from the version alone what kind of change they take.
 * Versions that are not numbers only need to differ. No flag when either version is “not stated”:
 * there is nothing to raise, and metadata-changed reports a change to or from “not stated”.
 */
export function versionNotRaised(oldVersion: string, newVersion: string, counts: Impacts): Flag | undefined {
  const because = strongest(counts)
  if (!because || !isStated(oldVersion) || !isStated(newVersion)) return undefined
  const before = versionNumbers(oldVersion)
  const after = versionNumbers(newVersion)
  const needed = BUMP_FOR[because]
  if (!before || !after) return oldVersion === newVersion ? { id: 'version-not-raised', message: `${plural(counts.changes, 'change')} to the text but the version is still ${newVersion}: raise it so apps and readers can tell the two texts apart` } : undefined
  const bump = bumpBetween(before, after)
  if (bumpCovers(bump, needed)) return undefined
  const next = raiseVersion(before, needed)
  const what =
    because === 'practice'
      ? `${plural(counts.practice, 'change')} affect${counts.practice === 1 ? 's' : ''} practice`
      : because === 'review'
        ? `${plural(counts.review, 'change')} for a person to review`
        : `${plural(counts.changes, 'change')} to the text`
  const why = because === 'practice' ? 'so practitioners know to read what changed' : 'so apps and readers can tell the two texts apart'
  if (compareVersionNumbers(before, after) === 0) return { id: 'version-not-raised', message: `${what} but the version is still ${newVersion}: raise it to ${next} ${why}` }
  if (!bump) return { id: 'version-not-raised', message: `${what} but the version went from ${oldVersion} down to ${newVersion}: raise it to ${next} ${why}` }
  const needs = because === 'practice' ? 'a change in practice needs a new major version' : 'a change a person should review needs a new minor version'
  return { id: 'version-not-raised', message: `${what} but the version only went from ${oldVersion} to ${newVersion}: ${needs} (${next})` }
}
