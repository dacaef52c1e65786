import type { Framework } from '../model/types.ts'
import type { DiffContext } from './context.ts'
import type { Change, Impact } from './types.ts'

/** What a change kind's detect function hands back: a change without its kind and impact, which the registry adds. */
export type Detected = Omit<Change, 'kind' | 'impact'>

export interface ChangeKind {
  /** Permanent: the file name, the `kind` in the JSON report, and the anchor in docs/changes.md. */
  id: string
  impact: Impact
  /** One sentence for docs/changes.md and the report's summary table. */
  description: string
  /** Short label for report headings and tables, e.g. “Indicator added”. */
  label: string
  /** The kind the same change is when the versions are swapped (added for removed); itself by default. */
  inverse?: string
  /**
   * `both` (default): runs when the framework is in both versions. `one`: runs when it is only
   * in one (a framework added or removed), and nothing else does then.
   */
  when?: 'both' | 'one'
  detect(context: DiffContext): Detected[]
}

export function defineChange(kind: ChangeKind): ChangeKind {
  return kind
}

/** Both versions of a framework, one of which may be missing. */
export interface Versions {
  old?: Framework
  new?: Framework
}
