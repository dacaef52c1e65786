import { rmSync } from 'node:fs'
import path from 'node:path'
import { diffVersions } from '../../scripts/diff/index.ts'
import { loadSide } from '../../scripts/diff/inputs.ts'
import type { Change, Impact } from '../../scripts/diff/types.ts'
import { layOut, type Overlay } from '../check/rule-tester.ts'

/**
 * A table-driven tester for change kinds, like the rule tester: each case is two versions of the
 * minimal framework (test/fixtures/minimal), each with an overlay of files. A no-change case
 * must give no change of the kind under test; a change case must give exactly the listed
 * changes of that kind, in report order, each with its impact, subject, field and values.
 */

export interface ChangeCase {
  name: string
  old?: Overlay
  new?: Overlay
}

/** A change as asserted: everything but the word diff and how the subject was matched. */
export type ExpectedChange = Omit<Change, 'kind' | 'impact' | 'words' | 'match'> & { impact?: Impact }

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

function side(overlay: Overlay | undefined): { dir: string; root: string } {
  const { dir } = layOut({ name: '', files: overlay ?? {} })
  return { dir, root: path.dirname(path.dirname(dir)) }
}

/** The changes of one kind between the two versions of a case, as asserted. */
export async function changesOf(kind: string, testCase: ChangeCase): Promise<Array<Omit<Change, 'words' | 'match'>>> {
  const before = side(testCase.old)
  const after = side(testCase.new)
  try {
    const olds = await loadSide(path.dirname(before.dir), before.root)
    const news = await loadSide(path.dirname(after.dir), after.root)
    const report = diffVersions(olds.frameworks, news.frameworks, { old: olds.info, new: news.info })
    return report.frameworks
      .flatMap((framework) => framework.changes)
      .filter((change) => change.kind === kind)
      .map(({ words: _words, match: _match, ...rest }) => rest)
  } finally {
    rmSync(before.root, { recursive: true, force: true })
    rmSync(after.root, { recursive: true, force: true })
  }
}

export function expectedChanges(table: ChangeTable, testCase: ChangingCase): Array<Omit<Change, 'words' | 'match'>> {
  return testCase.changes.map((change) => ({ kind: table.kind, impact: table.impact, ...change }))
}
