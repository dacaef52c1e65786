import { describe, expect, it } from 'vitest'
import { escapeData, escapeProperty, formatGithub } from '../../scripts/report/github.ts'
import { brokenLinkAndPolarity, checkedMinimal, edit, twoPendingLinks } from './content.ts'

describe('github report', () => {
  it('writes one workflow command per message, with the path relative to the working directory', () => {
    const { root, input } = checkedMinimal((dir) => {
      brokenLinkAndPolarity(dir)
      twoPendingLinks(dir)
    })
    const lines = formatGithub(input, { cwd: root }).trimEnd().split('\n')
    expect(lines).toHaveLength(5)
    expect(lines).toContain(
      '::error file=sources/minimal/levels/01-early-help.md,line=15,col=3,endLine=15,endColumn=27,title=link-resolves::The link “Front door” points to “#front-dor”, which is neither an id in this framework nor a heading in this file%0Adid you mean “#front-door”?%0Ahttps://github.com/thresholds/thresholds/blob/main/docs/rules.md#link-resolves',
    )
    expect(lines).toContain(
      '::error file=sources/minimal/domains/01-health.md,line=8,col=25,endLine=8,endColumn=73,title=invalid-attributes::“polarity=neutral” is not a polarity, expected “polarity=strength” or “polarity=need”%0Adid you mean “strength” or “need”?%0Ahttps://github.com/thresholds/thresholds/blob/main/docs/rules.md#invalid-attributes',
    )
    expect(lines.filter((line) => line.startsWith('::warning file=sources/minimal/links.md,line='))).toHaveLength(2)
  })

  it('leaves warnings out with quiet', () => {
    const { root, input } = checkedMinimal(twoPendingLinks)
    expect(formatGithub(input, { cwd: root })).toContain('::warning ')
    expect(formatGithub(input, { cwd: root, quiet: true })).toBe('')
  })

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b')
    expect(escapeProperty('dir,with:colon%\n')).toBe('dir%2Cwith%3Acolon%25%0A')
    // A link text over two lines, with a percent sign, in a file whose path has a comma and a colon.
    const { root, input } = checkedMinimal((dir) => edit(dir, 'levels/02-child-protection.md', 'A child is suffering', 'See [100%\nsure, really](#nowhere). A child is suffering'))
    const file = input.files[0]
    if (!file) throw new Error('expected a message')
    file.path = `${root}/sources/minimal/levels/a,b:c.md`
    const line = formatGithub(input, { cwd: root }).trimEnd()
    expect(line.split('\n')).toHaveLength(1)
    // Columns are left out when the place spans two lines.
    expect(line).toMatch(/^::error file=sources\/minimal\/levels\/a%2Cb%3Ac\.md,line=7,endLine=8,title=link-resolves::The link “100%25 sure, really” points to “#nowhere”, /)
    // The docs link goes on a second line of the message, which must stay on one line of output.
    expect(line).toMatch(/%0Ahttps:\/\/github\.com\/thresholds\/thresholds\/blob\/main\/docs\/rules\.md#link-resolves$/)
  })
})
