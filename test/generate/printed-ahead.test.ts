/**
 * The typed modules' skeletons, the model's types and the package's index are printed once when
 * the CLI is compiled (scripts/generate/print-ahead.ts), so a build needs no TypeScript compiler
 * (scripts/generate/printed.ts). What a build makes from them must be the printer's bytes.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeCorpus } from '../../scripts/bench/corpus.ts'
import { withoutParseDetail, type CheckedFramework } from '../../scripts/check/index.ts'
import { generatorOf } from '../../scripts/generate/index.ts'
import { modelTypes } from '../../scripts/generate/package.ts'
import { everyShape, printAhead } from '../../scripts/generate/print-ahead.ts'
import { printsOf, type Printed, type Prints } from '../../scripts/generate/printed.ts'
import { shapeOf } from '../../scripts/generate/skeleton.ts'
import type { Framework } from '../../scripts/model/types.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { parser, repoRoot } from '../helpers.ts'

const modelSource = modelTypes(readFileSync(path.join(repoRoot, 'scripts/model/types.ts'), 'utf8'))
const printed = printAhead()

const [shropshire, solihull] = loadFrameworks([path.join(repoRoot, 'sources/shropshire'), path.join(repoRoot, 'sources/solihull')], { parser }).map(withoutParseDetail)
if (!shropshire || !solihull) throw new Error('the shipped frameworks did not load')
const checked = (framework: Framework): CheckedFramework => ({ folder: shropshire.folder, framework })
// Titles the index writes as JSON in its source and as the compiler prints them in JavaScript:
// quotes, a backslash, a replacement pattern, a stand-in's name, a line separator, a doc-comment end.
const north = checked({ ...shropshire.framework, id: 'north-1', title: `North's "partnership" \\ $& $' __THRESHOLDS_FRAMEWORK_ID__ \u2028 */ 🙂`, matrix: undefined, published: undefined })
const south = checked({ ...solihull.framework, id: 'south', title: 'South', partnership: 'Ynys Môn “South”', reviewDue: undefined, levels: solihull.framework.levels.slice(1).reverse() })

/** Every file the generator makes for `contexts`, by path. */
async function filesOf(contexts: readonly CheckedFramework[], prints: (modelSource: string) => Prints | undefined): Promise<Map<string, string>> {
  const generator = generatorOf(contexts, new Map(), undefined, false, undefined, undefined, false, prints)
  const files = new Map<string, string>()
  for (const context of contexts) for (const [file, text] of await generator.frameworkFiles(context)) files.set(file, text)
  for (const [file, text] of await generator.packageFiles()) files.set(file, text)
  generator.close?.()
  return files
}

/** The prints, counting what they did not have (each miss loads the printer). */
function counted(misses: string[]): (source: string) => Prints | undefined {
  return (source) => {
    const prints = printsOf(printed, source)
    if (!prints) return undefined
    return {
      skeleton: (shape) => prints.skeleton(shape) ?? (misses.push('a skeleton'), undefined),
      model: () => prints.model(),
      index: (frameworks) => prints.index(frameworks) ?? (misses.push('the index'), undefined),
    }
  }
}

describe('modules printed ahead', () => {
  it('have a skeleton for the shape of every shipped framework and every framework of the bench corpus', () => {
    const shapes = new Set(everyShape().map(shapeOf))
    expect(shapes.size).toBe(12)
    expect(Object.keys(printed.skeletons).sort()).toEqual([...shapes].sort())
    const corpus = writeCorpus(mkdtempSync(path.join(tmpdir(), 'thresholds-printed-')), { frameworks: 3, indicatorsPerFramework: 20 })
    const loaded = loadFrameworks(['partnership-0001', 'partnership-0002', 'partnership-0003'].map((id) => path.join(corpus, id)), { parser })
    for (const { framework } of [...loaded, shropshire, solihull, north, south]) expect(shapes.has(shapeOf(framework)), framework.id).toBe(true)
  })

  it('give the printer’s bytes for every file, with no printer loaded', async () => {
    const contexts = [shropshire, north, solihull, south]
    const misses: string[] = []
    const fromPrints = await filesOf(contexts, counted(misses))
    expect(misses).toEqual([])
    const fromPrinter = await filesOf(contexts, () => undefined)
    expect([...fromPrints.keys()].sort()).toEqual([...fromPrinter.keys()].sort())
    for (const [file, text] of fromPrinter) expect(fromPrints.get(file), file).toBe(text)
    // The index as the compiler prints it: each summary's strings as written, one line each.
    expect(fromPrints.get('index.js')).toContain(`    Object.freeze({ "id": "north-1", "title": ${JSON.stringify(north.framework.title)}, "partnership": `)
    expect(fromPrints.get('index.ts')).toContain(`export type FrameworkId = 'north-1' | 'shropshire' | 'solihull' | 'south';`)
    expect(fromPrints.get('index.cjs')).toContain(`    'north-1': () => Promise.resolve().then(() => __importStar(require('./north-1/index.cjs'))),\n    'shropshire': `)
    expect(fromPrints.get('index.d.cts')).toContain(`import type * as North_1 from './north-1/index.cjs';\n`)
  })

  it('give a single framework’s index as the printer does', async () => {
    const misses: string[] = []
    const fromPrints = await filesOf([south], counted(misses))
    expect(misses).toEqual([])
    expect(fromPrints).toEqual(await filesOf([south], () => undefined))
  })

  it('are not used when printed from other model types', () => {
    expect(printsOf(printed, modelSource)).toBeDefined()
    expect(printsOf(printed, `${modelSource}\nexport type Extra = string\n`)).toBeUndefined()
    expect(printsOf(undefined, modelSource)).toBeUndefined()
  })

  it('are not used when damaged: the printer makes the files instead', () => {
    expect(printsOf({ ...printed, skeletons: null as unknown as Printed['skeletons'] }, modelSource)).toBeUndefined()
    expect(printsOf({ ...printed, index: [['index.ts']] as unknown as Printed['index'] }, modelSource)).toBeUndefined()
    expect(printsOf({ ...printed, skeletons: { shape: 'text' } as unknown as Printed['skeletons'] }, modelSource)).toBeUndefined()
  })
})
