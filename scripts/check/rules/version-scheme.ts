import { defineRule } from '../define-rule.ts'
import { settingPlace } from '../../parse/context.ts'

const VERSION = /^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})$/

/** Apps and the diff compare versions; a free-form label cannot be compared. */
export default defineRule({
  id: 'version-scheme',
  severity: 'error',
  integrity: true,
  description: 'The version is MAJOR.MINOR in quotes, e.g. "2.1": MAJOR goes up when practice changes (an indicator changes level, a contact changes), MINOR for wording.',
  messages: {
    notMajorMinor: 'The version “{{version}}” is not MAJOR.MINOR, expected two whole numbers such as “{{example}}”',
  },
  check({ framework, parsed, report }) {
    if (VERSION.test(framework.version)) return
    const numbers = /(\d+)(?:\.(\d+))?/.exec(framework.version)
    const guess = numbers ? `${Number(numbers[1])}.${Number(numbers[2] ?? 0)}` : undefined
    report(settingPlace(parsed, 'version') ?? framework, 'notMajorMinor', { version: framework.version, example: guess ?? '1.0' }, { expected: guess ? [guess] : [] })
  },
})
