import { phrasing } from './plain-phrasing.ts'
import type { RenderedField } from './rendered-field.ts'

// A GFM table of plain cells rendered as the full path renders it (plain-field.ts): HTML as
// mdast-util-to-hast makes it, Markdown as mdast-util-gfm-table writes it (through markdown-table:
// columns padded to their longest cell, the rule row as long), and a line of text per row.

type Alignment = 'left' | 'right' | 'center' | undefined

/** A cell of the rule row: dashes, a colon at either end for the column's alignment. */
const RULE = /^:?-+:?$/

/**
 * The table in `lines` (a header row, the rule row, body rows), when every row starts and ends with
 * `|` and has as many cells as the header, and every cell is words `phrasing` takes; undefined
 * otherwise.
 */
export function plainTable(lines: readonly string[], addresses: ReadonlyMap<string, string | undefined>): RenderedField | undefined {
  const [headLine, ruleLine, ...bodyLines] = lines
  if (headLine === undefined || ruleLine === undefined || bodyLines.length === 0) return undefined
  const rule = cellsOf(ruleLine)
  if (!rule?.every((cell) => RULE.test(cell))) return undefined
  const align = rule.map(alignmentOf)
  const rows: RenderedField[][] = []
  for (const line of [headLine, ...bodyLines]) {
    const cells = cellsOf(line)
    if (cells?.length !== rule.length) return undefined
    const row: RenderedField[] = []
    for (const cell of cells) {
      const words = phrasing(cell, addresses)
      if (!words) return undefined
      row.push(words)
    }
    rows.push(row)
  }
  const [head, ...body] = rows as [RenderedField[], ...RenderedField[][]]
  const htmlRow = (row: RenderedField[], tag: string) => `<tr>\n${row.map((cell, column) => `<${tag}${align[column] ? ` align="${align[column]}"` : ''}>${cell.html}</${tag}>`).join('\n')}\n</tr>`
  return {
    markdown: markdownTable(rows.map((row) => row.map((cell) => cell.markdown)), align),
    html: `<table>\n<thead>\n${htmlRow(head, 'th')}\n</thead>\n<tbody>\n${body.map((row) => htmlRow(row, 'td')).join('\n')}\n</tbody>\n</table>`,
    text: rows.map((row) => row.map((cell) => cell.text).join(' | ')).join('\n'),
  }
}

/** The cells of a row written `| a | b |`, spaces around each taken off; undefined for any other row. */
function cellsOf(line: string): string[] | undefined {
  if (line.length < 2 || !line.startsWith('|') || !line.endsWith('|')) return undefined
  return line
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.replace(/^ +| +$/g, ''))
}

function alignmentOf(rule: string): Alignment {
  const left = rule.startsWith(':')
  const right = rule.endsWith(':')
  return left && right ? 'center' : left ? 'left' : right ? 'right' : undefined
}

/** As markdown-table writes a table for mdast-util-gfm-table's defaults: each cell padded to its column's width, the rule row's dashes as wide. */
function markdownTable(rows: readonly string[][], align: readonly Alignment[]): string {
  const widths = align.map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)))
  const rule = align.map((alignment, column) => {
    const before = alignment === 'left' || alignment === 'center' ? ':' : ''
    const after = alignment === 'right' || alignment === 'center' ? ':' : ''
    const cell = `${before}${'-'.repeat(Math.max(1, (widths[column] as number) - before.length - after.length))}${after}`
    widths[column] = Math.max(widths[column] as number, cell.length)
    return cell
  })
  const line = (row: readonly string[]) =>
    `|${row
      .map((cell, column) => {
        const space = (widths[column] as number) - cell.length
        const alignment = align[column]
        if (alignment === 'right') return ` ${' '.repeat(space)}${cell} |`
        if (alignment === 'center') return ` ${' '.repeat(Math.ceil(space / 2))}${cell}${' '.repeat(Math.floor(space / 2))} |`
        return ` ${cell}${' '.repeat(space)} |`
      })
      .join('')}`
  const [head, ...body] = rows as [string[], ...string[][]]
  return [line(head), line(rule), ...body.map(line)].join('\n')
}
