/**
 * The one address gate: every address written anywhere in the Markdown goes through the same
 * scheme check and the same link resolution, whatever its spelling and wherever it sits.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isDrivePath, schemeOf } from '../../scripts/shared/addresses.ts'
import { frameworkWith, messageLines, modelOf } from '../helpers.ts'

/** The minimal framework with `text` added to the end of the Early Help level file. */
function withLevelText(text: string): string {
  const { dir } = frameworkWith()
  const file = path.join(dir, 'levels/01-early-help.md')
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${text}\n`)
  return dir
}

const gateLines = (dir: string) => messageLines(dir).filter((line) => /\[(link-scheme|link-resolves)\]/.test(line))
/** The level file has 15 lines and a blank one: added text starts on line 17. */
const unsafe = (at: string, name: string, scheme: string) =>
  `levels/01-early-help.md:${at} error ${name} uses “${scheme}:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]`

describe('the address gate', () => {
  it('refuses unsafe link reference definitions (and the references using them get their address)', () => {
    const dir = withLevelText('See [r], [this][v] and ![img][d].\n\n[r]: javascript:alert(1)\n[v]: VBScript:msgbox(1)\n[d]: data:text/html,hi')
    expect(gateLines(dir)).toEqual([
      unsafe('19:1', 'The link definition “[r]”', 'javascript'),
      unsafe('20:1', 'The link definition “[v]”', 'vbscript'),
      unsafe('21:1', 'The link definition “[d]”', 'data'),
    ])
  })

  it('refuses unsafe images, autolinks and links in headings, tables and footnotes', () => {
    const dir = withLevelText(
      [
        '![x](javascript:alert(1)) and <javascript:alert(2)>',
        '',
        '### [Heading](javascript:alert(3))',
        '',
        '| a |',
        '| - |',
        '| [cell](javascript:alert(4)) |',
        '',
        'Note[^1].',
        '',
        '[^1]: [footnote](javascript:alert(5))',
      ].join('\n'),
    )
    expect(gateLines(dir)).toEqual([
      unsafe('17:1', 'The image “x”', 'javascript'),
      unsafe('17:31', 'The link “javascript:alert(2)”', 'javascript'),
      unsafe('19:5', 'The link “Heading”', 'javascript'),
      unsafe('23:3', 'The link “cell”', 'javascript'),
      unsafe('27:7', 'The link “footnote”', 'javascript'),
    ])
  })

  it('reads every spelling of a scheme: entities, case, tabs and controls inside it, percent-escapes, //host', () => {
    const dir = withLevelText(
      [
        '[a](&#106;avascript:alert(1))',
        '[b](JaVaScRiPt:alert(1))',
        '[c](java&#x09;script:alert(1))',
        '[d](%6Aavascript:alert(1))',
        '',
        '[e]: javascript&colon;alert(1)',
        '[f](//evil.example.com/x)',
      ].join('\n'),
    )
    expect(gateLines(dir)).toEqual([
      unsafe('17:1', 'The link “a”', 'javascript'),
      unsafe('18:1', 'The link “b”', 'javascript'),
      unsafe('19:1', 'The link “c”', 'javascript'),
      unsafe('20:1', 'The link “d”', 'javascript'),
      unsafe('22:1', 'The link definition “[e]”', 'javascript'),
      'levels/01-early-help.md:23:1 error The link “f” starts with “//”, which apps open as an address on another site, expected a full address starting https:// or a link inside the framework [link-scheme]',
    ])
  })

  it('reports a Windows path with a drive letter as an absolute path, like “/x.md”, and never as a scheme', () => {
    const dir = withLevelText(['[a](C:\\\\Users\\\\me\\\\contacts.md)', '[b](c:/contacts.md#front-door)', '![c](D:/logo.png)', '[d](C%3A/contacts.md)', '', 'See [e].', '', '[e]: C:/links.md'].join('\n'))
    const absolute = (at: string, name: string) => `levels/01-early-help.md:${at} error ${name} is an absolute path, not a path from this file, expected an id, a heading in this file, or a file of this framework [link-resolves]`
    expect(gateLines(dir)).toEqual([absolute('17:1', 'The link “a”'), absolute('18:1', 'The link “b”'), absolute('19:1', 'The image “c”'), absolute('20:1', 'The link “d”'), absolute('24:1', 'The link definition “[e]”')])
    // Still an address no app opens: its scheme is the drive letter.
    expect(['C:\\x.md', 'c:/x.md'].map(schemeOf)).toEqual(['c', 'c'])
    expect(isDrivePath('c:x.md')).toBe(false)
  })

  it('resolves internal addresses of definitions, so broken reference links are reported where the address is written', () => {
    const dir = withLevelText('See [r], [x][o] and [y][n].\n\n[r]: #no-such-id\n[o]: ../../outside.md\n[n]: ../outside.md')
    expect(gateLines(dir)).toEqual([
      'levels/01-early-help.md:19:1 error The link definition “[r]” points to “#no-such-id”, which is neither an id in this framework nor a heading in this file, expected an id, a heading in this file, or a file of this framework [link-resolves]',
      'levels/01-early-help.md:20:1 error The link definition “[o]” points outside the framework folder, expected an id, a heading in this file, or a file of this framework [link-resolves]',
      'levels/01-early-help.md:21:1 error The link definition “[n]” points to “../outside.md”, which is not a file of this framework, expected an id, a heading in this file, or a file of this framework [link-resolves]',
    ])
  })

  it('refuses an unsafe address in a contact detail', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'contacts.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- Web: [Portal](javascript:alert(1))\n- Email: [help@example.org](data:text/html,hi)'))
    expect(messageLines(dir).filter((line) => line.includes('[link-scheme]'))).toEqual([
      'contacts.md:9:8 error The link “Portal” uses “javascript:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]',
      'contacts.md:10:10 error The link “help@example.org” uses “data:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]',
    ])
  })

  it('refuses an email detail that is an address apps must not open', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'contacts.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('- Phone: 999', '- Phone: 999\n- Email: <mailto:JAVASCRIPT:alert(1)>').replace('- Phone: 0121 788 4300', '- Phone: 0121 788 4300\n- Email: java&#x09;script:alert(1)//@example.org'))
    expect(messageLines(dir).filter((line) => line.includes('[link-scheme]'))).toEqual([
      'contacts.md:8:1 error The email address of “Front door” starts with “javascript:”, which apps must not open, expected an address such as help@example.org [link-scheme]',
      'contacts.md:14:1 error The email address of “Emergency services” starts with “javascript:”, which apps must not open, expected an address such as help@example.org [link-scheme]',
    ])
  })

  it('reports each address once, though a level reads its text twice (whole, then by section)', () => {
    const dir = withLevelText('## Also\n\n[z](javascript:alert(1))')
    expect(gateLines(dir)).toEqual([unsafe('19:1', 'The link “z”', 'javascript')])
  })

  it('publishes reference links as inline links with the resolved address, without the definitions', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Support as soon as a problem emerges.', 'Support as soon as a [problem][p] emerges, see [the procedures][r].\n\n## More\n\n[p]: ../contacts.md#front-door\n[r]: https://example.org/procedures'))
    expect(gateLines(dir)).toEqual([])
    expect(modelOf(dir).levels[0]?.description).toBe('Support as soon as a [problem](#front-door) emerges, see [the procedures](https://example.org/procedures).')
  })

  it('publishes a reference link with the first of two definitions of its label, as CommonMark does', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Support as soon as a problem emerges.', 'Support as soon as a [problem][x] emerges.\n\n[x]: https://first.example\n[x]: https://second.example'))
    expect(modelOf(dir).levels[0]?.description).toBe('Support as soon as a [problem](https://first.example) emerges.')
  })
})
