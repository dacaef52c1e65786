import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { diffVersions } from '../../scripts/diff/index.ts'
import { loadSide } from '../../scripts/diff/inputs.ts'
import type { Change, Impact } from '../../scripts/diff/types.ts'
import { layOut, type Overlay } from '../check/rule-tester.ts'
import { fixtures, parser } from '../helpers.ts'

/**
 * A table-driven tester for change kinds, like the rule tester: each case is two versions of the
 * minimal framework (test/fixtures/minimal), each with an overlay of files. A no-change case
 * must give no change of the kind under test; a change case must give exactly the listed
 * changes of that kind, in report order, each with its impact, subject, field and values.
 */

export interface ChangeCase {
  name: string
  /** Files laid over the minimal framework in the old and the new version. */
  old?: Overlay
  new?: Overlay
  /** Other frameworks in each version (each over the minimal one, with its own id): a framework added or removed. */
  others?: { old?: Record<string, Overlay>; new?: Record<string, Overlay> }
}

/**
 * A change as asserted: everything but how the subject was matched, and the word diff only when
 * the case lists it (the words a report marks as removed and added).
 */
export type ExpectedChange = Omit<Change, 'kind' | 'impact' | 'words' | 'match'> & { impact?: Impact; words?: Change['words'] }

export interface ChangingCase extends ChangeCase {
  changes: ExpectedChange[]
}

export interface ChangeTable {
  kind: string
  impact: Impact
  unchanged: ChangeCase[]
  changed: ChangingCase[]
}

export function changeTable(table: ChangeTable): ChangeTable {
  return table
}

function side(overlay: Overlay | undefined, others: Record<string, Overlay> | undefined): { dir: string; root: string } {
  const { dir } = layOut({ name: '', files: overlay ?? {}, ...(others ? { others } : {}) })
  return { dir, root: path.dirname(path.dirname(dir)) }
}

/** Every file under a folder, as an overlay of its full text. */
function overlayOf(dir: string): Overlay {
  const files: Overlay = {}
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)))
      if (entry.isDirectory()) walk(path.join(at, entry.name), `${prefix}${entry.name}/`)
      else if (entry.name !== '.gitkeep') files[`${prefix}${entry.name}`] = readFileSync(path.join(at, entry.name), 'utf8')
  }
  walk(dir, '')
  return files
}

/**
 * A change kind's fixture pair (test/fixtures/diff/changes/<kind>/{old,new}: the pair shown in
 * docs/changes.md) as a case, so that the tables assert its full output too.
 */
export function fixturePair(kind: string): Pick<ChangeCase, 'old' | 'new' | 'others'> {
  const pair: Pick<ChangeCase, 'old' | 'new' | 'others'> = { others: {} }
  for (const which of ['old', 'new'] as const) {
    const dir = path.join(fixtures, 'diff/changes', kind, which)
    if (!existsSync(dir)) continue
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && entry.name === 'minimal') pair[which] = overlayOf(path.join(dir, entry.name))
      else if (entry.isDirectory()) ((pair.others as NonNullable<ChangeCase['others']>)[which] ??= {})[entry.name] = overlayOf(path.join(dir, entry.name))
  }
  return pair
}

/** The changes of one kind between the two versions of a case, as asserted. */
/**
 * In a mutation run (`npm run mutate:changes`) only the change kinds are mutated, never the reading
 * of sources: the two versions of each case are read once and kept for the run, by kind and case
 * name, so that each mutant costs only the comparison. Elsewhere every case reads its sources.
 */
const loadedSides: Map<string, Promise<[LoadedSide, LoadedSide]>> | undefined = process.env.THRESHOLDS_MUTATION_TESTS
  ? ((globalThis as { thresholdsChangeSides?: Map<string, Promise<[LoadedSide, LoadedSide]>> }).thresholdsChangeSides ??= new Map())
  : undefined

type LoadedSide = Awaited<ReturnType<typeof loadSide>>

async function loadBoth(testCase: ChangeCase): Promise<[LoadedSide, LoadedSide]> {
  const before = side(testCase.old, testCase.others?.old)
  const after = side(testCase.new, testCase.others?.new)
  try {
    return [await loadSide(path.dirname(before.dir), before.root, { parser }), await loadSide(path.dirname(after.dir), after.root, { parser })]
  } finally {
    rmSync(before.root, { recursive: true, force: true })
    rmSync(after.root, { recursive: true, force: true })
  }
}

export async function changesOf(kind: string, testCase: ChangeCase | ChangingCase): Promise<Array<Omit<Change, 'match'>>> {
  const key = `${kind}\u0000${testCase.name}`
  let loading = loadedSides?.get(key)
  if (!loading) {
    loading = loadBoth(testCase)
    loadedSides?.set(key, loading)
  }
  const [olds, news] = await loading
  // Only the kind under test runs, so that each case exercises (and mutation testing charges) that kind alone.
  const report = diffVersions(olds.frameworks, news.frameworks, { old: olds.info, new: news.info }, { kinds: [kind] })
  return report.frameworks
    .flatMap((framework) => framework.changes)
    .filter((change) => change.kind === kind)
    .map(({ words, match: _match, ...rest }, index) => ('changes' in testCase && testCase.changes[index]?.words ? { ...rest, words } : rest))
}

export function expectedChanges(table: ChangeTable, testCase: ChangingCase): Array<Omit<Change, 'match'>> {
  return testCase.changes.map((change) => ({ kind: table.kind, impact: table.impact, ...change }))
}
