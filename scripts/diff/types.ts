/**
 * The shape of a version diff: what `thresholds diff --format json` prints, described for
 * consumers by schema/diff.schema.json (keep the two in step; a test validates every report).
 */

/**
 * `practice`: practitioners must be told (a threshold, a number, what to do). `review`: reworded
 * and the meaning may have changed (a kept id says the same indicator, not the same meaning): a
 * person should look. `editorial`: spelling, punctuation, case, spacing, word order or voice only.
 */
export type Impact = 'practice' | 'review' | 'editorial'

export type SubjectType =
  | 'framework'
  | 'level'
  | 'domain'
  | 'indicator'
  | 'contact'
  | 'link'
  | 'section'
  | 'matrix'
  | 'matrix-factor'
  | 'matrix-cell'

/** How a thing in the old version was recognised in the new one. */
export type MatchBy = 'id' | 'title' | 'name' | 'url' | 'text' | 'similarity'

/** One thing as it is in one version: enough to name it and to place it in the report. */
export interface SubjectRef {
  id: string
  /** Its text, title or name as written in that version. */
  label: string
  /** For indicators: the domain and level it sits in, in that version. For cells and level sections: the level. */
  domain?: string
  level?: string
}

export interface Subject {
  type: SubjectType
  /** As it was; absent when the thing was added. */
  old?: SubjectRef
  /** As it is; absent when the thing was removed. */
  new?: SubjectRef
}

/** A word-level diff of one text: `equal` parts are in both versions. */
export interface WordPart {
  op: 'equal' | 'delete' | 'insert'
  text: string
}

/** Which way an indicator moved, by level order: `raised` means to a more serious level. */
export type Direction = 'raised' | 'lowered' | 'unclear'

/** A JSON value carried by a change: a text, a number, a flag, a reference, a list, or null for “not there”. */
export type Value = string | number | boolean | null | { id: string; title: string } | Value[] | { [key: string]: Value }

export interface Change {
  /** The change kind's id (docs/changes.md). */
  kind: string
  impact: Impact
  subject: Subject
  /** How the subject was matched across the versions (absent for things only in one version). */
  match?: { by: MatchBy; score?: number }
  /** For kinds that cover several fields (metadata, contact details): which one. */
  field?: string
  /** The value before and after; null means the field was absent on that side. */
  old?: Value
  new?: Value
  direction?: Direction
  /** Word-level diff from `old` to `new`, for text changes. */
  words?: WordPart[]
}

/** A finding about the change as a whole rather than one thing, such as a missing version bump. */
export interface Flag {
  id: 'version-not-raised'
  message: string
}

export interface MatchSummary {
  byId: number
  /** Everything matched some other way, each with how: these are the choices a reviewer may question. */
  other: Array<{ old: string; new: string; by: MatchBy; score?: number }>
  added: number
  removed: number
}

export interface VersionInfo {
  id: string
  title: string
  version: string
  status: string
  published?: string
}

/** A level, domain or contact as one version has it: its id, and the name people know it by. */
export interface OutlineSide {
  id: string
  title: string
  /** A level's printed label (“Level 2”), when the framework numbers its levels. */
  label?: string
  /** A contact's details, so a removed contact still shows its number and hours. */
  details?: Array<{ field: string; value: string }>
}

/** A level, domain or contact in both versions, or in one: the report's order of levels and domains, and the names of contacts. */
export interface OutlineEntry {
  old?: OutlineSide
  new?: OutlineSide
}

/**
 * One real change, as a person counts it: all the changes found for one indicator (moved, reworded
 * and renumbered is one change), or one change of anything else. Reports count and list these.
 */
export interface Entry {
  /** The strongest impact of its changes. */
  impact: Impact
  subject: Subject
  /** Its change kinds, in the order of `changes`. */
  kinds: string[]
  /** Positions of its changes in the framework's `changes`. */
  changes: number[]
}

/** A part of a framework that it may lack altogether. */
export type AbsentPart = 'links' | 'matrix' | 'narrative'

export interface FrameworkDiff {
  id: string
  title: string
  status: 'added' | 'removed' | 'changed' | 'unchanged'
  old?: VersionInfo
  new?: VersionInfo
  summary: Counts
  /** The version the new text should have by its strongest change (practice: MAJOR, review: MINOR, editorial: PATCH); absent when nothing changed or the old version is not numeric. */
  suggestedVersion?: { version: string; because: Impact }
  flags: Flag[]
  /** Levels (least serious first) and domains in the new version's order, then those only in the old one. */
  outline: { levels: OutlineEntry[]; domains: OutlineEntry[]; contacts: OutlineEntry[] }
  matching: Partial<Record<'levels' | 'domains' | 'indicators' | 'contacts' | 'links' | 'sections' | 'factors', MatchSummary>>
  /** Parts that neither version has (no matrix.md, no narrative pages, no links): the reports say so instead of “None.”; absent when both have every part. */
  absent?: AbsentPart[]
  /** Everything found, one change per kind and field: what --fail-on and apps read. */
  changes: Change[]
  /** The same changes as a person counts them (see Entry), in the order of their first change. */
  entries: Entry[]
}

/** Real changes (entries) by impact; `findings` and `byKind` count the changes found, one per kind and field. */
export interface Counts {
  changes: number
  practice: number
  review: number
  editorial: number
  /** How many changes were found in all, several of them for one indicator moved and reworded. */
  findings: number
  /** Count per change kind, kinds with no change left out. */
  byKind: Record<string, number>
  /** Indicators moved to a more, or less, serious level. */
  raised: number
  lowered: number
}

/** Where one side of the comparison came from. */
export interface SideInfo {
  /** As given on the command line (a ref, a folder, a file). */
  label: string
  source: 'git' | 'folder' | 'json' | 'memory'
  /** For git: the commit the ref pointed at. */
  commit?: string
}

export interface DiffReport {
  /** Version of this report's shape (schema/diff.schema.json). */
  formatVersion: 1
  old: SideInfo
  new: SideInfo
  /** Indicators without a common id are matched when their token similarity is at least this. */
  similarityThreshold: number
  summary: Counts & { flags: number }
  frameworks: FrameworkDiff[]
  /** Frameworks compared and found unchanged, left out of `frameworks` (thresholds diff --all keeps them). */
  unchanged?: Array<{ id: string; title: string }>
}
