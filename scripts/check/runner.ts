import type { Framework } from '../model/types.ts'
import type { ParseContext, Place } from '../parse/context.ts'
import { fileMessage, type ConfiguredSeverity, type Severity } from '../shared/diagnostics.ts'
import { problemKinds, RULE_SETTING_MESSAGES, UNKNOWN_RULE_MESSAGES } from '../shared/problems.ts'
import { FILE_START } from '../shared/source-file.ts'
import { closest } from '../shared/text.ts'
import { todayUtc } from '../shared/today.ts'
import type { LinkProbe } from '../online/probe.ts'
import { Derived } from './derived.ts'
import { isPlace, type ReportOptions, type Rule, type RuleContext } from './define-rule.ts'
import { renderMessage } from '../shared/messages.ts'
import { integrityIds } from './integrity.ts'
import { rules as allRules } from './registry.ts'
import { findSuppressions, type InlineSuppression } from './suppressions.ts'

/** A message a framework chose not to see, kept so that every suppression is visible. */
export interface Suppression {
  ruleId: string
  file: string
  line: number
  column: number
  message: string
  reason: string
  /** Where the author accepted it: a `thresholds-ignore-next-line` comment, or the framework's `rules:` settings. */
  kind: 'inline' | 'config'
}

export interface RuleSetting {
  severity: ConfiguredSeverity
  reason: string
  place: Place
}

export interface CheckOptions {
  /** Run only these rules (fixture tests); default all. */
  only?: readonly string[]
  /** Today's date as YYYY-MM-DD; defaults to the clock (UTC) or THRESHOLDS_TODAY. */
  today?: string
  /** Results of probing external addresses (`--online`), keyed by the address as written. */
  linkStatus?: ReadonlyMap<string, LinkProbe>
  /** What the comparing rules read of every framework of the run (comparedParts), when rules run for only some of them; default the ones checked. */
  compared?: readonly ComparedParts[]
}

/** What the comparing rules read of one framework: its id, and each comparing rule's part in registry order. */
export interface ComparedParts {
  id: string
  parts: readonly unknown[]
}

const comparingRules = allRules.filter((rule) => rule.compares)

/**
 * What the rules that compare frameworks (`compares`) read from this one, as JSON: when it is
 * unchanged, other frameworks' results cannot have changed because of it.
 */
export function comparedOf(framework: Framework): string {
  return JSON.stringify({ id: framework.id, parts: comparingRules.map((rule) => rule.compares?.(framework)) })
}

/**
 * The parts again, from comparedOf's text. Rules always read them through this round trip, so a
 * framework answered from the content cache (which keeps only the text) compares exactly as one
 * parsed now.
 */
export function comparedParts(text: string): ComparedParts {
  return JSON.parse(text) as ComparedParts
}

/**
 * Reads rule settings from framework.md's `rules:` and from rules.yaml. Unknown ids, rules that
 * cannot be configured, integrity rules lowered or switched off, and a rule set in both places are errors.
 */
export function readRuleSettings(parsed: ParseContext): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>()
  const known = allRules.map((rule) => rule.id)
  const fixed = new Set<string>(problemKinds.map((p) => p.id))
  for (const config of parsed.ruleConfigs) {
    const file = config.file
    for (const [id, setting] of Object.entries(config.values)) {
      // An empty or non-mapping setting (`link-pending:` with nothing under it) is reported by the
      // settings schema at its line; there is nothing here to read.
      if (setting === null || typeof setting !== 'object') continue
      const position = config.locate([...config.prefix, id], { key: true })
      if (integrityIds.has(id) && setting.severity !== 'error') {
        const at = config.locate([...config.prefix, id, 'severity'])
        fileMessage(file, at, renderMessage(RULE_SETTING_MESSAGES.integrityLowered, { rule: id }), 'rules-config', 'error', { messageId: 'integrityLowered', data: { rule: id } })
        continue
      }
      if (fixed.has(id)) {
        fileMessage(file, position, renderMessage(RULE_SETTING_MESSAGES.notConfigurable, { rule: id }), 'rules-config', 'error', { messageId: 'notConfigurable', data: { rule: id } })
        continue
      }
      if (!known.includes(id)) {
        const suggestion = closest(id, known)
        fileMessage(file, position, renderMessage(UNKNOWN_RULE_MESSAGES.notARule, { rule: id }), 'rules-config', 'error', { expected: suggestion, messageId: 'notARule', data: { rule: id } })
        continue
      }
      const earlier = settings.get(id)
      if (earlier) {
        const data = { rule: id, file: earlier.place.file.relative }
        fileMessage(file, position, renderMessage(RULE_SETTING_MESSAGES.configuredTwice, data), 'rules-config', 'error', {
          messageId: 'configuredTwice',
          data,
          cause: { file: earlier.place.file, position: earlier.place.position, message: 'first configured here' },
        })
        continue
      }
      settings.set(id, { severity: setting.severity, reason: setting.reason, place: { file, position } })
    }
  }
  return settings
}

