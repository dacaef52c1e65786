import { describe, expect, it } from 'vitest'
import { changeKinds, changeKindsById } from '../../scripts/diff/registry.ts'
import { changesOf, expectedChanges, fixturePair } from './change-tester.ts'
import { changeTables } from './change-tables.ts'

describe('change kind tables', () => {
  it('has one table for every change kind in the registry, and none for a kind that does not exist', () => {
    expect(changeTables.map((table) => table.kind).sort()).toEqual(changeKinds.map((kind) => kind.id).sort())
  })

  it.each(changeTables.map((table) => [table.kind, table] as const))('%s asserts its fixture pair (the example in docs/changes.md) in full', (kind, table) => {
    const pair = JSON.stringify(fixturePair(kind))
    expect(table.changed.filter((testCase) => JSON.stringify({ old: testCase.old, new: testCase.new, others: testCase.others }) === JSON.stringify({ old: JSON.parse(pair).old, new: JSON.parse(pair).new, others: JSON.parse(pair).others }))).toHaveLength(1)
  })

  it.each(changeTables.map((table) => [table.kind, table] as const))('%s is a change kind, with its own impact, two no-change and three change cases', (kind, table) => {
    expect(changeKindsById.get(kind)?.impact).toBe(table.impact)
    expect(table.unchanged.length).toBeGreaterThanOrEqual(2)
    expect(table.changed.length).toBeGreaterThanOrEqual(3)
    const names = [...table.unchanged, ...table.changed].map((testCase) => testCase.name)
    expect(new Set(names).size).toBe(names.length)
  })
})

for (const table of changeTables)
  describe(`change kind ${table.kind}`, () => {
    it.each(table.unchanged.map((testCase) => [testCase.name, testCase] as const))('no change: %s', async (_, testCase) => {
      expect(await changesOf(table.kind, testCase)).toEqual([])
    })

    it.each(table.changed.map((testCase) => [testCase.name, testCase] as const))('change: %s', async (_, testCase) => {
      expect(testCase.changes.length).toBeGreaterThan(0)
      expect(await changesOf(table.kind, testCase)).toEqual(expectedChanges(table, testCase))
    })
  })
