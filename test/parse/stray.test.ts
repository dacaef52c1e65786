import { describe, expect, it } from 'vitest'
import { built } from './in-memory.ts'
import { spansOf } from './spans.ts'

/*
 * Stray markup (scripts/parse/stray.ts) in frameworks held in memory: settings below the
 * front-matter, table rows out of place, comments cut short, raw HTML, id blocks not read and
 * addresses apps must not open. Each message is asserted whole, with its severity and the exact
 * start and end of its place.
 */

const LEVEL = 'levels/01-early-help.md'
const FRONT = '---\nid: early-help\ntitle: Early Help\nrank: 1\n---\n\n'
const TAIL = '## What to do\n\n- Talk.\n\n## Contacts\n\n- [Front door](#front-door)\n'
/** The minimal framework's first level, with `body` (ending in a blank line) before its sections. */
const level = (body: string, tail = TAIL): Record<string, string> => ({ [LEVEL]: `${FRONT}${body}${tail}` })
const problems = (files: Record<string, string>): string[] => spansOf(built(files))

const SETTING = 'looks like a setting but is outside the front-matter, expected it between the two “---” lines at the top of the file [misplaced-content]'
const NOT_A_ROW = 'looks like a table row but is not part of a table, expected it under the table\'s header row and “| --- |” line, with no blank line between rows [misplaced-content]'
const SWALLOWED = 'is read as a row of the table above because no blank line ends the table, expected a blank line before it (or “|” between its cells if it is a row) [misplaced-content]'
const ID_BLOCK = 'looks like an id block but is not read, expected “{#id}”, closed with “}”, as the last thing on a heading, an indicator or a links.md line, or in the first row or column of the matrix [invalid-attributes]'

describe('a setting below the front-matter', () => {
  it('in a paragraph and in a bullet point, the line of the setting only', () => {
    expect(problems(level('Support.\nrank: 2\n\n', '## What to do\n\n- Talk.\n  title: X\n\n## Contacts\n\n- [Front door](#front-door)\n'))).toStrictEqual([
      `${LEVEL}:8:1-8:8 error “rank: 2” ${SETTING}`,
      `${LEVEL}:13:1-13:11 error “title: X” ${SETTING}`,
    ])
  })

  it('indented up to three spaces, with spaces before its colon, or under a setext heading; once per paragraph', () => {
    expect(problems(level('Support.\n   rank: 2\nid:\n\nid :\n\nSetext\nrank: 1\n---\n\n'))).toStrictEqual([
      `${LEVEL}:8:1-8:11 error “rank: 2” ${SETTING}`,
      `${LEVEL}:11:1-11:5 error “id :” ${SETTING}`,
      `${LEVEL}:14:1-14:8 error “rank: 1” ${SETTING}`,
    ])
  })

  it('not a setting: no space after its colon, four spaces of indent (code), a setting of another kind of file', () => {
    expect(problems(level('Support.\n\n   id:x\n\n    rank: 3\n\nindicatorLayout: by-level\n\n'))).toStrictEqual([])
  })

  it('a line read as the last of a file with CR LF line ends, its end before the CR', () => {
    const text = `${FRONT}Support.\nrank: 2\n\n${TAIL}`.replace(/\n/g, '\r\n')
    expect(problems({ [LEVEL]: text })).toStrictEqual([`${LEVEL}:8:1-8:8 error “rank: 2” ${SETTING}`])
  })

  it('in contacts.md and in a domain file, by the settings of that kind of file', () => {
    expect(
      problems({
        'contacts.md': '---\ntitle: Contacts\n---\n\ntitle: again\n\n## Front door {#front-door}\n\n- Phone: 0121 788 4300\n\n## Emergency services {#emergency}\n\n- Phone: 999\n- Emergency: yes\n',
      }),
    ).toStrictEqual([`contacts.md:5:1-5:13 error “title: again” ${SETTING}`])
  })

  it('a long setting is quoted up to 40 characters', () => {
    expect(problems(level(`title: ${'x'.repeat(40)}\n\n`))).toStrictEqual([`${LEVEL}:7:1-7:48 error “title: ${'x'.repeat(33)}…” ${SETTING}`])
    expect(problems(level(`title: ${'x'.repeat(33)}\n\n`))).toStrictEqual([`${LEVEL}:7:1-7:41 error “title: ${'x'.repeat(33)}” ${SETTING}`])
  })

  it('with nothing after its colon, or a tab; not a word ending in the name of a setting', () => {
    expect(problems(level('id:\n\ntitle:\tX\n\nPaid: yes\n\n'))).toStrictEqual([`${LEVEL}:7:1-7:4 error “id:” ${SETTING}`, `${LEVEL}:9:1-9:9 error “title:\tX” ${SETTING}`])
  })

  it('in a file with lone CR line ends', () => {
    expect(problems({ [LEVEL]: `${FRONT}Support.\nrank: 2\n\n${TAIL}`.replace(/\n/g, '\r') })).toStrictEqual([`${LEVEL}:8:1-8:8 error “rank: 2” ${SETTING}`])
  })
})

