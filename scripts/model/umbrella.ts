/**
 * The version of `@thresholds/frameworks`, the package holding every framework. The previous
 * release is what the last build recorded in its package.json (the version and each framework's
 * version); the next one follows semver of what changed since: the same frameworks at the same
 * versions keep the version, otherwise it goes up by the largest step (a framework removed or its
 * MAJOR raised → MAJOR; added or MINOR raised → MINOR; PATCH raised → PATCH). A framework whose
 * version went down has no next version: apps would see it go backwards.
 */
import { compareVersionNumbers, raiseNumbers, type Bump, type VersionNumbers } from './versions.ts'

/** The version of the package when no earlier build is found (an empty output folder). */
export const FIRST_UMBRELLA_VERSION = '1.0.0'

/** What a build of the package records of itself in its package.json. */
export interface UmbrellaRecord {
  version: VersionNumbers
  /** Each framework's package version, by id; absent in output made before they were recorded. */
  frameworks?: ReadonlyMap<string, VersionNumbers>
}

export interface UmbrellaVersion {
  version: string
  /** How far it went up from the previous release, and why (one line per framework); none when it stayed. */
  bump?: Bump
  reasons: string[]
}

export interface LoweredFramework {
  id: string
  recorded: VersionNumbers
  now: VersionNumbers
}

export const semver = ({ major, minor, patch }: VersionNumbers): string => `${major}.${minor}.${patch}`

const RANK: Record<Bump, number> = { patch: 1, minor: 2, major: 3 }

/**
 * What earlier builds of Thresholds made the version, without recording the frameworks': the sum
 * of the frameworks' MAJORs, MINORs and PATCHes. Only used to tell whether such output was built
 * from the frameworks as they are now.
 */
export function summedVersion(versions: Iterable<VersionNumbers>): VersionNumbers {
  const sum = { major: 0, minor: 0, patch: 0 }
  for (const { major, minor, patch } of versions) {
    sum.major += major
    sum.minor += minor
    sum.patch += patch
  }
  return sum
}

/** The frameworks whose version is lower than the previous release records, by id. */
export function loweredFrameworks(previous: UmbrellaRecord | undefined, current: ReadonlyMap<string, VersionNumbers>): LoweredFramework[] {
  const lowered: LoweredFramework[] = []
  for (const [id, now] of current) {
    const recorded = previous?.frameworks?.get(id)
    if (recorded && compareVersionNumbers(now, recorded) < 0) lowered.push({ id, recorded, now })
  }
  return lowered
}

/**
 * The next version of the package from the previous release and the frameworks' package versions
 * now, by id. Call `loweredFrameworks` first: a framework whose version went down counts here as
 * no step at all, never as a reason to go down.
 */
export function nextUmbrellaVersion(previous: UmbrellaRecord | undefined, current: ReadonlyMap<string, VersionNumbers>): UmbrellaVersion {
  if (!previous) return { version: FIRST_UMBRELLA_VERSION, reasons: [] }
  const steps: Array<[Bump, string]> = []
  if (!previous.frameworks) {
    // Built before the frameworks' versions were recorded: unchanged when its sum is still theirs; otherwise what changed is unknown, so the largest step.
    if (compareVersionNumbers(summedVersion(current.values()), previous.version) !== 0) steps.push(['major', 'the previous build did not record its frameworks’ versions, and they are not the ones it was built from'])
  } else {
    for (const [id, recorded] of previous.frameworks) if (!current.has(id)) steps.push(['major', `${id} removed`])
    for (const [id, now] of current) {
      const recorded = previous.frameworks.get(id)
      if (!recorded) steps.push(['minor', `${id} added at ${semver(now)}`])
      else if (compareVersionNumbers(now, recorded) > 0) {
        const bump: Bump = now.major !== recorded.major ? 'major' : now.minor !== recorded.minor ? 'minor' : 'patch'
        steps.push([bump, `${id} ${semver(recorded)} → ${semver(now)}`])
      }
    }
  }
  if (steps.length === 0) return { version: semver(previous.version), reasons: [] }
  const bump = steps.reduce<Bump>((largest, [step]) => (RANK[step] > RANK[largest] ? step : largest), 'patch')
  return { version: semver(raiseNumbers(previous.version, bump)), bump, reasons: steps.map(([step, reason]) => `${reason} (${step.toUpperCase()})`) }
}
