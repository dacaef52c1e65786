import { levelById, textChange } from '../context.ts'
import { defineChange, type Detected } from '../define-change.ts'
import { referenceKey } from '../match.ts'
import { levelName } from '../../model/flat.ts'
import type { Framework } from '../../model/types.ts'
import type { SubjectRef } from '../types.ts'

function cellRef(framework: Framework, factor: string, level: string): SubjectRef {
  const factorTitle = framework.matrix?.factors.find((f) => f.id === factor)?.title ?? factor
  // As practitioners know the column: with its printed label (“Level 3: Complex needs”) when it has one.
  const found = levelById(framework, level)
  const levelTitle = found ? levelName(found) : level
  return { id: `${factor}:${level}`, label: `${factorTitle} / ${levelTitle}`, level }
}

export default defineChange({
  id: 'matrix-cell-changed',
  impact: 'practice',
  label: 'Matrix cell changed',
  covers: ['matrix.cells[]', 'matrix.cells[].factor', 'matrix.cells[].level', 'matrix.cells[].text'],
  description: 'A cell of the decision-making matrix (one factor at one level) says something else, or is new or gone (null). Factors and levels are compared through the matching.',
  detect(context) {
    const cells = (framework: Framework) => framework.matrix?.cells ?? []
    // A cell is known by its factor and level as seen across the versions (see referenceKey).
    const key = (side: 'old' | 'new', cell: { factor: string; level: string }) => `${referenceKey(context.factors, side, cell.factor)}\u0000${referenceKey(context.levels, side, cell.level)}`
    const newCells = new Map(cells(context.new).map((cell) => [key('new', cell), cell]))
    const paired = new Set<object>()
    const out: Detected[] = []
    for (const cell of cells(context.old)) {
      const other = newCells.get(key('old', cell))
      if (other) paired.add(other)
      const text = textChange(cell.text, other?.text)
      if (!text) continue
      out.push({
        subject: { type: 'matrix-cell', old: cellRef(context.old, cell.factor, cell.level), ...(other ? { new: cellRef(context.new, other.factor, other.level) } : {}) },
        ...text,
      })
    }
    for (const cell of cells(context.new)) {
      if (paired.has(cell)) continue
      const text = textChange(undefined, cell.text)
      if (text) out.push({ subject: { type: 'matrix-cell', new: cellRef(context.new, cell.factor, cell.level) }, ...text })
    }
    return out
  },
})
