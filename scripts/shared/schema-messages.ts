import type { ErrorObject } from 'ajv'
import { renderMessage } from './messages.ts'
import { quotedList, UNKNOWN_SETTING_MESSAGES } from './problems.ts'
import { emailProblem } from './email-problem.ts'
import { count, settingSubject, type Subject } from './schema-subjects.ts'
import { closest } from './text.ts'

/** An ajv error in words a content owner can act on, with where it belongs. */
export interface TranslatedError {
  /** Path to the value the message is about (instancePath, plus the property for key errors). */
  path: string[]
  /** Point at the key rather than the value (unknown settings). */
  atKey: boolean
  message: string
  expected?: string[]
  /** Which of UNKNOWN_SETTING_MESSAGES this is, and its slots; absent on other messages. */
  messageId?: keyof typeof UNKNOWN_SETTING_MESSAGES
  data?: Record<string, string>
}

const ID_HINT = 'lower-case letters, digits and single hyphens, such as “early-help”'

export function pathOf(instancePath: string): string[] {
  if (!instancePath) return []
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Model fields whose own name would not tell an author which line is meant: a number is written “Phone:”. */
const AUTHOR_NAMES: Readonly<Record<string, string>> = { 'phones.number': 'phone' }

function label(path: string[]): string {
  const named = path.filter((segment) => !/^\d+$/.test(segment))
  return AUTHOR_NAMES[named.slice(-2).join('.')] ?? named.at(-1) ?? 'value'
}

function show(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 57)}...` : value}”`
  if (value === null) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a group of settings'
  return `“${String(value)}”`
}

/** A string's length as ajv counts it (in characters, not UTF-16 units). */
function lengthOf(value: unknown): string {
  return typeof value === 'string' ? `: ${count([...value].length)} characters` : ''
}

function sizeOf(value: unknown): string {
  if (Array.isArray(value)) return `: ${count(value.length)}`
  return value !== null && typeof value === 'object' ? `: ${count(Object.keys(value).length)}` : ''
}

function typeName(type: unknown): string {
  switch (type) {
    case 'integer':
      return 'a whole number'
    case 'number':
      return 'a number'
    case 'string':
      return 'text'
    case 'boolean':
      return 'yes or no (true or false)'
    case 'array':
      return 'a list'
    case 'object':
      return 'a group of settings'
    default:
      return String(type)
  }
}

/**
 * Translates ajv errors by keyword. Errors that only restate a more precise one (the `$ref`
 * wrapper, `if`/`then`) are dropped; several errors on one value keep the first. `subject` names
 * the value a size limit is about (a setting, or a part of the model), since its field name alone
 * (“text”) would not say which thing is too long.
 */
