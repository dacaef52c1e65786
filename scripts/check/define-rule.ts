import type { Position } from 'unist'
import type { Framework } from '../model/types.ts'
import type { Derived } from './derived.ts'
import type { LinkProbe } from '../online/probe.ts'
import type { ParseContext, Place } from '../parse/context.ts'
import type { MessageOptions, Severity } from '../shared/diagnostics.ts'

/** A rule's messages: permanent ids (used by tests, reporters and docs) and templates with `{{name}}` slots. */
export type Messages = Readonly<Record<string, string>>

/** The names of a template's `{{name}}` slots, so a report that forgets one does not compile. */
export type SlotsOf<Template extends string> = Template extends `${string}{{${infer Name}}}${infer Rest}` ? Name | SlotsOf<Rest> : never

/** The values for a template's slots; a template without slots takes none. */
export type DataOf<Template extends string> = [SlotsOf<Template>] extends [never] ? [] : [data: Record<SlotsOf<Template>, string | number>]

export type ReportOptions = MessageOptions & { position?: Position }

export interface Report<M extends Messages = Messages> {
  /**
   * Files the message `messageId` at a model node's source place, or at an explicit place; its text
   * is the template with `data` in its slots. Rules never set the id, severity, source or url: the
   * runner does. A “did you mean” goes in `expected`, never in the text.
   */
  <Id extends keyof M & string>(target: object | Place, messageId: Id, ...rest: [...DataOf<M[Id]>, options?: ReportOptions]): void
}

/** What a rule that compares frameworks reads of one framework of the run: its id and the rule's `compares` part of it. */
export interface Compared<C = unknown> {
  id: string
  value: C
}

export interface RuleContext<M extends Messages = Messages, C = unknown> {
  framework: Framework
  parsed: ParseContext
  /**
   * For rules that compare frameworks: what `compares` gives for every framework of the run (this
   * one included), in folder order; empty for other rules. Only this part of another framework is
   * visible, so a framework answered from the content cache is compared without reading its model.
   */
  compared: readonly Compared<C>[]
  /**
   * With `--online`: what each external address (as written) gave when it was requested.
   * Undefined otherwise, and the rules that need it report nothing.
   */
  linkStatus?: ReadonlyMap<string, LinkProbe>
  report: Report<M>
  /**
   * What several rules derive from the framework's trees (every node in order, the nodes of a
   * type, a node's words, the links), derived once for all the framework's own rules.
   */
  derived: Derived
  /** Today's date, YYYY-MM-DD (UTC), for the date rules; fixed in tests. */
  today: string
}

export interface RuleDefinition<M extends Messages, C = unknown> {
  /** Permanent: the file name, and the anchor of its entry in docs/rules.md. */
  id: string
  severity: Severity
  description: string
  /** Every message the rule can report, by id; docs/rules.md lists them. */
  messages: M
  /**
   * An integrity rule: without it content that breaks the published package (its schema, its
   * types, its ids) would be published, so no setting or comment can lower it (see integrity.ts).
   */
  integrity?: true
  /** Needs `--online` (RuleContext.linkStatus); without it the rule reports nothing. */
  online?: boolean
  /**
   * For rules that read other frameworks (`compared`): the part of a framework they compare, as
   * JSON would keep it (it is stored in the content cache). Watch mode re-runs the other
   * frameworks' rules only when this part of an edited framework changes. Such a rule runs once
   * every framework is built, when only the framework, its files, the framework's own place and
   * framework.md's front-matter are left of `parsed` (forComparing in runner.ts); reading
   * anything else of it throws.
   */
  compares?: (framework: Framework) => C
  check(context: RuleContext<M, C>): void
}

/** A rule as the runner and the registry see it: any message ids. */
export interface Rule extends Omit<RuleDefinition<Messages>, 'check'> {
  check(context: RuleContext): void
}

/** `const`: the templates keep their literal text, so `report` knows each one's ids and slots. */
export function defineRule<const M extends Messages, C = unknown>(rule: RuleDefinition<M, C>): Rule {
  return rule as unknown as Rule
}

export function isPlace(value: object): value is Place {
  return 'file' in value && 'position' in value && typeof (value as Place).file === 'object' && 'vfile' in (value as Place).file
}