describe('table rows out of place', () => {
  it('a row without its table, indented or not; a line with one “|” is no row', () => {
    expect(problems(level('Support.\n\n| a | b |\n\n|a\n\n   | c |\n\n'))).toStrictEqual([
      `${LEVEL}:9:1-9:10 error “| a | b |” ${NOT_A_ROW}`,
      `${LEVEL}:13:4-13:9 error “| c |” ${NOT_A_ROW}`,
    ])
  })

  it('quoted without the spaces around it; not a line with words before its first “|”', () => {
    expect(problems(level('Support.\n  | a | b |  \n\nabc| x | y |\n\nText | a | b |\n\n', '## What to do\n\n| h | i |\n| - | - |\n| 1 | 2 |\n  no pipe  \n\n## Contacts\n\n- [Front door](#front-door)\n'))).toStrictEqual([
      `${LEVEL}:8:1-8:14 error “| a | b |” ${NOT_A_ROW}`,
      `${LEVEL}:19:3-19:12 error “no pipe” ${SWALLOWED}`,
    ])
  })

  it('a line the table above swallowed as a row: the first only', () => {
    expect(problems(level('Support.\n\n', '## What to do\n\n| h | i |\n| - | - |\n| 1 | 2 |\nno pipe here\nnor here\n\n## Contacts\n\n- [Front door](#front-door)\n'))).toStrictEqual([
      `${LEVEL}:14:1-14:13 error “no pipe here” ${SWALLOWED}`,
    ])
  })

  it('in a domain file, after rows that are rows', () => {
    expect(
      problems({
        'domains/01-health.md':
          '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Missing immunisations {#health-missing-immunisations}\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n\n| h | i |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\nno pipe\n',
      }),
    ).toStrictEqual([`domains/01-health.md:18:1-18:8 error “no pipe” ${SWALLOWED}`])
  })

  it('a row on the last line of a file with no line end', () => {
    expect(problems({ [LEVEL]: `${FRONT}Support.\n\n${TAIL}\n| a | b |` })).toStrictEqual([
      `${LEVEL}:17:1-17:10 error “| a | b |” ${NOT_A_ROW}`,
      `${LEVEL}:13:1-13:12 error The “Contacts” heading should hold only a bullet list of links to contacts, such as “- [First Point of Contact](#fpoc)” [misplaced-content]`,
    ])
  })
})

