import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { DiffReport } from '../types.ts'
import { reportTree } from './document.ts'
import { escapeControls } from '../../shared/terminal.ts'

/** The report as GitHub-flavoured Markdown: for a pull-request comment or $GITHUB_STEP_SUMMARY. */
export function formatDiffMarkdown(report: DiffReport): string {
  // Printed to a terminal or a CI log as often as posted: controls in content are shown, never sent.
  const markdown = toMarkdown(reportTree(report, 'markdown'), { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true })
  return escapeControls(markdown.endsWith('\n') ? markdown : `${markdown}\n`)
}
