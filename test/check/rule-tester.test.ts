import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderMessage } from '../../scripts/shared/messages.ts'
import { rules } from '../../scripts/check/registry.ts'
import { repoRoot } from '../helpers.ts'
import { expectedOf, runCase } from './rule-tester.ts'
import { ruleTables } from './rule-tables.ts'

describe('rule tester tables', () => {
  it('has one table for every rule in the registry, and none for a rule that does not exist', () => {
    expect(ruleTables.map((table) => table.rule).sort()).toEqual(rules.map((rule) => rule.id).sort())
  })

  it.each(ruleTables.map((table) => [table.rule, table] as const))('%s has at least two valid and three invalid cases, each with a distinct name', (_, table) => {
    expect(table.valid.length).toBeGreaterThanOrEqual(2)
    expect(table.invalid.length).toBeGreaterThanOrEqual(3)
    const names = [...table.valid, ...table.invalid].map((testCase) => testCase.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s is described in docs/rules.md in the words of its description', (_, rule) => {
    expect(rule.description.length).toBeGreaterThan(20)
    expect(readFileSync(path.join(repoRoot, 'docs/rules.md'), 'utf8')).toContain(`| ${rule.description} |`)
  })

  it.each(ruleTables.map((table) => [table.rule, table] as const))('%s shows every one of its messages in an invalid case, and no message it does not declare', (id, table) => {
    const declared = Object.keys(rules.find((rule) => rule.id === id)?.messages ?? {}).sort()
    const shown = [...new Set(table.invalid.flatMap((testCase) => testCase.errors.filter((error) => (error.ruleId ?? id) === id).map((error) => error.messageId)))].sort()
    expect(shown).toEqual(declared)
  })

  it.each(ruleTables.map((table) => [table.rule, table] as const))('%s states the rule’s own severity', (id, table) => {
    expect(table.severity).toBe(rules.find((rule) => rule.id === id)?.severity)
  })
})

for (const table of ruleTables)
  describe(`rule ${table.rule}`, () => {
    it.each(table.valid.map((testCase) => [testCase.name, testCase] as const))('valid: %s', (_, testCase) => {
      expect(runCase(table.rule, testCase)).toEqual([])
    })

    it.each(table.invalid.map((testCase) => [testCase.name, testCase] as const))('invalid: %s', (_, testCase) => {
      expect(testCase.errors.length).toBeGreaterThan(0)
      expect(runCase(table.rule, testCase)).toEqual(expectedOf(table, testCase))
    })
  })

describe('message templates', () => {
  it('fills each slot with its value, as often as it appears', () => {
    expect(renderMessage('“{{a}}” then {{b}} and “{{a}}” again', { a: 'x', b: 2 })).toBe('“x” then 2 and “x” again')
  })

  it('refuses a slot with no value rather than print “undefined”', () => {
    expect(() => renderMessage('Level “{{level}}” has no contacts', { levl: 'Early Help' })).toThrow('the message “Level “{{level}}” has no contacts” has no value for “level”')
  })
})
