import { describe, expect, it } from 'vitest'
import { diffVersions } from '../../scripts/diff/index.ts'
import { formatDiffHtml } from '../../scripts/diff/report/html.ts'
import { formatDiffMarkdown } from '../../scripts/diff/report/markdown.ts'
import { normaliseWords, wordDiff } from '../../scripts/diff/words.ts'
import { wordsInline } from '../../scripts/diff/report/document.ts'
import { emptyFramework } from '../../scripts/diff/model.ts'
import type { Framework } from '../../scripts/model/types.ts'

const side = { label: 'sample', source: 'memory' as const }

function framework(text: string, level = 'early-help'): Framework {
  return {
    ...emptyFramework('sample'),
    title: 'Sample <b>framework</b>',
    partnership: 'Partnership',
    version: '1.0',
    levels: [
      { id: 'early-help', title: 'Early Help', rank: 1, order: 0, contacts: [], links: [], sections: [], children: [] },
      { id: 'child-protection', title: 'Child <i>protection</i>', rank: 2, order: 1, contacts: [], links: [], sections: [], children: [] },
    ],
    domains: [{ id: 'health', title: 'Health & <u>care</u>', children: [] }],
    indicators: [{ id: 'health-x', domain: 'health', level, polarity: 'need', text }],
  }
}

describe('word diffs', () => {
  it('marks whole words, keeping punctuation with its word', () => {
    expect(wordDiff('Missing immunisations/checks', 'Missing immunisations or checks')).toEqual([
      { op: 'equal', text: 'Missing ' },
      { op: 'delete', text: 'immunisations/checks' },
      { op: 'insert', text: 'immunisations or checks' },
    ])
  })

  it('keeps a change of spacing alone as spacing, which the report does not mark', () => {
    expect(wordDiff('a  b', 'a b')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: '  ' },
      { op: 'insert', text: ' ' },
      { op: 'equal', text: 'b' },
    ])
    expect(wordsInline(wordDiff('a  b', 'a b')).every((node) => node.type === 'text')).toBe(true)
  })

  it('puts deletions before insertions and merges neighbours', () => {
    expect(normaliseWords([{ op: 'insert', text: 'b ' }, { op: 'delete', text: 'a ' }, { op: 'insert', text: 'c' }, { op: 'equal', text: '' }])).toEqual([
      { op: 'delete', text: 'a ' },
      { op: 'insert', text: 'b c' },
    ])
  })
})

describe('reports of hostile content', () => {
  const report = diffVersions([framework('Frequent <script>alert(1)</script> accidents')], [framework('Frequent [click](javascript:alert(1)) <img src=x onerror=alert(1)> accidents', 'child-protection')], { old: side, new: side })

  it('escapes Markdown and HTML in Markdown, so a pull-request comment shows the text as text', () => {
    const markdown = formatDiffMarkdown(report)
    expect(markdown).toContain('\\<script>alert(1)\\</script>')
    expect(markdown).toContain('\\[click]\\(javascript:alert(1))')
    expect(markdown).toContain('\\<img src=x onerror=alert(1)>')
    expect(markdown).toContain('Sample \\<b>framework\\</b>')
    expect(markdown).not.toMatch(/(?<!\\)<(script|img|b|i|u)\b/)
  })

  it('encodes everything in the HTML page: no content becomes an element or an attribute', () => {
    const html = formatDiffHtml(report)
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>|href=/)
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>')
    expect(html).toContain('Child &#x3C;i>protection&#x3C;/i>')
  })
})

describe('the empty report', () => {
  it('says there are no changes', () => {
    const report = diffVersions([framework('Same')], [framework('Same')], { old: side, new: side })
    expect(formatDiffMarkdown(report)).toBe('# What changed: `sample` → `sample`\n\nNo changes in 1 framework.\n\n## Sample \\<b>framework\\</b>\n\nFrom version 1.0 in `sample` to version 1.0 in `sample`.\n\nNo changes.\n')
  })
})
