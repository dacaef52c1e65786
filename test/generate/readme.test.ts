/**
 * The package README lists every framework in a Markdown table: a title written over several
 * lines, or holding Markdown, stays words in its own cell.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { md } from '../../scripts/generate/package.ts'
import { frameworkWith, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const HOSTILE_TITLE = 'Minimal\\n# Injected heading\\n\\n| a | b |\\n[link](https://evil.example.com) *x* <b>y</b> &amp; ~~z~~ ![i](x.png)'

function tableOf(readme: string): { headings: string[]; rows: string[][] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readme) as Root
  const table = tree.children.find((node): node is Table => node.type === 'table')
  return {
    headings: tree.children.filter((node) => node.type === 'heading').map((node) => toString(node)),
    rows: (table?.children ?? []).map((row) => row.children.map((cell) => toString(cell))),
  }
}

describe('package README', () => {
  it('md() keeps text on one line and escapes what Markdown would read', () => {
    expect(md('Early\nHelp\r\n  now\u2028here')).toBe('Early Help now here')
    expect(md('a | b *c* <d> [e](f) `g` #h &amp; ~i~ !j _k_ \\l')).toBe('a \\| b \\*c\\* \\<d\\> \\[e\\](f) \\`g\\` \\#h \\&amp; \\~i\\~ \\!j \\_k\\_ \\\\l')
  })

  it('a title over several lines stays one cell of one row, through the real CLI', () => {
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'framework.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Minimal Framework', `title: "${HOSTILE_TITLE}"`))
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bin/thresholds.js'), 'build', '--no-cache'], { cwd: root, encoding: 'utf8', timeout: HANG_MS })
    expect(run.status, run.stderr).toBe(0)
    const { headings, rows } = tableOf(readFileSync(path.join(root, 'generated/README.md'), 'utf8'))
    // The README's own headings, and no other: the title made none.
    expect(headings.filter((heading) => !['@thresholds/frameworks', 'Use', 'Licence', 'Versions'].includes(heading))).toEqual([])
    expect(headings[0]).toBe('@thresholds/frameworks')
    expect(rows).toHaveLength(2)
    expect(rows[1]?.[0]).toBe('minimal: Minimal # Injected heading | a | b | [link](https://evil.example.com) *x* <b>y</b> &amp; ~~z~~ ![i](x.png)')
    expect(rows[1]?.slice(1)).toEqual(['Example Safeguarding Partnership', '1.0', 'draft', '2', '1', '2', '2'])
  })
})
