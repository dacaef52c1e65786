import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareChanges, invertChange } from '../../scripts/diff/index.ts'
import { changeKinds, changeKindsById } from '../../scripts/diff/registry.ts'
import { schemaDir } from '../../scripts/model/schemas.ts'
import { repoRoot } from '../helpers.ts'
import { changeFixtures, diffFixture, lines } from './helpers.ts'

const kindFiles = readdirSync(path.join(repoRoot, 'scripts/diff/changes'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''))
  .sort()

describe('the change kind registry', () => {
  it('registers every file in scripts/diff/changes, sorted by id, each id its file name', () => {
    expect(changeKinds.map((kind) => kind.id)).toEqual(kindFiles)
  })

  it('gives every kind an impact, a label and a description', () => {
    for (const kind of changeKinds) {
      expect(['practice', 'review', 'editorial']).toContain(kind.impact)
      if (kind.impacts) expect(kind.impacts[0], kind.id).toBe(kind.impact)
      expect(kind.label.length, kind.id).toBeGreaterThan(0)
      expect(kind.description, kind.id).toMatch(/^[A-Z].*\.$/)
    }
  })

  it('pairs inverse kinds both ways', () => {
    for (const kind of changeKinds) {
      if (!kind.inverse) continue
      const inverse = changeKindsById.get(kind.inverse)
      expect(inverse?.inverse, kind.id).toBe(kind.id)
    }
  })

  it('lists the same kinds in schema/diff.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(schemaDir, 'diff.schema.json'), 'utf8')) as { $defs: { Kind: { enum: string[] } } }
    expect(schema.$defs.Kind.enum).toEqual(kindFiles)
  })
})

describe.each(kindFiles)('change kind %s', (kind) => {
  const dir = path.join(changeFixtures, kind)

  it('has a fixture pair and the changes it is expected to give', () => {
    expect(existsSync(path.join(dir, 'old')) && existsSync(path.join(dir, 'new')) && existsSync(path.join(dir, 'expected.txt'))).toBe(true)
  })

  it('is found in its fixture pair, exactly as expected.txt says', async () => {
    const report = await diffFixture(dir)
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trimEnd().split('\n')
    expect(lines(report)).toEqual(expected)
    expect(report.frameworks.flatMap((framework) => framework.changes).some((change) => change.kind === kind)).toBe(true)
  })

  it('turns into its inverse when old and new are swapped', async () => {
    const forward = (await diffFixture(dir)).frameworks.flatMap((framework) => framework.changes)
    const backward = (await diffFixture(dir, true)).frameworks.flatMap((framework) => framework.changes)
    expect(backward).toEqual(forward.map(invertChange).sort(compareChanges))
  })
})
