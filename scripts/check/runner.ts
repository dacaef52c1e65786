import type { Framework } from '../model/types.ts'
import type { ParseContext, Place } from '../parse/context.ts'
import { fileMessage, type ConfiguredSeverity, type Severity } from '../shared/diagnostics.ts'
import { problemKinds } from '../shared/problems.ts'
import { FILE_START } from '../shared/source-file.ts'
import { closest } from '../shared/text.ts'
import { todayUtc } from '../shared/today.ts'
import type { LinkProbe } from '../online/probe.ts'
import { isPlace, type ReportOptions, type Rule } from './define-rule.ts'
import { renderMessage } from '../shared/messages.ts'
import { INTEGRITY_REASON, integrityIds } from './integrity.ts'
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
        fileMessage(file, at, `“${id}” cannot be lowered or switched off: ${INTEGRITY_REASON}, expected this setting removed`, 'rules-config', 'error')
        continue
      }
      if (fixed.has(id)) {
        fileMessage(file, position, `“${id}” cannot be configured: without it the framework cannot be read`, 'rules-config', 'error')
        continue
      }
      if (!known.includes(id)) {
        const suggestion = closest(id, known)
        fileMessage(file, position, `“${id}” is not a rule${suggestion.length ? '' : ', expected one of the rules in docs/rules.md'}`, 'rules-config', 'error', { expected: suggestion })
        continue
      }
      const earlier = settings.get(id)
      if (earlier) {
        fileMessage(file, position, `“${id}” is already configured in ${earlier.place.file.relative}, expected each rule configured in one place`, 'rules-config', 'error', {
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
  const suppressed: Suppression[] = []
  const today = options.today ?? todayUtc()
  const selected = options.only ? allRules.filter((rule) => options.only?.includes(rule.id)) : allRules
  const compared = options.compared ?? contexts.map((parsed) => comparedParts(comparedOf(parsed.framework)))
  // Each comparing rule's part of every framework, for its `compared`.
  const comparedBy = new Map(comparingRules.map((rule, index) => [rule, compared.map((entry) => ({ id: entry.id, value: entry.parts[index] }))]))
  for (const parsed of contexts) {
    const settings = readRuleSettings(parsed)
    const frameworkPlace = parsed.places.get(parsed.framework) ?? { file: parsed.folder.folderFile, position: FILE_START }
    const inline: InlineSuppression[] = parsed.folder.files.flatMap((file) => (file.readable ? findSuppressions(file.source, parsed.trees.get(file.source), file.kind === 'rules') : []))
    const known = new Set(allRules.map((rule) => rule.id))
    for (const directive of inline) {
      const at = { start: { line: directive.line, column: directive.column }, end: { line: directive.line, column: directive.column } }
      if (integrityIds.has(directive.ruleId)) {
        fileMessage(directive.file, at, `“${directive.ruleId}” cannot be suppressed: ${INTEGRITY_REASON}, expected this comment removed and the problem fixed`, 'rules-config', 'error')
        directive.used = true
      } else if (!known.has(directive.ruleId)) {
        const suggestion = closest(directive.ruleId, known)
        fileMessage(directive.file, at, `“${directive.ruleId}” is not a rule`, 'rules-config', 'error', { expected: suggestion })
        directive.used = true
      } else if (directive.reason.length < 10) {
        fileMessage(directive.file, at, `The suppression of “${directive.ruleId}” gives no reason, expected “${directive.ruleId}: why this is acceptable”`, 'rules-config', 'error')
        directive.used = true
      }
    }
    for (const rule of selected) {
      const setting = settings.get(rule.id)
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
        const place: Place = isPlace(target) ? target : (parsed.places.get(target) ?? frameworkPlace)
        const position = extra.position ?? place.position
        // Every suppression of this rule written above the line applies (two stacked for one rule are both used).
        const directives = rule.integrity ? [] : inline.filter((d) => d.ruleId === rule.id && d.file === place.file && d.target === position.start.line && d.reason.length >= 10)
        for (const each of directives) each.used = true
        const directive = directives[0]
        if (severity === 'off' || directive) {
          suppressed.push({
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
      runOne(rule, { framework: parsed.framework, parsed, compared: comparedBy.get(rule) ?? [], linkStatus: options.linkStatus, report, today }, frameworkPlace)
    }
    // A suppression for a rule that did not run (fixture tests, or an online rule without
    // --online) is not known to be unused.
    const ran = selected.filter((rule) => !rule.online || options.linkStatus)
    for (const directive of inline)
      if (!directive.used && ran.some((rule) => rule.id === directive.ruleId))
        fileMessage(
          directive.file,
          { start: { line: directive.line, column: directive.column }, end: { line: directive.line, column: directive.column } },
          `This suppression of “${directive.ruleId}” matches no message on line ${directive.target}, expected it to be removed`,
          'unused-suppression',
          'warning',
        )
  }
  return suppressed
}

function runOne(rule: Rule, context: Parameters<Rule['check']>[0], fallback: Place): void {
  try {
    rule.check(context)
  } catch (error) {
    // A rule crashing on strange input must not hide every other message.
    fileMessage(fallback.file, fallback.position, `The rule “${rule.id}” could not finish (${error instanceof Error ? error.message : String(error)}); please report this`, rule.id, 'error')
  }
}