/** Runs every rule over every framework. Rules report; the runner decides severity and where it goes. */
export function runRules(contexts: readonly ParseContext[], options: CheckOptions = {}): Suppression[] {
  const compared = options.compared ?? contexts.map((parsed) => comparedParts(comparedOf(parsed.framework)))
  return contexts.flatMap((parsed) => startRules(parsed, options).finish(compared))
}

/**
 * One framework's rules part-way: every rule has run but those that compare frameworks, which
 * need what every framework of the run gives them (`finish`). Nothing of the framework's parse
 * detail but `context` is held meanwhile, so a large run lets each framework's trees go as soon
 * as it is built; `finish` gives the same messages and suppressions, in the same order, as
 * running every rule at once.
 */
export interface StartedRules {
  /** What `finish` still reads of the framework (see forComparing). */
  context: ParseContext
  finish(compared: readonly ComparedParts[]): Suppression[]
}

/** What the rules of one framework share: its settings, its suppression comments and what each rule suppressed, in rule order. */
interface RulesState {
  options: CheckOptions
  today: string
  settings: Map<string, RuleSetting>
  frameworkPlace: Place
  inline: InlineSuppression[]
  selected: readonly Rule[]
  suppressed: Suppression[][]
}

/** Runs the framework's own rules now (see StartedRules); `options.compared` is not read, `finish` is given it. */
export function startRules(parsed: ParseContext, options: CheckOptions = {}): StartedRules {
  const selected = options.only ? allRules.filter((rule) => options.only?.includes(rule.id)) : allRules
  const state: RulesState = {
    options,
    today: options.today ?? todayUtc(),
    settings: readRuleSettings(parsed),
    frameworkPlace: parsed.places.get(parsed.framework) ?? { file: parsed.folder.folderFile, position: FILE_START },
    inline: parsed.folder.files.flatMap((file) => (file.readable ? findSuppressions(file.source, parsed.trees.get(file.source), file.kind === 'rules') : [])),
    selected,
    suppressed: selected.map(() => []),
  }
  const known = new Set(allRules.map((rule) => rule.id))
  for (const directive of state.inline) {
    const at = { start: { line: directive.line, column: directive.column }, end: { line: directive.line, column: directive.column } }
    if (integrityIds.has(directive.ruleId)) {
      fileMessage(directive.file, at, renderMessage(RULE_SETTING_MESSAGES.integritySuppressed, { rule: directive.ruleId }), 'rules-config', 'error', { messageId: 'integritySuppressed', data: { rule: directive.ruleId } })
      directive.used = true
    } else if (!known.has(directive.ruleId)) {
      const suggestion = closest(directive.ruleId, known)
      fileMessage(directive.file, at, renderMessage(UNKNOWN_RULE_MESSAGES.notARule, { rule: directive.ruleId }), 'rules-config', 'error', { expected: suggestion, messageId: 'notARule', data: { rule: directive.ruleId } })
      directive.used = true
    } else if (directive.reason.length < 10) {
      fileMessage(directive.file, at, renderMessage(RULE_SETTING_MESSAGES.noReason, { rule: directive.ruleId }), 'rules-config', 'error', { messageId: 'noReason', data: { rule: directive.ruleId } })
      directive.used = true
    }
  }
  // Made here and not kept in `state`, so that nothing derived from the trees outlives the own rules.
  const derived = new Derived(parsed)
  selected.forEach((rule, index) => {
    if (!rule.compares) runRule(rule, index, parsed, state, [], derived)
  })
  return started(forComparing(parsed), state)
}

// A function of its own, so that `finish` holds only the reduced context: a closure made in
// startRules would keep its scope, and so the whole parse context, alive.
function started(context: ParseContext, state: RulesState): StartedRules {
  return { context, finish: (compared) => finishRules(context, state, compared) }
}

/** The rules that compare frameworks, then the suppression comments no message used; the suppressions in rule order. */
function finishRules(parsed: ParseContext, state: RulesState, compared: readonly ComparedParts[]): Suppression[] {
  // One for every comparing rule: it derives nothing unless asked, and asking reads the trees, which throws here.
  const derived = new Derived(parsed)
  state.selected.forEach((rule, index) => {
    if (!rule.compares) return
    const part = comparingRules.indexOf(rule)
    runRule(rule, index, parsed, state, compared.map((entry) => ({ id: entry.id, value: entry.parts[part] })), derived)
  })
  // A suppression for a rule that did not run (fixture tests, or an online rule without
  // --online) is not known to be unused.
  const ran = state.selected.filter((rule) => !rule.online || state.options.linkStatus)
  for (const directive of state.inline)
    if (!directive.used && ran.some((rule) => rule.id === directive.ruleId))
      fileMessage(
        directive.file,
        { start: { line: directive.line, column: directive.column }, end: { line: directive.line, column: directive.column } },
        `This suppression of “${directive.ruleId}” matches no message on line ${directive.target}, expected it to be removed`,
        'unused-suppression',
        'warning',
      )
  return state.suppressed.flat()
}

