import { describe, expect, it } from 'vitest'
import { formatMarkdown } from '../../scripts/report/markdown.ts'
import { brokenLinkAndPolarity, checkedMinimal, edit, twoPendingLinks, twoSuppressions } from './content.ts'

describe('markdown report (CI job summary)', () => {
  it('lists every finding, errors first, with its place, rule and message', () => {
    const { root, input } = checkedMinimal((dir) => {
      brokenLinkAndPolarity(dir)
      twoPendingLinks(dir)
    })
    const lines = formatMarkdown(input, { cwd: root }).split('\n')
    expect(lines[0]).toBe('### Thresholds check: 3 errors, 2 warnings, 0 suppressed in 1 framework')
    const rows = lines.filter((line) => /^\| (error|warning) \|/.test(line))
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| error', '| error', '| error', '| warning', '| warning'])
    expect(rows).toContain(
      '| error | <code>sources/minimal/levels/01-early-help.md:15:3</code> | [link\\-resolves](https://github.com/thresholds/thresholds/blob/main/docs/rules.md#link-resolves) | The link “Front door” points to “\\#front\\-dor”, which is neither an id in this framework nor a heading in this file did you mean “\\#front\\-door”? |',
    )
  })

  it('lists more findings than GitHub shows as annotations: none is capped', () => {
    const { root, input } = checkedMinimal((dir) => {
      let links = ''
      for (let index = 0; index < 60; index++) links += `- [Broken ${index}](#nowhere-${index})\n`
      edit(dir, 'levels/01-early-help.md', '- Talk to the family.', `- Talk to the family.\n${links}`)
    })
    const rows = formatMarkdown(input, { cwd: root }).split('\n').filter((line) => line.startsWith('| error |'))
    expect(rows.length).toBeGreaterThanOrEqual(60)
  })

  it('keeps a message from breaking the table or becoming a link, an image, a mention or HTML', () => {
    const { root, input } = checkedMinimal(brokenLinkAndPolarity)
    const message = input.files[0]?.messages[0]
    if (!message) throw new Error('expected a message')
    message.reason = 'a | b ![x](https://evil.example/i.png) <img src=x> @someone\nnext line'
    const row = formatMarkdown(input, { cwd: root }).split('\n').find((line) => line.includes('a \\| b'))
    expect(row).toContain('a \\| b \\!\\[x\\]\\(https://evil\\.example/i\\.png\\) &lt;img src=x\\> &#64;someone next line did you mean')
  })

  it('lists suppressions with their reasons, folded away', () => {
    const { root, input } = checkedMinimal(twoSuppressions)
    const text = formatMarkdown(input, { cwd: root })
    expect(text).toContain('<details><summary>Suppressed, with the reasons given</summary>')
    expect(text).toMatch(/\| <code>sources\/minimal\/levels\/02-child-protection\.md:\d+:\d+<\/code> \| link\\-resolves \| the heading is added in the next release \|/)
  })
})
