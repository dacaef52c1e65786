import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { DiffReport } from '../types.ts'
import { reportTree } from './document.ts'

/** The report as GitHub-flavoured Markdown: for a pull-request comment or $GITHUB_STEP_SUMMARY. */
export function formatDiffMarkdown(report: DiffReport): string {
  return toMarkdown(reportTree(report), { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true })
}
