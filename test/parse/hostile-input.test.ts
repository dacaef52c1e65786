/**
 * Regression tests for damaged input that the reader used to get wrong: each was found by the
 * property test (test/property/mutations.test.ts) or while writing the hostile-input scenarios
 * (test/cli/hostile.test.ts), and each is here in its smallest form.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BoundedParser } from '../../scripts/parse/bounded.ts'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { readFrameworkFolder } from '../../scripts/parse/read.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { parseMarkdown } from '../../scripts/parse/markdown.ts'
import { frameworkWith, messageLines, modelOf, repoRoot } from '../helpers.ts'

const HEALTH = '---\nid: health\ntitle: Health\n---\n\n## Early Help\n\n'
const errorsOf = (dir: string, prefix: string) => messageLines(dir).filter((line) => line.startsWith(prefix))

describe('positions', () => {
  it('counts front-matter lines ended by a lone carriage return (old Mac files) like any other', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\rid: health\rtitle: [Health\r---\r')
    // Was 2:1 and 3:11: the YAML was read from the wrong offset and as one long line.
    expect(errorsOf(dir, 'domains/01-health.md')).toEqual([
      'domains/01-health.md:3:15 error The front-matter cannot be read here (Flow sequence in block collection must be sufficiently indented and end with a ]), expected “setting: value” lines indented with spaces [yaml-syntax]',
    ])
  })

  it('reads a paragraph over two lines of a file with lone carriage returns (old Mac files) without a message', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Support as soon as a problem emerges.', 'Support as soon as\na problem emerges.').replace(/\n/g, '\r'))
    // Was refused as a character reference to U+000D (unsafe-character), which failed the check.
    expect(errorsOf(dir, 'levels/01-early-help.md')).toEqual([])
    expect(modelOf(dir).levels[0]?.description).toBe('Support as soon as\na problem emerges.')
  })

  it('does not count a byte-order mark as a column when pointing at invalid UTF-8', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'links.md'), Buffer.concat([Buffer.from('\uFEFFbad '), Buffer.from([0xc3, 0x28])]))
    // Was 1:6: the mark counted as a character, unlike everywhere else.
    expect(errorsOf(dir, 'links.md')).toEqual(['links.md:1:5 error “links.md” is not valid UTF-8 text, expected the file to be saved as UTF-8 [file-unreadable]'])
  })
})

describe('files and folders', () => {
  it('refuses files reached through a folder that is a symbolic link out of sources/', () => {
    const { dir } = frameworkWith()
    const outside = mkdtempSync(path.join(tmpdir(), 'thresholds-outside-'))
    try {
      writeFileSync(path.join(outside, '01-secret.md'), '---\nid: secret\ntitle: Secret\n---\n')
      rmSync(path.join(dir, 'domains'), { recursive: true })
      symlinkSync(outside, path.join(dir, 'domains'))
      // Was read as a domain: only the file's own name was checked for being a link.
      expect(errorsOf(dir, 'domains:')).toEqual(['domains:1:1 error The folder “domains/” cannot be read: it is a symbolic link to a folder outside sources/, expected a folder inside the framework folder whose files Thresholds can list [file-unreadable]'])
      expect(modelOf(dir).domains).toEqual([])
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('reports a levels/ folder that is a symbolic link to itself instead of reading no levels', () => {
    const { dir } = frameworkWith()
    rmSync(path.join(dir, 'levels'), { recursive: true })
    symlinkSync('levels', path.join(dir, 'levels'))
    // Was silently skipped: every heading naming a level then looked unknown, and nothing said why.
    expect(errorsOf(dir, 'levels:')).toEqual(['levels:1:1 error The folder “levels/” cannot be read: it is a symbolic link that points back at itself, expected a folder inside the framework folder whose files Thresholds can list [file-unreadable]'])
  })

  it('refuses control characters, which could rewrite the terminal showing a message', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), `${HEALTH}- Missing \u001b[2J immunisations\n`)
    // Was accepted: the escape sequence reached the model and every message quoting the text.
    expect(errorsOf(dir, 'domains/01-health.md')).toEqual(['domains/01-health.md:8:11 error “domains/01-health.md” contains the control character U+001B, expected plain text: delete it or replace it with a space [file-unreadable]'])
  })
})

describe('id blocks', () => {
  it('reports a block cut short instead of publishing it as words', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), `${HEALTH}- Missing immunisations {#health-missing-imm\n`)
    expect(errorsOf(dir, 'domains/01-health.md')).toEqual([
      'domains/01-health.md:8:25 error “{#health-missing-imm” looks like an id block but is not read, expected “{#id}”, closed with “}”, as the last thing on a heading, an indicator or a links.md line, or in the first row or column of the matrix [invalid-attributes]',
    ])
  })

  it('reports a block with a space in the id instead of leaving the whole block in the words', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), `${HEALTH}- Missing immunisations {#health-missing imms}\n`)
    expect(errorsOf(dir, 'domains/01-health.md')).toEqual([
      'domains/01-health.md:8:25 error “imms” in “{#health-missing imms}” is neither an id such as “#early-help” nor a setting such as “age=baby”, expected no spaces inside an id [invalid-attributes]',
    ])
    expect(modelOf(dir).indicators[0]?.text).toBe('Missing immunisations')
  })

  it('does not report the blocks of indicators skipped because of a problem already reported', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle: Health\n---\n\n## Early Hlp\n\n- Missing immunisations {#health-missing-immunisations}\n')
    expect(errorsOf(dir, 'domains/01-health.md')).toEqual(['domains/01-health.md:6:1 error The heading “Early Hlp” names no level, expected a level\'s title or id [unknown-heading]'])
    writeFileSync(path.join(dir, 'domains/01-health.md'), '---\nid: health\ntitle: [Health\n---\n\n## Early Help\n\n- Missing immunisations {#health-missing-immunisations}\n')
    expect(errorsOf(dir, 'domains/01-health.md').map((line) => line.replace(/ error .*\[/, ' ['))).toEqual(['domains/01-health.md:3:15 [yaml-syntax]'])
  })

  it('still leaves ordinary braces alone', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), `${HEALTH}- Missing immunisations {see the note}\n`)
    expect(errorsOf(dir, 'domains/01-health.md')).toEqual([])
  })

  it('reports the block of a heading that lost its “#” and became a paragraph', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'levels/02-child-protection.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('A child is suffering', '!## Procedures {#procedures}\n\nA child is suffering'))
    expect(errorsOf(dir, 'levels/02-child-protection.md')).toEqual([
      'levels/02-child-protection.md:7:16 error “{#procedures}” looks like an id block but is not read, expected “{#id}”, closed with “}”, as the last thing on a heading, an indicator or a links.md line, or in the first row or column of the matrix [invalid-attributes]',
    ])
  })
})

describe('markup read as words', () => {
  it('reports a setting that slipped below the front-matter instead of dropping it', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), '---\nid: early-help\ntitle: Early Help\nrank: 1\n---\nindicatorPolarity: strength\n\nSupport as soon as a problem emerges.\n\n## What to do\n\n- Talk.\n\n## Contacts\n\n- [Front door](#front-door)\n')
    // Was silent: the level's indicators quietly became needs and the line joined the description.
    expect(errorsOf(dir, 'levels/01-early-help.md')).toEqual([
      'levels/01-early-help.md:6:1 error “indicatorPolarity: strength” looks like a setting but is outside the front-matter, expected it between the two “---” lines at the top of the file [misplaced-content]',
    ])
  })

  it('reports a setting that slipped under a bullet point', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'contacts.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Contacts\n', '').replace('- Phone: 999\n', '- Phone: 999\ntitle: Contacts\n'))
    // Was silent: the line joined the phone number and the file lost its title. (The phone rule
    // also sees “999 title: Contacts”, a true consequence of the same slip.)
    expect(errorsOf(dir, 'contacts.md').filter((line) => !line.endsWith('[contact-phone-valid]'))).toEqual([
      'contacts.md:12:1 error “title: Contacts” looks like a setting but is outside the front-matter, expected it between the two “---” lines at the top of the file [misplaced-content]',
    ])
  })

  it('reports front-matter whose first “---” is missing instead of reading a contact called “title: Contacts”', () => {
    const { dir } = frameworkWith()
    const file = path.join(dir, 'contacts.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, ''))
    // (The would-be contact “title: Contacts” is also reported as linked from nowhere.)
    expect(errorsOf(dir, 'contacts.md').filter((line) => !line.endsWith('[contact-referenced]'))).toEqual([
      'contacts.md:1:1 error “title: Contacts” looks like a setting but is outside the front-matter, expected it between the two “---” lines at the top of the file [misplaced-content]',
    ])
  })

  it('reports a table row cut off from its table instead of moving it into the notes', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'matrix.md'), '# Matrix\n\n| Factor | early-help | child-protection |\n| --- | --- | --- |\n| Frequency {#frequency} | Occasional | Constant |\n\n| Severity {#severity} | Moderate | Severe |\n')
    // Was silent: the severity factor vanished from the matrix and its row was published as notes.
    const lines = errorsOf(dir, 'matrix.md')
    expect(lines[0]).toBe('matrix.md:7:1 error “| Severity {#severity} | Moderate | Seve…” looks like a table row but is not part of a table, expected it under the table\'s header row and “| --- |” line, with no blank line between rows [misplaced-content]')
  })

  it('reports a line the table swallowed as a row because no blank line ends the table', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'matrix.md'), '# Matrix\n\n| Factor | early-help | child-protection |\n| --- | --- | --- |\n| Frequency {#frequency} | Occasional | Constant |\nrule: The highest need guides the support.\n')
    // Was silent: the line became a factor of the matrix. (matrix-covers-levels also finds that
    // would-be row empty.)
    expect(errorsOf(dir, 'matrix.md').filter((line) => !line.endsWith('[matrix-covers-levels]'))).toEqual([
      'matrix.md:6:1 error “rule: The highest need guides the suppor…” is read as a row of the table above because no blank line ends the table, expected a blank line before it (or “|” between its cells if it is a row) [misplaced-content]',
    ])
  })
})

describe('HTML and comments', () => {
  const level = (body: string) => `---\nid: early-help\ntitle: Early Help\nrank: 1\n---\n\n${body}\n\n## What to do\n\n- Talk.\n\n## Contacts\n\n- [Front door](#front-door)\n`

  it('reports a comment without its “-->” instead of publishing the note and all that follows', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), level('<!-- note for editors\nSupport as soon as a problem emerges.'))
    expect(errorsOf(dir, 'levels/01-early-help.md')).toContain(
      'levels/01-early-help.md:7:1 error This comment has no closing “-->”, so it runs on and everything after it would be published, expected “<!-- note -->” with both ends [raw-html]',
    )
  })

  it('reports the second half of a comment whose “<!--” is missing', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), level('the end of a note for editors -->'))
    expect(errorsOf(dir, 'levels/01-early-help.md')).toEqual([
      'levels/01-early-help.md:7:31 error “-->” ends a comment that was never started, expected “<!--” at the start of the note (write “→” for an arrow) [raw-html]',
    ])
  })

  it('reports text after a comment on the same line, which was published with the comment', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), level('<!-- note --> Support as soon as a problem emerges.'))
    expect(errorsOf(dir, 'levels/01-early-help.md')).toEqual([
      'levels/01-early-help.md:7:1 error Text follows a comment on the same line (“Support as soon as a problem emerges.”), expected the comment on lines of its own [raw-html]',
    ])
  })

  it('refuses raw HTML, which apps would otherwise receive and might run', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), level('Support <img src=x onerror=alert(1)> now.\n\n<script>alert(1)</script>'))
    expect(errorsOf(dir, 'levels/01-early-help.md')).toEqual([
      'levels/01-early-help.md:7:9 error Raw HTML (“<img src=x onerror=alert(1)>”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]',
      'levels/01-early-help.md:9:1 error Raw HTML (“<script>alert(1)</script>”) is not allowed, expected Markdown: apps show this text as written, and HTML in it could run in their pages [raw-html]',
    ])
  })

  it('drops comments inside a paragraph or list, not only those on lines of their own', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/01-early-help.md'), level('Support <!-- inline note --> as soon as a problem emerges.\n\n- One <!-- note in a list -->'))
    expect(errorsOf(dir, 'levels/01-early-help.md')).toEqual([])
    expect(modelOf(dir).levels[0]?.description).toBe('Support as soon as a problem emerges.\n\n- One')
  })
})

describe('link addresses', () => {
  it('refuses addresses apps must not open, which were published without a word', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'links.md'), '---\ntitle: Links\n---\n\n- [Regional procedures](javascript:alert(1)) {#regional-procedures}\n- [Local guidance](guidance.md) {#local-guidance}\n- [Later](pending:) {#later}\n')
    const file = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Support as soon', 'See [this](javascript:alert(2)), [that](data:text/html,hi), [soon](pending:) and [a page](<https://example.org/a page>). Support as soon'))
    expect(messageLines(dir).filter((line) => line.includes('[link-scheme]'))).toEqual([
      'levels/01-early-help.md:7:5 error The link “this” uses “javascript:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]',
      'levels/01-early-help.md:7:34 error The link “that” uses “data:”, which apps must not open, expected https://, http://, mailto: or tel: [link-scheme]',
      'levels/01-early-help.md:7:61 error The link “soon” is “pending:”, which only links.md may use, expected a link to an entry of links.md such as “[soon](#link-id)” [link-scheme]',
      'levels/01-early-help.md:7:82 error “https://example.org/a page” is not a valid web address, expected one such as https://www.example.org/page (write spaces and other special characters with %, such as %20) [link-scheme]',
      'links.md:5:3 error The address of “Regional procedures” is “javascript:alert(1)”, expected a web address starting https:// (or “pending:” while it is not known) [link-scheme]',
      'links.md:6:3 error The address of “Local guidance” is “guidance.md”, expected a web address starting https:// (or “pending:” while it is not known) [link-scheme]',
    ])
  })
})

describe('parsing within limits', () => {
  it('parses in its worker exactly as in this thread, for every shipped file', () => {
    const parser = new BoundedParser()
    for (const id of ['shropshire', 'solihull']) {
      const dir = path.join(repoRoot, 'sources', id)
      for (const file of readFrameworkFolder(dir, path.dirname(dir)).files)
        expect(parser.parse(file.source, ParseBudget.forBytes(Buffer.byteLength(file.source.text))), file.source.path).toEqual(parseMarkdown(file.source))
    }
    parser.close()
  })

  it('hands out derived ids for thousands of identical bullet points in one pass', () => {
    // Was quadratic: each id tried every taken suffix again, so 130,000 identical bullet points
    // (half a megabyte) kept check busy for many minutes.
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'domains/01-health.md'), `${HEALTH}- Pale {#health-pale-3}\n${'- Pale\n'.repeat(20_000)}`)
    // A budget no machine load can use up: on a busy machine the file once ran out of time here.
    const ids = loadFrameworks([dir], { budget: new ParseBudget({ seconds: 1e6, memoryMb: 1024 }) })[0]?.framework.indicators.map((indicator) => indicator.id)
    expect(ids?.slice(0, 5)).toEqual(['health-pale-3', 'health-pale', 'health-pale-2', 'health-pale-4', 'health-pale-5'])
    expect(new Set(ids).size).toBe(20_001)
    expect(ids?.at(-1)).toBe('health-pale-20001')
  })
})
