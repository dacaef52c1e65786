import { describe, expect, it } from 'vitest'
import { FIRST_UMBRELLA_VERSION, loweredFrameworks, nextUmbrellaVersion, type UmbrellaRecord } from '../../scripts/model/umbrella.ts'
import { versionNumbers, type VersionNumbers } from '../../scripts/model/versions.ts'
import { parseUmbrellaRecord } from '../../scripts/generate/umbrella-record.ts'

const v = (text: string): VersionNumbers => versionNumbers(text)!
const frameworks = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([id, version]) => [id, v(version)]))
const record = (version: string, entries?: Record<string, string>): UmbrellaRecord => ({ version: v(version), ...(entries ? { frameworks: frameworks(entries) } : {}) })

/** @thresholds/frameworks: counted from the previous release's record (model/umbrella.ts). */
describe('the version of the package holding every framework', () => {
  const previous = record('3.4.5', { a: '1.2.3', b: '2.0.0' })

  it.each([
    ['the same frameworks at the same versions keep it', { a: '1.2.3', b: '2.0.0' }, '3.4.5', undefined, []],
    ['a PATCH raised: a new PATCH', { a: '1.2.4', b: '2.0.0' }, '3.4.6', 'patch', ['a 1.2.3 → 1.2.4 (PATCH)']],
    ['a MINOR raised: a new MINOR', { a: '1.3.0', b: '2.0.0' }, '3.5.0', 'minor', ['a 1.2.3 → 1.3.0 (MINOR)']],
    ['a MAJOR raised: a new MAJOR', { a: '1.2.3', b: '3.0.0' }, '4.0.0', 'major', ['b 2.0.0 → 3.0.0 (MAJOR)']],
    ['a framework added: a new MINOR', { a: '1.2.3', b: '2.0.0', c: '5.0.0' }, '3.5.0', 'minor', ['c added at 5.0.0 (MINOR)']],
    ['a framework removed: a new MAJOR', { a: '1.2.3' }, '4.0.0', 'major', ['b removed (MAJOR)']],
    ['the largest step wins', { a: '1.2.4', b: '2.1.0', c: '1.0.0' }, '3.5.0', 'minor', ['a 1.2.3 → 1.2.4 (PATCH)', 'b 2.0.0 → 2.1.0 (MINOR)', 'c added at 1.0.0 (MINOR)']],
    ['removing one and adding another is still a new MAJOR', { a: '1.2.3', c: '2.0.0' }, '4.0.0', 'major', ['b removed (MAJOR)', 'c added at 2.0.0 (MINOR)']],
  ])('%s', (_, now, expected, bump, reasons) => {
    expect(nextUmbrellaVersion(previous, frameworks(now))).toEqual({ version: expected, ...(bump ? { bump } : {}), reasons })
  })

  it('starts at 1.0.0 when there is no earlier build', () => {
    expect(FIRST_UMBRELLA_VERSION).toBe('1.0.0')
    expect(nextUmbrellaVersion(undefined, frameworks({ a: '7.0.0' }))).toEqual({ version: '1.0.0', reasons: [] })
  })

  it('never goes down, whatever the frameworks did: a lowered version is reported, not followed', () => {
    const now = frameworks({ a: '1.2.2', b: '2.0.0' })
    expect(loweredFrameworks(previous, now)).toEqual([{ id: 'a', recorded: v('1.2.3'), now: v('1.2.2') }])
    expect(nextUmbrellaVersion(previous, now).version).toBe('3.4.5')
    expect(loweredFrameworks(previous, frameworks({ a: '1.2.3', b: '2.0.0' }))).toEqual([])
  })

  it('goes on from output built before the frameworks’ versions were recorded: kept when their sum is still its version, a new MAJOR otherwise', () => {
    expect(nextUmbrellaVersion(record('2.1.0'), frameworks({ a: '1.0.0', b: '1.1.0' }))).toEqual({ version: '2.1.0', reasons: [] })
    expect(nextUmbrellaVersion(record('2.1.0'), frameworks({ a: '1.0.0', b: '1.2.0' }))).toEqual({
      version: '3.0.0',
      bump: 'major',
      reasons: ['the previous build did not record its frameworks’ versions, and they are not the ones it was built from (MAJOR)'],
    })
  })
})

describe('reading the record of an earlier build (untrusted)', () => {
  it('reads the version and each framework’s version', () => {
    expect(parseUmbrellaRecord('{"version": "2.0.0", "frameworkVersions": {"b": "1.0.0", "a": "0.0.0"}}')).toEqual({ record: record('2.0.0', { a: '0.0.0', b: '1.0.0' }) })
    expect(parseUmbrellaRecord('{"name": "x", "version": "2.0.0"}')).toEqual({ record: record('2.0.0') })
  })

  it.each([
    ['{"version": "2.0.0",\n  "frameworkVersions": {"a": "1.0.0",}}', 'The package.json is not valid JSON, expected the file as “npm run build” writes it', 2, 38],
    ['[1, 2]', 'The package.json is not a JSON object, expected the file as “npm run build” writes it', 1, 1],
    ['{"name": "x"}', 'The package version is missing or not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “2.1.0”', 1, 1],
    ['{\n  "version": "2.0.0-beta.1"}', 'The package version is missing or not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “2.1.0”', 2, 14],
    ['{"version": "1234567890123456.0.0"}', 'The package version is missing or not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “2.1.0”', 1, 13],
    ['{"version": 2}', 'The package version is missing or not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “2.1.0”', 1, 13],
    ['{"version": "2.0.0", "frameworkVersions": ["a"]}', '“frameworkVersions” is not an object, expected each framework\'s id with its package version, such as { "solihull": "1.2.0" }', 1, 43],
    ['{"version": "2.0.0", "frameworkVersions": {"__proto__": "1.0.0"}}', 'The framework id "__proto__" in “frameworkVersions” is not a framework\'s id, expected lower-case letters, digits and hyphens', 1, 44],
    ['{"version": "2.0.0", "frameworkVersions": {"a\\u001b[2Jb": "1.0.0"}}', 'The framework id "a\\u001b[2Jb" in “frameworkVersions” is not a framework\'s id, expected lower-case letters, digits and hyphens', 1, 44],
    ['{"//": {"version": 1}, "frameworkVersions": {"b": "1.0.0", "a": {"major": 1}}, "version": "2.0.0"}', 'The version of a in “frameworkVersions” is not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “1.2.0”', 1, 65],
  ])('%j: a problem with its place', (text, reason, line, column) => {
    expect(parseUmbrellaRecord(text)).toEqual({ problem: { reason, line, column } })
  })

  it('gives a problem with its place, never an exception, for a value nested 200,000 deep', () => {
    const deep = `{"version": "2.0.0", "frameworkVersions": {"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`
    expect(parseUmbrellaRecord(deep)).toEqual({ problem: { reason: 'The version of a in “frameworkVersions” is not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “1.2.0”', line: 1, column: 49 } })
  })
})
