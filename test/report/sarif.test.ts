import { describe, expect, it } from 'vitest'
import { checkFrameworks } from '../../scripts/check/index.ts'
import { rules } from '../../scripts/check/registry.ts'
import { findFrameworkFolders, loadFrameworks } from '../../scripts/parse/index.ts'
import { reportInput } from '../../scripts/report/input.ts'
import { formatSarif } from '../../scripts/report/sarif.ts'
import { problemKinds } from '../../scripts/shared/problems.ts'
import { parser, repoRoot } from '../helpers.ts'
import { brokenLinkAndPolarity, checkedMinimal, twoSuppressions } from './content.ts'
import { sarifValidator } from './sarif-schema.ts'

interface Log {
  version: string
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }> } }
    originalUriBaseIds: Record<string, { uri: string }>
    results: Array<{
      ruleId: string
      ruleIndex: number
      level: string
      message: { text: string }
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>
      suppressions?: Array<{ kind: string; justification: string }>
    }>
  }>
}

const validate = sarifValidator()

function expectValid(text: string): Log {
  const log = JSON.parse(text) as unknown
  const valid = validate(log)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
  return log as Log
}

describe('sarif report', () => {
  it('is a valid SARIF 2.1.0 log with the rule catalogue, and a result for each message', () => {
    const { root, input } = checkedMinimal(brokenLinkAndPolarity)
    const log = expectValid(formatSarif(input, { cwd: root, version: '9.8.7' }))
    const run = log.runs[0]
    if (!run) throw new Error('expected one run')
    expect(run.tool.driver).toMatchObject({ name: 'thresholds', version: '9.8.7', informationUri: 'https://github.com/thresholds/thresholds' })
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.id), ...problemKinds.map((kind) => kind.id)])
    expect(run.tool.driver.rules.find((rule) => rule.id === 'link-pending')).toEqual({
      id: 'link-pending',
      shortDescription: { text: rules.find((rule) => rule.id === 'link-pending')?.description },
      helpUri: 'https://github.com/thresholds/thresholds/blob/main/docs/rules.md#link-pending',
      defaultConfiguration: { level: 'warning' },
    })
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`file://${root}/`)
    expect(run.results).toHaveLength(3)
    const link = run.results.find((result) => result.ruleId === 'link-resolves')
    expect(link).toEqual({
      ruleId: 'link-resolves',
      ruleIndex: run.tool.driver.rules.findIndex((rule) => rule.id === 'link-resolves'),
      level: 'error',
      message: { text: 'The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'sources/minimal/levels/01-early-help.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 15, startColumn: 3, endLine: 15, endColumn: 27 },
          },
        },
      ],
      properties: {
        messageId: 'broken',
        data: { link: 'The link “Front door”', reason: 'points to “#front-dor”, which is neither an id in this framework nor a heading in this file' },
        suggestions: ['#front-door'],
      },
    })
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
  })

  it('lists suppressed messages as results with their suppression: in the source, or in the framework settings', () => {
    const { root, input } = checkedMinimal(twoSuppressions)
    const run = expectValid(formatSarif(input, { cwd: root, version: '1.0.0' })).runs[0]
    expect(run?.results.map((result) => [result.ruleId, result.level, result.suppressions])).toEqual([
      ['link-pending', 'warning', [{ kind: 'external', status: 'accepted', justification: 'The partnership is collecting the new addresses.' }]],
      ['link-pending', 'warning', [{ kind: 'external', status: 'accepted', justification: 'The partnership is collecting the new addresses.' }]],
      ['link-resolves', 'error', [{ kind: 'inSource', status: 'accepted', justification: 'the heading is added in the next release' }]],
    ])
    expect(run?.results[2]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'sources/minimal/levels/02-child-protection.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 17, startColumn: 3 },
    })
  })

  it('is valid for the shipped sources, with a result for each of their warnings and suppressions', () => {
    const result = checkFrameworks(loadFrameworks(findFrameworkFolders([], repoRoot), { parser }))
    const run = expectValid(formatSarif(reportInput(result), { cwd: repoRoot, version: '0.1.0' })).runs[0]
    expect(run?.results.filter((entry) => !entry.suppressions)).toHaveLength(result.warnings + result.errors)
    expect(run?.results.filter((entry) => entry.suppressions)).toHaveLength(result.suppressed.length)
    expect(run?.results.every((entry) => /^sources\/(shropshire|solihull)\//.test(entry.locations[0]?.physicalLocation.artifactLocation.uri ?? ''))).toBe(true)
  })

  it('fails validation when a result is malformed (the schema really is applied)', () => {
    const { root, input } = checkedMinimal(brokenLinkAndPolarity)
    const log = JSON.parse(formatSarif(input, { cwd: root, version: '1.0.0' })) as Log
    ;(log.runs[0]?.results[0] as unknown as Record<string, unknown>).level = 'fatal'
    expect(validate(log)).toBe(false)
  })
})
