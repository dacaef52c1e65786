import { flatLevels, levelName } from '../../model/flat.ts'
import { defineRule } from '../define-rule.ts'

/** A decision matrix with a blank cell leaves practitioners guessing for that factor at that level. */
export default defineRule({
  id: 'matrix-covers-levels',
  severity: 'error',
  description: 'The decision matrix has a column for every level and, for every factor, a filled cell in every column.',
  messages: {
    noColumn: 'The decision matrix has no column for level “{{level}}”, expected a column headed “{{heading}}”',
    emptyCell: 'The decision matrix row “{{factor}}” has no text for “{{column}}”, expected every cell of the row filled in',
  },
  check({ framework, parsed, report }) {
    const matrix = framework.matrix
    if (!matrix) return
    const titleOf = new Map(flatLevels(framework).map((level) => [level.id, levelName(level)]))
    const columns = new Set(matrix.columns)
    for (const level of framework.levels)
      if (!columns.has(level.id) && !level.children.some((child) => columns.has(child.id)))
        report(matrix, 'noColumn', { level: levelName(level), heading: level.title })
    for (const factor of matrix.factors)
      for (const column of matrix.columns) {
        const cell = matrix.cells.find((c) => c.factor === factor.id && c.level === column)
        if (cell && cell.text.trim() !== '') continue
        report(cell && parsed.places.has(cell) ? cell : factor, 'emptyCell', { factor: factor.title, column: titleOf.get(column) ?? column })
      }
  },
})
