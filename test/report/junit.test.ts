import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { formatJunit } from '../../scripts/report/junit.ts'
import { brokenLinkAndPolarity, checkedMinimal, edit, twoPendingLinks, twoSuppressions } from './content.ts'

interface Case {
  '@_name': string
  '@_classname': string
  failure?: { '@_message': string; '@_type': string; '#text': string }
  skipped?: { '@_message': string }
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
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: false, isArray: (name) => name === 'testsuite' || name === 'testcase' })
  return parser.parse(xml) as ReturnType<typeof parse>
}

describe('junit report', () => {
  it('has a suite per framework, a failing case per message with file:line:column, and a passing case per clean file', () => {
    const { root, input } = checkedMinimal((dir) => {
      brokenLinkAndPolarity(dir)
      twoPendingLinks(dir)
    })
    const xml = formatJunit(input, { cwd: root })
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="thresholds" tests="')).toBe(true)
    const { testsuites } = parse(xml)
    expect(testsuites.testsuite).toHaveLength(1)
    const suite = testsuites.testsuite[0] as Suite
    expect(suite['@_name']).toBe('minimal')
    // 3 errors + 2 warnings fail; contacts.md, framework.md and 02-child-protection.md pass.
    expect([suite['@_tests'], suite['@_failures'], suite['@_skipped']]).toEqual(['8', '5', '0'])
    expect([testsuites['@_tests'], testsuites['@_failures'], testsuites['@_skipped']]).toEqual(['8', '5', '0'])
    expect(suite.testcase.filter((entry) => !entry.failure).map((entry) => entry['@_classname'])).toEqual([
      'sources/minimal/contacts.md',
      'sources/minimal/framework.md',
      'sources/minimal/levels/02-child-protection.md',
    ])
    const link = suite.testcase.find((entry) => entry['@_name'] === 'link-resolves at sources/minimal/levels/01-early-help.md:15:3')
    expect(link?.['@_classname']).toBe('sources/minimal/levels/01-early-help.md')
    expect(link?.failure?.['@_type']).toBe('error')
    expect(link?.failure?.['@_message']).toBe('The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file, did you mean “#front-door”?')
    expect(link?.failure?.['#text']).toContain('sources/minimal/levels/01-early-help.md:15:3 error The link “Front door”')
    expect(suite.testcase.filter((entry) => entry.failure?.['@_type'] === 'warning')).toHaveLength(2)
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
    expect(suite.testcase.filter((entry) => entry.skipped).map((entry) => entry.skipped?.['@_message'])).toContain('Suppressed: the heading is added in the next release')
  })

  it('keeps the XML well-formed when a message quotes control characters', () => {
    const { root, input } = checkedMinimal(brokenLinkAndPolarity)
    const message = input.files[0]?.messages[0]
    if (!message) throw new Error('expected a message')
    message.reason = 'bell \u0007 and escape \u001b here'
    const xml = formatJunit(input, { cwd: root })
    const suite = parse(xml).testsuites.testsuite[0] as Suite
    expect(suite.testcase.some((entry) => entry.failure?.['@_message'] === 'bell \uFFFD and escape \uFFFD here')).toBe(true)
  })
})