export function translateSchemaErrors(errors: readonly ErrorObject[], data: unknown, subject: Subject = settingSubject): TranslatedError[] {
  const out: TranslatedError[] = []
  const seen = new Set<string>()
  const misspelt = misspeltSettings(errors)
  for (const error of errors) {
    const path = pathOf(error.instancePath)
    const value = valueAt(data, path)
    const name = label(path)
    let translated: TranslatedError | undefined
    switch (error.keyword) {
      case 'required': {
        const missing = String((error.params as { missingProperty: string }).missingProperty)
        // Said once, at the misspelt key that was meant to give it.
        if ([...misspelt.values()].includes(`${error.instancePath}/${missing}`)) continue
        translated = { path, atKey: false, message: `The setting “${missing}” is missing${path.length ? ` from “${name}”` : ''}, expected a line “${missing}: ...”` }
        break
      }
      case 'additionalProperties': {
        const extra = String((error.params as { additionalProperty: string }).additionalProperty)
        const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {})
        const suggestion = closest(extra, allowed)
        const missing = misspelt.has(error) ? suggestion[0] : undefined
        const messageId = missing ? 'misspeltSetting' : 'unknownSetting'
        const data: Record<string, string> = missing ? { setting: extra, missing } : { setting: extra, allowed: quotedList(allowed) }
        translated = {
          path: [...path, extra],
          atKey: true,
          // The text always says what was expected; the nearest name goes in `expected` alone, shown as “did you mean”.
          message: renderMessage(UNKNOWN_SETTING_MESSAGES[messageId], data),
          expected: suggestion,
          messageId,
          data,
        }
        break
      }
      case 'enum': {
        const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String)
        const suggestion = typeof value === 'string' ? closest(value, allowed) : []
        translated = {
          path,
          atKey: false,
          message: `“${name}” is ${show(value)}, expected one of ${allowed.map((a) => `“${a}”`).join(', ')}`,
          expected: suggestion.length ? suggestion : allowed,
        }
        break
      }
      case 'const':
        translated = { path, atKey: false, message: `“${name}” is ${show(value)}, expected ${show((error.params as { allowedValue: unknown }).allowedValue)}` }
        break
      case 'type': {
        const expectedType = (error.params as { type: string }).type
        const hint = expectedType === 'string' && typeof value === 'number' ? ': put it in quotes, such as "1.0"' : ''
        translated = { path, atKey: false, message: `“${name}” is ${show(value)}, expected ${typeName(expectedType)}${hint}` }
        break
      }
      case 'pattern': {
        const pattern = String((error.params as { pattern: string }).pattern)
        if (pattern === '^[a-z0-9]+(-[a-z0-9]+)*$')
          translated = { path, atKey: false, message: `“${name}” is ${show(value)}, which is not a valid id, expected ${ID_HINT}` }
        else if (pattern.includes('\\.(0|[1-9]'))
          translated = { path, atKey: false, message: `“${name}” is ${show(value)}, expected MAJOR.MINOR or MAJOR.MINOR.PATCH such as “2.1” or “2.1.1”` }
        else translated = { path, atKey: false, message: `“${name}” is ${show(value)}, which is not in the expected form` }
        break
      }
      case 'format': {
        const format = String((error.params as { format: string }).format)
        // Dates a source may give only to the month, or not at all, say so (“DateOrMonth” in the schema).
        const month = error.schemaPath.includes('DateOrMonth') ? ', or YYYY-MM when the source gives only the month, or “not stated” when it gives no date' : ''
        if (format === 'email' && typeof value === 'string') {
          translated = { path, atKey: false, message: `${subject(path)} is ${show(value)}, which ${emailProblem(value)}, expected an address such as help@example.org` }
          break
        }
        const expected = format === 'date' ? `a date written YYYY-MM-DD, such as “2026-04-01”${month}` : format === 'uri' ? 'a full web address starting https://' : `a valid ${format}`
        translated = { path, atKey: false, message: `“${name}” is ${show(value)}, expected ${expected}` }
        break
      }
      case 'minLength': {
        const limit = (error.params as { limit: number }).limit
        translated = { path, atKey: false, message: limit === 1 ? `${subject(path)} is empty, expected some text` : `${subject(path)} is too short${lengthOf(value)}, expected at least ${count(limit)} characters` }
        break
      }
      case 'maxLength':
        translated = { path, atKey: false, message: `${subject(path)} is too long${lengthOf(value)}, expected at most ${count((error.params as { limit: number }).limit)} characters` }
        break
      case 'maxItems':
        translated = { path, atKey: false, message: `${subject(path)} has too many entries${sizeOf(value)}, expected at most ${count((error.params as { limit: number }).limit)}` }
        break
      case 'minItems':
        translated = { path, atKey: false, message: `${subject(path)} has too few entries${sizeOf(value)}, expected at least ${count((error.params as { limit: number }).limit)}` }
        break
      case 'maxProperties':
        translated = { path, atKey: false, message: `${subject(path)} has too many settings${sizeOf(value)}, expected at most ${count((error.params as { limit: number }).limit)}` }
        break
      case 'minimum':
      case 'maximum':
        translated = { path, atKey: false, message: `“${name}” is ${show(value)}, expected a number ${error.keyword === 'minimum' ? 'of at least' : 'of at most'} ${(error.params as { limit: number }).limit}` }
        break
      case 'propertyNames':
        continue // reported through the nested error on the name itself
      default:
        translated = { path, atKey: false, message: `“${name}” is ${show(value)}, which is not allowed here` }
    }
    const key = translated.path.join('/') + (translated.atKey ? ':key' : '')
    if (seen.has(key)) continue
    seen.add(key)
    out.push(translated)
  }
  return out
}

/**
 * Unknown settings whose closest known name is a required setting missing beside them
 * (`partnershp:` for `partnership:`), with the path of the setting meant: one message at the
 * misspelt key says both, rather than a second about the missing one at the top of the file.
 */
function misspeltSettings(errors: readonly ErrorObject[]): Map<ErrorObject, string> {
  const missing = new Set(errors.filter((error) => error.keyword === 'required').map((error) => `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}`))
  const found = new Map<ErrorObject, string>()
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue
    const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {})
    const [meant] = closest(String((error.params as { additionalProperty: string }).additionalProperty), allowed)
    const target = `${error.instancePath}/${meant}`
    // One misspelling per missing setting: two near names would each claim it.
    if (meant !== undefined && missing.has(target) && ![...found.values()].includes(target)) found.set(error, target)
  }
  return found
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let current = data
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    if (!Object.hasOwn(current, segment)) return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}
