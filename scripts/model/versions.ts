/**
 * A framework's version, MAJOR.MINOR or MAJOR.MINOR.PATCH, as numbers: what the version-scheme
 * rule accepts, what the diff asks to be raised, and what the packages' versions are made from.
 */

/** The form the version-scheme rule accepts: “1.0”, “2.1”, “2.1.3” (PATCH is 0 when left out). */
export const VERSION_SCHEME = /^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})(?:\.(0|[1-9]\d{0,3}))?$/

export interface VersionNumbers {
  major: number
  minor: number
  patch: number
}

/** Whole numbers separated by dots (one to three of them, missing ones 0), or undefined. */
export function versionNumbers(version: string): VersionNumbers | undefined {
  const text = version.trim()
  if (!/^\d+(\.\d+){0,2}$/.test(text)) return undefined
  const [major = 0, minor = 0, patch = 0] = text.split('.').map(Number)
  return { major, minor, patch }
}

export function compareVersionNumbers(a: VersionNumbers, b: VersionNumbers): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

/** Which part a new version must raise at least: practice changes MAJOR, review MINOR, editorial PATCH. */
export type Bump = 'major' | 'minor' | 'patch'

const RANK: Record<Bump, number> = { patch: 1, minor: 2, major: 3 }

/** The most significant part that went up from `before` to `after`, or undefined when the version did not go up. */
export function bumpBetween(before: VersionNumbers, after: VersionNumbers): Bump | undefined {
  if (compareVersionNumbers(after, before) <= 0) return undefined
  return after.major !== before.major ? 'major' : after.minor !== before.minor ? 'minor' : 'patch'
}

/** Whether `bump` is at least `needed`. */
export const bumpCovers = (bump: Bump | undefined, needed: Bump) => bump !== undefined && RANK[bump] >= RANK[needed]

/** The next version by `bump`, written as short as the scheme allows: 1.2 → 2.0, 1.3, 1.2.1. */
export function raiseVersion(version: VersionNumbers, bump: Bump): string {
  const { major, minor, patch } = raiseNumbers(version, bump)
  return bump === 'patch' ? `${major}.${minor}.${patch}` : `${major}.${minor}`
}

/** The numbers of the next version by `bump`: the lower parts start again at 0. */
export function raiseNumbers({ major, minor, patch }: VersionNumbers, bump: Bump): VersionNumbers {
  if (bump === 'major') return { major: major + 1, minor: 0, patch: 0 }
  if (bump === 'minor') return { major, minor: minor + 1, patch: 0 }
  return { major, minor, patch: patch + 1 }
}

/** A framework's version as its package's (semver): 1.0 → 1.0.0, 2.1.3 → 2.1.3; “not stated” (no numbers) → 0.0.0. */
export function packageVersionOf(version: string): string {
  const { major, minor, patch } = versionNumbers(version) ?? { major: 0, minor: 0, patch: 0 }
  return `${major}.${minor}.${patch}`
}
