import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkWith, messageLines, onTestDay, thresholds } from '../helpers.ts'

/*
 * Markdown keeps a cell written past a table's last column, but the decision matrix files cells
 * by their column's level: such a cell has none, and its words once vanished without a word.
 */

function withMatrixRow(row: string): { root: string; dir: string } {
  const framework = frameworkWith()
  const matrix = ['---', 'title: Decision matrix', '---', '', '| Factor | Early Help | Child protection |', '| --- | --- | --- |', row, '']
  writeFileSync(path.join(framework.dir, 'matrix.md'), matrix.join('\n'))
  return framework
}

describe('a matrix row with more cells than the table has columns', () => {
  it('is an error at each cell past the last column that has words', () => {
    expect(messageLines(withMatrixRow('| How often? {#frequency} | Occasional | Constant | Always | Daily |').dir)).toEqual([
      'matrix.md:7:51 error The row “How often?” has more cells than the table has columns, so “Always” would be lost, expected one cell under each level\'s column [misplaced-content]',
      'matrix.md:7:60 error The row “How often?” has more cells than the table has columns, so “Daily” would be lost, expected one cell under each level\'s column [misplaced-content]',
    ])
  })

  it('is not reported for an empty cell past the last column (no words to lose)', () => {
    expect(messageLines(withMatrixRow('| How often? {#frequency} | Occasional | Constant | |').dir)).toEqual([])
  })

  it('fails the check from the command line, and the build writes nothing', () => {
    const { root } = withMatrixRow('| How often? {#frequency} | Occasional | Constant | Always |')
    const check = thresholds(['check', 'sources/minimal'], root, { env: onTestDay })
    expect(check.status).toBe(1)
    expect(check.stderr).toContain('sources/minimal/matrix.md:7:51 error The row “How often?” has more cells than the table has columns, so “Always” would be lost, expected one cell under each level\'s column [misplaced-content]\n')
    expect(check.stderr.endsWith('\n✖ 1 error, 0 warnings, 0 suppressed in 1 framework\n')).toBe(true)
    const build = thresholds(['build', 'sources/minimal', '--out', 'out'], root, { env: onTestDay })
    expect(build.status).toBe(1)
    expect(existsSync(path.join(root, 'out'))).toBe(false)
  })
})
