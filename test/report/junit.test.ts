import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { formatJunit } from '../../scripts/report/junit.ts'
import { junitSchemaProblems } from './junit-schema.ts'
import { brokenLinkAndPolarity, checkedMinimal, edit, twoPendingLinks, twoSuppressions } from './content.ts'

interface Case {
  '@_name': string
  '@_classname': string
  failure?: { '@_message': string; '@_type': string; '#text': string }
  skipped?: { '@_message': string }
  'system-out'?: string
}
interface Suite {
  '@_name': string
  '@_tests': string
  '@_failures': string
  '@_skipped': string
  testcase: Case[]
}

function parse(xml: string): { testsuites: { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: Suite[] } } {
  expect(XMLValidator.validate(xml)).toBe(true)
  expect(junitSchemaProblems(xml)).toEqual([])
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: false, isArray: (name) => name === 'testsuite' || name === 'testcase' })
  return parser.parse(xml) as ReturnType<typeof parse>
}

describe('junit report', () => {
  it('has a suite per framework, a failing case per error, a passing case per warning and per clean file', () => {
    const { root, input } = checkedMinimal((dir) => {
      brokenLinkAndPolarity(dir)
      twoPendingLinks(dir)
    })
    const xml = formatJunit(input, { cwd: root })
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="thresholds" tests="8" failures="3" errors="0">')).toBe(true)
    const { testsuites } = parse(xml)
    expect(testsuites.testsuite).toHaveLength(1)
    const suite = testsuites.testsuite[0] as Suite
    expect(suite['@_name']).toBe('minimal')
    // 3 errors fail; 2 warnings pass with their text as output; contacts.md, framework.md and 02-child-protection.md pass.
    expect([suite['@_tests'], suite['@_failures'], suite['@_skipped']]).toEqual(['8', '3', '0'])
    expect([testsuites['@_tests'], testsuites['@_failures'], testsuites['@_skipped']]).toEqual(['8', '3', undefined])
    expect(suite.testcase.filter((entry) => !entry.failure && !entry['system-out']).map((entry) => entry['@_classname'])).toEqual([
      'sources/minimal/contacts.md',
      'sources/minimal/framework.md',
      'sources/minimal/levels/02-child-protection.md',
    ])
    const reason = 'The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file'
    // Named by rule and message, not by position: moving the line keeps the test's history.
    const link = suite.testcase.find((entry) => entry['@_name'] === `link-resolves: ${reason}`)
    expect(link?.['@_classname']).toBe('sources/minimal/levels/01-early-help.md')
    expect(link?.failure?.['@_type']).toBe('error')
    expect(link?.failure?.['@_message']).toBe(reason)
    expect(link?.failure?.['#text']).toContain('sources/minimal/levels/01-early-help.md:15:3 error The link “Front door”')
    expect(suite.testcase.filter((entry) => entry.failure?.['@_type'] === 'warning')).toHaveLength(0)
    const warnings = suite.testcase.filter((entry) => entry['system-out'])
    expect(warnings).toHaveLength(2)
    expect(warnings.every((entry) => / warning /.test(entry['system-out'] ?? ''))).toBe(true)
    expect(suite.testcase.map((entry) => entry['@_name']).filter((name) => /:\d+:\d+/.test(name))).toEqual([])
  })

  it('gives the same test names when the problems move to other lines', () => {
    const names = (shift: boolean) => {
      const { root, input } = checkedMinimal((dir) => {
        brokenLinkAndPolarity(dir)
        if (shift) edit(dir, 'levels/01-early-help.md', '\n## ', '\n\nAn added paragraph.\n\n## ')
      })
      const suite = parse(formatJunit(input, { cwd: root })).testsuites.testsuite[0] as Suite
      return { names: suite.testcase.map((entry) => entry['@_name']), texts: suite.testcase.map((entry) => entry.failure?.['#text'] ?? '') }
    }
    const before = names(false)
    const after = names(true)
    expect(after.names).toEqual(before.names)
    expect(after.texts).not.toEqual(before.texts)
  })

  it('numbers the same message twice in one file, so every name is unique', () => {
    const { root, input } = checkedMinimal(brokenLinkAndPolarity)
    const file = input.files.find((entry) => entry.messages.some((message) => message.fatal === true))
    const first = file?.messages.find((message) => message.fatal === true)
    if (!file || !first) throw new Error('expected an error')
    file.messages.push(first)
    const suite = parse(formatJunit(input, { cwd: root })).testsuites.testsuite[0] as Suite
    const named = suite.testcase.filter((entry) => entry['@_name'].startsWith(`${first.ruleId}: ${first.reason}`)).map((entry) => entry['@_name'])
    expect(named).toEqual([`${first.ruleId}: ${first.reason}`, `${first.ruleId}: ${first.reason} (2)`])
  })

  it('follows the schema rules it is checked against: they catch a skipped count on <testsuites>', () => {
    expect(junitSchemaProblems('<testsuites tests="1" skipped="0"><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="x"/></testsuite></testsuites>')).toEqual(['/testsuites: attribute “skipped” is not allowed'])
    expect(junitSchemaProblems('<testsuites><testsuite name="a" tests="1"><testcase/></testsuite></testsuites>')).toEqual([
      '/testsuites/testsuite: attribute “failures” is required',
      '/testsuites/testsuite: attribute “errors” is required',
      '/testsuites/testsuite/testcase: attribute “name” is required',
    ])
  })

  it('keeps <, & and quotes in a message intact', () => {
    const { root, input } = checkedMinimal((dir) => edit(dir, 'levels/02-child-protection.md', 'A child is suffering', `See [a < b & "c" 'd'](#nowhere). A child is suffering`))
    const xml = formatJunit(input, { cwd: root })
    expect(xml).toContain('&lt; b &amp; &quot;c&quot;')
    const suite = parse(xml).testsuites.testsuite[0] as Suite
    const failure = suite.testcase.find((entry) => entry.failure)?.failure
    expect(failure?.['@_message']).toContain(`The link “a < b & "c" 'd'” points to “#nowhere”`)
    expect(failure?.['#text']).toContain(`The link “a < b & "c" 'd'” points to “#nowhere”`)
  })

  it('lists suppressed messages as skipped cases with the reason', () => {
    const { root, input } = checkedMinimal(twoSuppressions)
    const suite = parse(formatJunit(input, { cwd: root })).testsuites.testsuite[0] as Suite
    expect(suite['@_skipped']).toBe('3')
    expect(suite['@_failures']).toBe('0')
    expect(suite.testcase.filter((entry) => entry.skipped).map((entry) => entry.skipped?.['@_message'])).toEqual(expect.arrayContaining([expect.stringMatching(/^Suppressed at sources\/minimal\/levels\/02-child-protection.md:\d+:\d+: the heading is added in the next release$/)]))
  })

  it('keeps the XML well-formed when a message quotes control characters', () => {
    const { root, input } = checkedMinimal(brokenLinkAndPolarity)
    const message = input.files[0]?.messages[0]
    if (!message) throw new Error('expected a message')
    message.reason = 'bell \u0007 and escape \u001b here'
    const xml = formatJunit(input, { cwd: root })
    const suite = parse(xml).testsuites.testsuite[0] as Suite
    expect(suite.testcase.some((entry) => entry.failure?.['@_message'] === 'bell \u2407 and escape \u241B here')).toBe(true)
  })
})
