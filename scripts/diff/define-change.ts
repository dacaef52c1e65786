import type { DiffContext } from './context.ts'
import type { Change, Impact } from './types.ts'

/**
 * What a change kind's detect function hands back: a change without its kind, which the registry
 * adds, and with an impact only where it is not the kind's own (a rewording that reads the same).
 */
export type Detected = Omit<Change, 'kind' | 'impact'> & { impact?: Impact }

export interface ChangeKind {
  /** Permanent: the file name, the `kind` in the JSON report, and the anchor in docs/changes.md. */
  id: string
  /** The impact of its changes, unless a change says otherwise (`impacts` then lists them all). */
  impact: Impact
  /** Every impact its changes can have, when there is more than one (`impact` first). */
  impacts?: readonly Impact[]
  /** One sentence for docs/changes.md and the report's summary table. */
  description: string
  /** Short label for report headings and tables, e.g. “Indicator added”. */
  label: string
  /**
   * The model fields it watches, as paths in schema/framework.schema.json (`levels[].consent`;
   * `indicators[]` for the list itself: items added, removed or re-ordered). A test fails when a
   * field of the schema is watched by no kind and not listed in not-compared.ts.
   */
  covers: readonly string[]
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
