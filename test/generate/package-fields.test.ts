/**
 * The content cache keys the package files (index, package.json, README, CHANGELOG, schema) by
 * packageFields alone. Every field of a model is changed in turn: whenever the package files
 * change, packageFields must change too, or a warm build would keep stale package files.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generatorOf } from '../../scripts/generate/index.ts'
import { packageFields } from '../../scripts/generate/package.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { parser, repoRoot } from '../helpers.ts'

const contexts = loadFrameworks([path.join(repoRoot, 'sources/shropshire'), path.join(repoRoot, 'sources/solihull')], { parser })

type Path = Array<string | number>

/** One path to each kind of leaf (array positions other than the first left out), and each array. */
function places(value: unknown, at: Path = [], seen = new Set<string>()): Path[] {
  const shape = at.map((part) => (typeof part === 'number' ? '#' : part)).join('.')
  if (Array.isArray(value)) {
    const own = seen.has(`${shape}[]`) ? [] : [at]
    seen.add(`${shape}[]`)
    return [...own, ...value.flatMap((item, index) => places(item, [...at, index], seen))]
  }
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => places(item, [...at, key], seen))
  if (seen.has(shape)) return []
  seen.add(shape)
  return [at]
}

/** The framework with the value at `at` changed: a string or number edited, a flag flipped, an array one item shorter. */
function changed(framework: Framework, at: Path): Framework {
  const copy = structuredClone(framework) as unknown as Record<string | number, unknown>
  let parent = copy
  for (const part of at.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>
  const key = at.at(-1) as string | number
  const value = parent[key]
  if (Array.isArray(value)) parent[key] = value.slice(0, -1)
  else if (typeof value === 'string') parent[key] = `${value} edited`
  else if (typeof value === 'number') parent[key] = value + 1
  else if (typeof value === 'boolean') parent[key] = !value
  return copy as unknown as Framework
}

async function packageFiles(frameworks: Framework[]): Promise<string> {
  const folder = contexts[0]?.folder
  if (!folder) throw new Error('no framework loaded')
  const files = await generatorOf(frameworks.map((framework) => ({ folder, framework }))).packageFiles()
  return JSON.stringify(files)
}

describe('packageFields', () => {
  it('changes whenever a change of a model changes the package files', async () => {
    const [shropshire, solihull] = contexts.map((context) => context.framework) as [Framework, Framework]
    const before = await packageFiles([shropshire, solihull])
    const missed: string[] = []
    let changedFiles = 0
    for (const at of places(solihull)) {
      const edited = changed(solihull, at)
      if ((await packageFiles([shropshire, edited])) === before) continue
      changedFiles++
      if (packageFields(edited) === packageFields(solihull)) missed.push(at.join('.'))
    }
    expect(missed).toEqual([])
    // The package does read some fields: the test sees changes.
    expect(changedFiles).toBeGreaterThan(8)
  })
})
