import type { Position } from 'unist'
import type { ParseContext, Place } from '../parse/context.ts'
import { fileMessage, type ConfiguredSeverity, type MessageOptions, type Severity } from '../shared/diagnostics.ts'
import { problemKinds } from '../shared/problems.ts'
import { FILE_START } from '../shared/source-file.ts'
import { closest } from '../shared/text.ts'
import { isPlace, type Rule } from './define-rule.ts'
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
}

/** Reads `rules:` from framework.md front-matter; unknown ids and missing reasons are errors. */
export function readRuleSettings(parsed: ParseContext): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>()
  const file = parsed.folder.files.find((f) => f.kind === 'framework')
  const raw = parsed.ruleConfig
  if (!file || !raw) return settings
  const known = allRules.map((rule) => rule.id)
  const fixed = new Set<string>(problemKinds.map((p) => p.id))
  for (const [id, setting] of Object.entries(raw.values)) {
    const position = raw.locate(['rules', id], { key: true })
    if (fixed.has(id)) {
      fileMessage(file.source, position, `“${id}” cannot be configured: without it the framework cannot be read`, 'rules-config', 'error')
      continue
    }
    if (!known.includes(id)) {
      const suggestion = closest(id, known)
      fileMessage(file.source, position, `“${id}” is not a rule${suggestion.length ? `, did you mean “${suggestion[0]}”?` : ', expected one of the rules in docs/rules.md'}`, 'rules-config', 'error', { expected: suggestion })
      continue
    }
    settings.set(id, { severity: setting.severity, reason: setting.reason, place: { file: file.source, position } })
  }
  return settings
}

/** Runs every rule over every framework. Rules report; the runner decides severity and where it goes. */
export function runRules(contexts: readonly ParseContext[], options: CheckOptions = {}): Suppression[] {
  const suppressed: Suppression[] = []
  const selected = options.only ? allRules.filter((rule) => options.only?.includes(rule.id)) : allRules
  for (const parsed of contexts) {
    const settings = readRuleSettings(parsed)
    const frameworkPlace = parsed.places.get(parsed.framework) ?? { file: parsed.folder.folderFile, position: FILE_START }
    const inline: InlineSuppression[] = parsed.folder.files.flatMap((file) => (file.readable ? findSuppressions(file.source) : []))
    const known = new Set(allRules.map((rule) => rule.id))
    for (const directive of inline) {
      const at = { start: { line: directive.line, column: directive.column }, end: { line: directive.line, column: directive.column } }
      if (!known.has(directive.ruleId)) {
        const suggestion = closest(directive.ruleId, known)
        fileMessage(directive.file, at, `“${directive.ruleId}” is not a rule${suggestion.length ? `, did you mean “${suggestion[0]}”?` : ''}`, 'rules-config', 'error', { expected: suggestion })
        directive.used = true
      } else if (directive.reason.length < 10) {
        fileMessage(directive.file, at, `The suppression of “${directive.ruleId}” gives no reason, expected “${directive.ruleId}: why this is acceptable”`, 'rules-config', 'error')
        directive.used = true
      }
    }
    for (const rule of selected) {
      const setting = settings.get(rule.id)
      const severity: ConfiguredSeverity = setting?.severity ?? rule.severity
      const report = (target: object | Place, message: string, extra: MessageOptions & { position?: Position } = {}) => {
        const place: Place = isPlace(target) ? target : (parsed.places.get(target) ?? frameworkPlace)
        const position = extra.position ?? place.position
        const directive = inline.find((d) => d.ruleId === rule.id && d.file === place.file && d.target === position.start.line && d.reason.length >= 10)
        if (directive) directive.used = true
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
        fileMessage(place.file, position, message, rule.id, severity as Severity, extra)
      }
      runOne(rule, { framework: parsed.framework, parsed, all: contexts, report }, frameworkPlace)
    }
    // A suppression for a rule that did not run (fixture tests) is not known to be unused.
    for (const directive of inline)
      if (!directive.used && selected.some((rule) => rule.id === directive.ruleId))
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