/** What a comparing rule reads of a framework once its own rules have run: the framework, its files, places and front-matter (of these two, only the framework's own: forComparing). */
const KEPT_FOR_COMPARING = new Set<string>(['folder', 'framework', 'places', 'frontMatters'])

/**
 * The parse context without what only the framework's own rules read (trees, link uses, ids,
 * resolutions ...), and of places and front-matter only the framework's own place and
 * framework.md's front-matter: a large run keeps them for every framework until the comparing
 * rules have run, and the places of every indicator were about a fifth of all it kept. Reading
 * a part let go throws, so a comparing rule that starts to need one fails its tests (“could not
 * finish”) instead of seeing nothing.
 */
export function forComparing(parsed: ParseContext): ParseContext {
  const kept: Record<string, unknown> = {}
  const frameworkFile = parsed.folder.files.find((file) => file.kind === 'framework')?.source
  for (const key of Object.keys(parsed)) {
    if (key === 'places') kept[key] = keptOnly(parsed.places, [parsed.framework], 'the place of anything but the framework itself')
    else if (key === 'frontMatters') kept[key] = keptOnly(parsed.frontMatters, frameworkFile ? [frameworkFile] : [], 'the front-matter of any file but framework.md')
    else if (KEPT_FOR_COMPARING.has(key)) kept[key] = parsed[key as keyof ParseContext]
    else Object.defineProperty(kept, key, { get: () => letGo(key), enumerable: true })
  }
  return kept as unknown as ParseContext
}

/**
 * A map reduced to some of its keys, for reading one key at a time (see forComparing): reading any
 * other key throws, and so does anything but get and has (walking every entry would miss some).
 */
function keptOnly<K, V>(whole: ReadonlyMap<K, V>, keys: readonly K[], letGoWhat: string): Map<K, V> {
  const kept = new Map(keys.flatMap((key) => (whole.has(key) ? [[key, whole.get(key) as V] as const] : [])))
  const known = new Set(keys)
  const allowed = (key: K) => {
    if (!known.has(key)) throw new Error(`${letGoWhat} is let go once a framework's own rules have run`)
  }
  return {
    get: (key: K) => (allowed(key), kept.get(key)),
    has: (key: K) => (allowed(key), kept.has(key)),
  } as unknown as Map<K, V>
}

function letGo(key: string): never {
  throw new Error(`the parse detail “${key}” is let go once a framework's own rules have run; a rule that compares frameworks reads only ${[...KEPT_FOR_COMPARING].join(', ')}`)
}

/** Runs one rule over one framework; `index` is its place in `state.selected`, where its suppressions go. */
function runRule(rule: Rule, index: number, parsed: ParseContext, state: RulesState, compared: RuleContext['compared'], derived: Derived): void {
  const setting = state.settings.get(rule.id)
  // readRuleSettings refuses to lower an integrity rule; this keeps it so if that ever slips.
  const severity: ConfiguredSeverity = rule.integrity ? rule.severity : (setting?.severity ?? rule.severity)
  const report = (target: object | Place, messageId: string, ...rest: unknown[]) => {
    const template = rule.messages[messageId]
    if (template === undefined) throw new Error(`it has no message “${messageId}”`)
    // A template with slots takes its data first; one without takes only the options.
    const slotted = /\{\{\w+\}\}/.test(template)
    const data = (slotted ? rest[0] : {}) as Record<string, string | number>
    const extra = ((slotted ? rest[1] : rest[0]) ?? {}) as ReportOptions
    const message = renderMessage(template, data)
    const place: Place = isPlace(target) ? target : (parsed.places.get(target) ?? state.frameworkPlace)
    const position = extra.position ?? place.position
    // Every suppression of this rule written above the line applies (two stacked for one rule are both used).
    const directives = rule.integrity ? [] : state.inline.filter((d) => d.ruleId === rule.id && d.file === place.file && d.target === position.start.line && d.reason.length >= 10)
    for (const each of directives) each.used = true
    const directive = directives[0]
    if (severity === 'off' || directive) {
      state.suppressed[index]?.push({
        ruleId: rule.id,
        file: place.file.path,
        line: position.start.line,
        column: position.start.column,
        message,
        reason: directive?.reason ?? setting?.reason ?? '',
        kind: directive ? 'inline' : 'config',
      })
      return
    }
    fileMessage(place.file, position, message, rule.id, severity as Severity, { ...extra, messageId, data })
  }
  runOne(rule, { framework: parsed.framework, parsed, compared, linkStatus: state.options.linkStatus, report, derived, today: state.today }, state.frameworkPlace)
}

function runOne(rule: Rule, context: Parameters<Rule['check']>[0], fallback: Place): void {
  try {
    rule.check(context)
  } catch (error) {
    // A rule crashing on strange input must not hide every other message.
    fileMessage(fallback.file, fallback.position, `The rule “${rule.id}” could not finish (${error instanceof Error ? error.message : String(error)}); please report this`, rule.id, 'error')
  }
}