describe('comments and raw HTML', () => {
  it('a comment with no “-->”: from its start to the end of the file', () => {
    expect(problems(level('Support.\n\n<!-- open\n\n'))).toStrictEqual([
      `${LEVEL}:9:1-18:1 error This comment has no closing “-->”, so it runs on and everything after it would be published, expected “<!-- note -->” with both ends [raw-html]`,
    ])
  })

  it('text after a comment, raw HTML blocks and inline tags, a “-->” or “<!--” alone in the words; a whole comment is dropped', () => {
    expect(
      problems(
        level(
          'Support.\n\n  <!-- a --> b\n\n<!-- fine -->\n\n <span>x</span>\n\n<div>x</div>\n\n',
          '## What to do\n\n- Talk --> now.\n- a <!-- b\n- c <!-- d --> e\n- Go <b>now</b>.\n\n## Contacts\n\n- [Front door](#front-door)\n',
        ),
      ),
    ).toStrictEqual([
      `${LEVEL}:9:1-9:15 error Text follows a comment on the same line (“b”), expected the comment on lines of its own [raw-html]`,
      `${LEVEL}:13:2-13:8 error Raw HTML (“<span>”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]`,
      `${LEVEL}:13:9-13:16 error Raw HTML (“</span>”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]`,
      `${LEVEL}:15:1-15:13 error Raw HTML (“<div>x</div>”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]`,
      `${LEVEL}:19:8-19:11 error “-->” ends a comment that was never started, expected “<!--” at the start of the note (write “→” for an arrow) [raw-html]`,
      `${LEVEL}:20:5-20:9 error “<!--” starts a comment that is never ended, expected “-->” at the end of the note [raw-html]`,
      `${LEVEL}:22:6-22:9 error Raw HTML (“<b>”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]`,
      `${LEVEL}:22:12-22:16 error Raw HTML (“</b>”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]`,
    ])
  })

  it('an HTML block holding a comment, two comments with words between, a long or indented block; a “<!--” written as a reference', () => {
    const html = (text: string) => `Raw HTML (“${text}”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]`
    expect(
      problems(level('<div><!-- c --></div>\n\n<!-- a --> b <!-- c -->\n\n<!-- a --> <!-- b -->\n\n<div class="a-long-class-name">some words</div>\n\n  <p>x</p>\n\nNote &lt;!-- here\n\n')),
    ).toStrictEqual([
      `${LEVEL}:7:1-7:22 error ${html('<div><!-- c --></div>')}`,
      `${LEVEL}:9:1-9:24 error Text follows a comment on the same line (“b”), expected the comment on lines of its own [raw-html]`,
      `${LEVEL}:13:1-13:48 error ${html('<div class="a-long-class-name">some word…')}`,
      `${LEVEL}:15:1-15:11 error ${html('<p>x</p>')}`,
      `${LEVEL}:17:1-17:18 error “<!--” starts a comment that is never ended, expected “-->” at the end of the note [raw-html]`,
    ])
  })

  it('a “-->” before a “<!--” in the same words is the one reported, and a “<!--” before a “-->”', () => {
    expect(problems(level('Support --> then <!-- here.\n\nAnd <!-- then --> there.\n\n'))).toStrictEqual([
      `${LEVEL}:7:9-7:12 error “-->” ends a comment that was never started, expected “<!--” at the start of the note (write “→” for an arrow) [raw-html]`,
    ])
  })
})

describe('id blocks not read', () => {
  it('cut short, with words after them, or where none is read: at their “{#”', () => {
    expect(problems(level('Support {#abc\n\n', '## What to do {#w\n\n- Talk {#x} y {#z\n\n## Contacts\n\n- [Front door](#front-door)\n'))).toStrictEqual([
      `${LEVEL}:7:9-7:11 error “{#abc” ${ID_BLOCK}`,
      `${LEVEL}:9:15-9:17 error “{#w” ${ID_BLOCK}`,
      `${LEVEL}:11:8-11:10 error “{#x} y {#z” ${ID_BLOCK}`,
    ])
  })

  it('written with a character reference: the words that hold it, as there is no “{#” in the source', () => {
    expect(problems(level('Support &#123;#x and more.\n\n'))).toStrictEqual([`${LEVEL}:7:1-7:27 error “{#x and more.” ${ID_BLOCK}`])
  })

  it('not reported under a heading already reported, where nothing is read', () => {
    expect(
      problems({
        'domains/01-health.md':
          '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n- Missing immunisations {#health-missing-immunisations}\n\n## Child protection\n\n- Untreated serious injury {#health-untreated-injury}\n\n## Not a level\n\n- Words {#half\n\ntitle: again\n',
      }),
    ).toStrictEqual([
      `domains/01-health.md:18:1-18:13 error “title: again” ${SETTING}`,
      'domains/01-health.md:14:1-14:15 error The heading “Not a level” names no level, expected a level\'s title or id [unknown-heading]',
    ])
  })
})

