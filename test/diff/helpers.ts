import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diffVersions } from '../../scripts/diff/index.ts'
import { loadSide } from '../../scripts/diff/inputs.ts'
import { plainChangeLine } from '../../scripts/diff/report/line.ts'
import type { DiffReport } from '../../scripts/diff/types.ts'
import { fixtures, parser } from '../helpers.ts'

export const changeFixtures = path.join(fixtures, 'diff/changes')

/**
 * One side of a change kind's fixture pair as a sources folder: the minimal framework, with each
 * framework folder of the side (`<side>/minimal`, `<side>/second` ...) laid over a copy of it.
 */
export function fixtureSide(kindDir: string, side: 'old' | 'new', root = mkdtempSync(path.join(tmpdir(), 'thresholds-diff-fixture-'))): string {
  const sources = path.join(root, side)
  const overlay = path.join(kindDir, side)
  const names = existsSync(overlay) ? readdirSync(overlay, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : []
  for (const name of new Set(['minimal', ...names])) {
    cpSync(path.join(fixtures, 'minimal'), path.join(sources, name), { recursive: true })
    if (names.includes(name)) cpSync(path.join(overlay, name), path.join(sources, name), { recursive: true })
  }
  return sources
}

/** Compares the two sides of a fixture pair, as `thresholds diff` would (`swapped`: new against old). */
export async function diffFixture(kindDir: string, swapped = false): Promise<DiffReport> {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-diff-fixture-'))
  const [first, second] = swapped ? (['new', 'old'] as const) : (['old', 'new'] as const)
  const before = await loadSide(fixtureSide(kindDir, first, root), root, { parser })
  const after = await loadSide(fixtureSide(kindDir, second, root), root, { parser })
  return diffVersions(before.frameworks, after.frameworks, { old: before.info, new: after.info })
}

export function lines(report: DiffReport): string[] {
  return report.frameworks.flatMap((framework) => framework.changes.map(plainChangeLine))
}
