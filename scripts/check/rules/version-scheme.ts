import { VERSION_SCHEME } from '../../model/versions.ts'
import { isStated } from '../../model/not-stated.ts'
import { defineRule } from '../define-rule.ts'
import { settingPlace } from '../../parse/context.ts'

/** Apps and the diff compare versions; a free-form label cannot be compared. */
export default defineRule({
  id: 'version-scheme',
  severity: 'error',
  integrity: true,
  description: 'The version is MAJOR.MINOR or MAJOR.MINOR.PATCH in quotes, e.g. "2.1" or "2.1.1": MAJOR goes up when practice changes (an indicator changes level, a contact changes), MINOR when a change needs a person to review it, PATCH for editorial changes only. `not stated` is accepted when the source document gives no version.',
  messages: {
    // The id is older than PATCH versions and kept, as message ids are never renamed.
    notMajorMinor: 'The version “{{version}}” is not MAJOR.MINOR or MAJOR.MINOR.PATCH, expected whole numbers such as “{{example}}”',
  },
  check({ framework, parsed, report }) {
    // A document that gives no version is recorded as such, not given an invented one.
    if (!isStated(framework.version) || VERSION_SCHEME.test(framework.version)) return
    const numbers = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(framework.version)
    const guess = numbers ? `${Number(numbers[1])}.${Number(numbers[2] ?? 0)}${numbers[3] === undefined ? '' : `.${Number(numbers[3])}`}` : undefined
    report(settingPlace(parsed, 'version') ?? framework, 'notMajorMinor', { version: framework.version, example: guess ?? '1.0' }, { expected: guess ? [guess] : [] })
  },
})
