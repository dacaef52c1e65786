/**
 * The report as one standalone HTML page: no scripts, no external styles, fonts or images, so it
 * can be attached to a pull request or e-mailed and read offline. Accessible: a language, a
 * title, one h1 and headings in order, tables with captions and th/scope, and added or removed
 * words announced to screen readers, not only shown by colour or strike-through.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'
import { h } from 'hastscript'
import { toHtml } from 'hast-util-to-html'
import { toHast } from 'mdast-util-to-hast'
import type { DiffReport } from '../types.ts'
import { reportTree } from './document.ts'
import { escapeControls } from '../../shared/terminal.ts'

const STYLE = `
:root { color-scheme: light; }
body { font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1, h2, h3, h4, h5 { line-height: 1.25; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0f0f0; padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #767676; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
ins { background: #d7f5dd; color: #0b3d17; text-decoration: underline; }
del { background: #fbe0e0; color: #5c0b0b; text-decoration: line-through; }
blockquote { border-left: 4px solid #8a5300; background: #fff4e0; margin: 1rem 0; padding: 0.5rem 1rem; }
details { border: 1px solid #767676; border-radius: 4px; margin: 1rem 0; padding: 0.5rem 1rem; }
summary { cursor: pointer; font-weight: bold; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`

/** Moves each table's caption (kept as a property on the way through mdast) into a real <caption>. */
function addCaptions(node: HastRoot | Element): void {
  for (const child of node.children as HastContent[]) {
    if (child.type !== 'element') continue
    if (child.tagName === 'table' && typeof child.properties.dataCaption === 'string') {
      const caption = child.properties.dataCaption
      delete child.properties.dataCaption
      child.children.unshift(h('caption', caption))
    }
    addCaptions(child)
  }
}

function textOf(node: HastRoot | ElementContent): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('')
  return ''
}

export function formatDiffHtml(report: DiffReport): string {
  const body = toHast(reportTree(report, 'html')) as HastRoot
  addCaptions(body)
  const title = textOf(body.children.find((child): child is Element => child.type === 'element' && child.tagName === 'h1') ?? { type: 'root', children: [] })
  const page = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en-GB' }, [
      h('head', [h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', title), h('style', STYLE)]),
      h('body', [h('main', body.children as ElementContent[])]),
    ]),
  ])
  return `${escapeControls(toHtml(page))}\n`
}