describe('addresses apps must not open', () => {
  it('in a level’s words: “pending:”, “//”, a script, an invalid web address; links, images and definitions alike', () => {
    expect(
      problems(level('Support [a](pending:) [b](//evil.org) [c](javascript:alert(1)) [d](https://x.org/%zz) <https://ok.org>.\n\n![pic](javascript:x) and [ref][r].\n\n[r]: //evil.org\n\n')),
    ).toStrictEqual([
      `${LEVEL}:7:9-7:22 error The link “a” is “pending:”, which only links.md may use, expected a link to an entry of links.md such as “[a](#link-id)” [link-scheme]`,
      `${LEVEL}:7:23-7:38 error The link “b” starts with “//”, which apps open as an address on another site, expected a full address starting https:// or a link inside the framework [link-scheme]`,
      `${LEVEL}:7:39-7:63 error The link “c” uses “javascript:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]`,
      `${LEVEL}:7:64-7:86 error “https://x.org/%zz” is not a valid web address, expected one such as https://www.example.org/page (write spaces and other special characters with %, such as %20) [link-scheme]`,
      `${LEVEL}:9:1-9:21 error The image “pic” uses “javascript:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]`,
      `${LEVEL}:11:1-11:16 error The link definition “[r]” starts with “//”, which apps open as an address on another site, expected a full address starting https:// or a link inside the framework [link-scheme]`,
    ])
  })

  it('in a level’s words, mailto:, tel: and paths are allowed; an invalid http: address is not', () => {
    expect(problems(level('Support.\n\n', '## What to do\n\n- Talk [mail](mailto:a@b.org) [call](tel:999) [x](../contacts.md) [h](http://x.org/%zz).\n\n## Contacts\n\n- [Front door](#front-door)\n'))).toStrictEqual([
      `${LEVEL}:11:67-11:88 error “http://x.org/%zz” is not a valid web address, expected one such as https://www.example.org/page (write spaces and other special characters with %, such as %20) [link-scheme]`,
    ])
  })

  it('a Windows path with a drive letter is left to link resolution (an absolute path); a letter and “:” with no slash is a scheme', () => {
    expect(problems(level('Support [a](C:\\x.md) [b](c:/y.md) [s](c:x.md).\n\n'))).toStrictEqual([
      `${LEVEL}:7:35-7:46 error The link “s” uses “c:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]`,
    ])
  })

  it('in links.md, spaces inside “<…>” around a web address are not part of it', () => {
    expect(problems({ 'links.md': '---\ntitle: Links\n---\n\n- [F](< https://example.org/f >) {#f}\n- [G](<https://example.org/g >) {#g}\n' })).toStrictEqual([])
  })

  it('in links.md: anything but a web address, “pending:” or a placeholder; the address when the entry has no words', () => {
    expect(
      problems({
        'links.md':
          '---\ntitle: Links\n---\n\n- [A](ftp://x.org/a) {#a}\n- [B](pending:) {#b}\n- [C](TODO) {#c}\n- [D](http://x.org) {#d}\n- [E](<https://exa mple.org>) {#e}\n- [](ftp://x.org) {#f}\n- [H](HTTPS://x.org/h) {#h}\n- [I](mailto:a@b.org) {#i}\n',
      }),
    ).toStrictEqual([
      'links.md:5:3-5:21 error The address of “A” is “ftp://x.org/a”, expected a web address starting https:// (or “pending:” while it is not known) [link-scheme]',
      'links.md:9:3-9:30 error “https://exa mple.org” is not a valid web address, expected one such as https://www.example.org/page (write spaces and other special characters with %, such as %20) [link-scheme]',
      'links.md:10:3-10:18 error The address of “ftp://x.org” is “ftp://x.org”, expected a web address starting https:// (or “pending:” while it is not known) [link-scheme]',
      'links.md:12:3-12:22 error The address of “I” is “mailto:a@b.org”, expected a web address starting https:// (or “pending:” while it is not known) [link-scheme]',
    ])
  })
})

describe('stray markup of several kinds in one file', () => {
  it('is reported kind by kind, settings, then table rows, then HTML, whatever order the lines come in', () => {
    const html = 'is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]'
    expect(problems(level('<b>Bold</b>\n\n| a | b |\n\nSupport.\nrank: 2\n\n'))).toStrictEqual([
      `${LEVEL}:12:1-12:8 error “rank: 2” ${SETTING}`,
      `${LEVEL}:9:1-9:10 error “| a | b |” ${NOT_A_ROW}`,
      `${LEVEL}:7:1-7:4 error Raw HTML (“<b>”) ${html}`,
      `${LEVEL}:7:8-7:12 error Raw HTML (“</b>”) ${html}`,
    ])
  })
})
