import type { Position } from 'unist'
import type { Framework } from '../model/types.ts'
import type { LinkProbe } from '../online/probe.ts'
import type { ParseContext, Place } from '../parse/context.ts'
import type { CheckedFramework } from './checked-framework.ts'
import type { MessageOptions, Severity } from '../shared/diagnostics.ts'

export interface Report {
  /**
   * Files a message at a model node's source place, or at an explicit place.
   * Rules never set the id, severity, source or url: the runner does.
   */
  (target: object | Place, message: string, options?: MessageOptions & { position?: Position }): void
}

export interface RuleContext {
  framework: Framework
  parsed: ParseContext
  /** Every framework checked in this run, for rules that compare frameworks (read only what `compares` names). */
  all: readonly CheckedFramework[]
  /**
   * With `--online`: what each external address (as written) gave when it was requested.
   * Undefined otherwise, and the rules that need it report nothing.
   */
  linkStatus?: ReadonlyMap<string, LinkProbe>
  report: Report
  /** Today's date, YYYY-MM-DD (UTC), for the date rules; fixed in tests. */
  today: string
}

export interface Rule {
  /** Permanent: the file name, and the anchor of its entry in docs/rules.md. */
  id: string
  severity: Severity
  description: string
  /**
   * An integrity rule: without it content that breaks the published package (its schema, its
   * types, its ids) would be published, so no setting or comment can lower it (see integrity.ts).
   */
  integrity?: true
  /** Needs `--online` (RuleContext.linkStatus); without it the rule reports nothing. */
  online?: boolean
  /**
   * For rules that read other frameworks (`all`): the part of a framework they compare. Watch
   * mode re-runs the other frameworks' rules only when this part of an edited framework changes.
   */
  compares?: (framework: Framework) => unknown
  check(context: RuleContext): void
}

export function defineRule(rule: Rule): Rule {
  return rule
}

export function isPlace(value: object): value is Place {
  return 'file' in value && 'position' in value && typeof (value as Place).file === 'object' && 'vfile' in (value as Place).file
}
