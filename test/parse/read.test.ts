/**
 * The reader on its own (scripts/parse/read.ts): which files of a framework folder it reads, and
 * what it says, at which place, about every one it refuses or does not read. In this process, on
 * small folders made in a temporary sources/ folder: nothing here parses Markdown.
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeUtf8, displayPath, displayPathsIn, joinerIn, MAX_FILE_BYTES, readFrameworkFolder, sourcesOf, stampOf, type FrameworkFolder, type SourceStamps } from '../../scripts/parse/read.ts'
import { severityOf } from '../../scripts/shared/diagnostics.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'

/** A fresh `<root>/sources/<id>/` holding `files` (path → text or bytes); folders named with a trailing slash. */
function folderWith(files: Record<string, string | Buffer> = {}, id = 'demo'): { root: string; sources: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-read-'))
  const sources = path.join(root, 'sources')
  const dir = path.join(sources, id)
  mkdirSync(dir, { recursive: true })
  for (const [name, content] of Object.entries(files)) {
    const absolute = path.join(dir, name)
    if (name.endsWith('/')) mkdirSync(absolute, { recursive: true })
    else {
      mkdirSync(path.dirname(absolute), { recursive: true })
      writeFileSync(absolute, content)
    }
  }
  return { root, sources, dir }
}

const FRAMEWORK = '---\nid: demo\n---\n# Demo\n'

/** Reads `dir` with paths shown from `root`, as the CLI run there shows them. */
function read(dir: string, root: string, options: { stamps?: SourceStamps } = {}): FrameworkFolder {
  const folder = readFrameworkFolder(dir, path.join(root, 'sources'), [], root, options.stamps)
  // A file refused or not read has no text, so no rule can read words from it.
  const unreadSources = [folder.folderFile, ...folder.unread, ...folder.files.filter((file) => !file.readable).map((file) => file.source)]
  expect(unreadSources.filter((source) => source.text !== '').map((source) => source.relative)).toEqual([])
  return folder
}

/** Every message of the folder, as `path:line:column severity reason [rule]`. */
function said(folder: FrameworkFolder): string[] {
  return sourcesOf(folder).flatMap((source) => source.vfile.messages.map((message) => `${source.path}:${message.line}:${message.column} ${severityOf(message)} ${message.reason} [${message.ruleId}]`))
}

/** Where each message of the folder starts and ends, as `relative line:column-line:column`. */
function spans(folder: FrameworkFolder): string[] {
  return sourcesOf(folder).flatMap((source) =>
    source.vfile.messages.map((message) => {
      const place = message.place && 'start' in message.place ? message.place : undefined
      return `${source.relative} ${place?.start.line}:${place?.start.column}-${place?.end.line}:${place?.end.column}`
    }),
  )
}

/** The files the reader gives back, as `kind relative (readable|refused)`. */
function filesOf(folder: FrameworkFolder): string[] {
  return folder.files.map((file) => `${file.kind} ${file.source.relative} ${file.readable ? 'readable' : 'refused'}`)
}

const unreadOf = (folder: FrameworkFolder) => folder.unread.map((source) => source.path)

describe('the files a framework folder is read from', () => {
  it('reads the files the format defines, each as its kind, in name order, with their text', () => {
    const { root, dir } = folderWith({
      'framework.md': FRAMEWORK,
      'contacts.md': '# Contacts\n',
      'links.md': '# Links\n',
      'matrix.md': '# Matrix\n',
      'rules.yaml': 'rules: {}\n',
      'levels/02-b.md': 'B',
      'levels/01-a.md': 'A',
      'domains/01-health.md': 'H',
      'sections/01-about.md': 'S',
    })
    const folder = read(dir, root)
    expect(folder.id).toBe('demo')
    expect(filesOf(folder)).toEqual([
      'contacts contacts.md readable',
      'domain domains/01-health.md readable',
      'framework framework.md readable',
      'level levels/01-a.md readable',
      'level levels/02-b.md readable',
      'links links.md readable',
      'matrix matrix.md readable',
      'rules rules.yaml readable',
      'section sections/01-about.md readable',
    ])
    expect(folder.files.map((file) => file.source.text)).toEqual(['# Contacts\n', 'H', FRAMEWORK, 'A', 'B', '# Links\n', '# Matrix\n', 'rules: {}\n', 'S'])
    expect(folder.files.map((file) => file.source.path)[1]).toBe('sources/demo/domains/01-health.md')
    expect(folder.files.every((file) => file.digest === undefined)).toBe(true)
    expect(said(folder)).toEqual([])
    expect(folder.unread).toEqual([])
    expect(folder.folderFile.path).toBe('sources/demo/framework.md')
    expect(folder.folderFile.relative).toBe('framework.md')
  })

  it('keeps a byte order mark out of the text and reads a file of exactly the size limit', () => {
    const { root, dir } = folderWith({ 'framework.md': `\uFEFF${FRAMEWORK}`, 'links.md': Buffer.alloc(MAX_FILE_BYTES, 0x20) })
    const folder = read(dir, root)
    expect(said(folder)).toEqual([])
    expect(folder.files.map((file) => [file.source.relative, file.source.text.length])).toEqual([
      ['framework.md', FRAMEWORK.length],
      ['links.md', MAX_FILE_BYTES],
    ])
  })

  it('says so when framework.md is missing, on the framework.md the folder would hold', () => {
    const { root, dir } = folderWith({ 'contacts.md': '# Contacts\n' })
    expect(said(read(dir, root))).toEqual([
      "sources/demo/framework.md:1:1 error The framework folder “demo” has no framework.md, expected one with the framework's title, version and dates [file-unreadable]",
    ])
  })

  it('refuses a framework folder that cannot be listed, and one whose name holds a control character', () => {
    const { root, sources } = folderWith()
    expect(said(read(path.join(sources, 'gone'), root))).toEqual([
      'sources/gone/framework.md:1:1 error The framework folder “gone” cannot be read: it is a symbolic link to something that does not exist [file-unreadable]',
    ])
    const bell = path.join(sources, 'de\u0007mo')
    mkdirSync(bell)
    writeFileSync(path.join(bell, 'framework.md'), FRAMEWORK)
    const refused = read(bell, root)
    expect(said(refused)).toEqual(['sources/de\u0007mo/framework.md:1:1 error The framework folder name “de\u2407mo” holds the control character U+0007, expected a name of lower-case letters, digits and hyphens [file-unreadable]'])
    expect(refused.files).toEqual([])
  })
})

describe('Markdown the reader does not read is reported, never passed over', () => {
  it('refuses a Markdown file at the top that the format does not define', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'notes.md': 'x' })
    const folder = read(dir, root)
    expect(filesOf(folder)).toEqual(['framework framework.md readable', 'section notes.md refused'])
    expect(said(folder)).toEqual([
      'sources/demo/notes.md:1:1 error “notes.md” is not a file Thresholds reads, expected framework.md, contacts.md, links.md, matrix.md, or a file in levels/, domains/ or sections/ [unknown-file]',
    ])
  })

  it('keeps other Markdown, anywhere in the folder, for the file-not-read rule, and skips hidden folders and files that are not Markdown', () => {
    const { root, dir } = folderWith({
      'framework.md': FRAMEWORK,
      'README.MD': 'x',
      'notes/plan.md': 'x',
      'notes/deep/more.markdown': 'x',
      'notes/picture.png': 'x',
      '.git/HEAD.md': 'x',
      'levels/03-x.MD': 'x',
      'levels/notes.txt': 'x',
      'levels/drafts/04-y.mdx': 'x',
      'levels/drafts/deeper/05-z.md': 'x',
      'levels/drafts/image.png': 'x',
      'todo.txt': 'x',
    })
    const folder = read(dir, root)
    expect(unreadOf(folder)).toEqual(['sources/demo/levels/03-x.MD', 'sources/demo/levels/drafts/04-y.mdx', 'sources/demo/levels/drafts/deeper/05-z.md', 'sources/demo/README.MD', 'sources/demo/notes/plan.md', 'sources/demo/notes/deep/more.markdown'])
    expect(folder.unread.map((source) => source.relative)).toEqual(['levels/03-x.MD', 'levels/drafts/04-y.mdx', 'levels/drafts/deeper/05-z.md', 'README.MD', 'notes/plan.md', 'notes/deep/more.markdown'])
    expect(said(folder)).toEqual([])
    expect(filesOf(folder)).toEqual(['framework framework.md readable'])
  })

  it('refuses a .md file in a folder inside levels/, domains/ or sections/, which is never read', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'domains/old/01-health.md': 'x' })
    const folder = read(dir, root)
    expect(filesOf(folder)).toEqual(['section domains/old/01-health.md refused', 'framework framework.md readable'])
    expect(said(folder)).toEqual([
      'sources/demo/domains/old/01-health.md:1:1 error “domains/old/01-health.md” is in a folder Thresholds does not read, expected it directly in levels/, domains/ or sections/ [unknown-file]',
    ])
  })

  it('refuses a Markdown name Windows would change, instead of keeping it for the file-not-read rule', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'levels/03-x.MD.': 'x', 'Notes.markdown ': 'x' })
    const folder = read(dir, root)
    expect(folder.unread).toEqual([])
    expect(said(folder)).toEqual([
      'sources/demo/levels/03-x.MD.:1:1 error “levels/03-x.MD.” cannot be used as a file name: Windows drops a dot or space at the end of a name, expected a name ending in “.md” [portable-name]',
      'sources/demo/Notes.markdown :1:1 error “Notes.markdown ” cannot be used as a file name: Windows drops a dot or space at the end of a name, expected a name ending in “.md” [portable-name]',
    ])
  })

  it('reads nothing from a file named like a folder the format defines, and says nothing of it', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, levels: 'not a folder' })
    const folder = read(dir, root)
    expect(filesOf(folder)).toEqual(['framework framework.md readable'])
    expect(said(folder)).toEqual([])
  })
})

describe('names that only some systems can hold', () => {
  it('refuses a file or folder whose name differs from a defined one only in case, pointing at the one read', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'Framework.md': 'x', 'Levels/01-a.md': 'x', 'levels/01-b.md': 'B' })
    const folder = read(dir, root)
    expect(filesOf(folder)).toEqual(['framework framework.md readable', 'level levels/01-b.md readable', 'section Framework.md refused', 'section Levels/ refused'])
    expect(said(folder)).toEqual([
      'sources/demo/Framework.md:1:1 error “Framework.md” differs from “framework.md” only in case, and Windows and macOS keep only one of the two, expected one file: move the files into “framework.md” [portable-name]',
      'sources/demo/Levels/:1:1 error “Levels/” differs from “levels/” only in case, and Windows and macOS keep only one of the two, expected one folder: move the files into “levels/” [portable-name]',
    ])
  })

  it('reads both of two level files differing only in case, with an error on the second, and refuses a device name', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'levels/01-A.md': 'A', 'levels/01-a.md': 'a', 'levels/con.md': 'c' })
    const folder = read(dir, root)
    expect(filesOf(folder)).toEqual(['framework framework.md readable', 'level levels/01-A.md readable', 'level levels/01-a.md readable', 'level levels/con.md readable'])
    expect(said(folder)).toEqual([
      'sources/demo/levels/01-a.md:1:1 error “levels/01-a.md” differs from “levels/01-A.md” only in case, and Windows and macOS keep only one of the two, expected one file: rename or merge them [portable-name]',
      'sources/demo/levels/con.md:1:1 error “levels/con.md” cannot be used as a file name: Windows keeps the name “con” for a device (with any extension), expected another name [portable-name]',
    ])
  })

  it('refuses a file whose name holds a character that has no place in text, unread', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'levels/01-\u202Eevil.md': 'x' })
    const folder = read(dir, root)
    expect(filesOf(folder)).toEqual(['framework framework.md readable', 'level levels/01-\u202Eevil.md refused'])
    expect(said(folder)).toEqual([
      'sources/demo/levels/01-\u202Eevil.md:1:1 error The file name “levels/01-\uFFFDevil.md” holds the bidirectional control “right-to-left override” U+202E, which reorders the text around it, expected a name of plain letters, digits and hyphens [file-unreadable]',
    ])
  })
})

describe('files that are not text', () => {
  it('refuses a binary file at the line and column of its first NUL byte', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'contacts.md': Buffer.from('one\r\ntwo\rthree\nfo\u0000ur', 'utf8') })
    const folder = read(dir, root)
    expect(said(folder)).toEqual(['sources/demo/contacts.md:4:3 error “contacts.md” is a binary file (it contains a NUL byte), expected plain text [file-unreadable]'])
    expect(spans(folder)).toEqual(['contacts.md 4:3-4:4'])
    expect(filesOf(folder)).toEqual(['contacts contacts.md refused', 'framework framework.md readable'])
  })

  it('refuses a file that is not UTF-8 at its first bad byte, counting columns without the byte order mark', () => {
    const bad = Buffer.from([0xc3, 0x28])
    const { root, dir } = folderWith({
      'framework.md': FRAMEWORK,
      'contacts.md': Buffer.concat([Buffer.from('\uFEFFab\nc'), bad]),
      'links.md': Buffer.concat([Buffer.from('ab'), bad]),
      'matrix.md': Buffer.concat([Buffer.from([0xef, 0xbb]), bad]),
    })
    const folder = read(dir, root)
    expect(said(folder)).toEqual([
      'sources/demo/contacts.md:2:2 error “contacts.md” is not valid UTF-8 text, expected the file to be saved as UTF-8 [file-unreadable]',
      'sources/demo/links.md:1:3 error “links.md” is not valid UTF-8 text, expected the file to be saved as UTF-8 [file-unreadable]',
      'sources/demo/matrix.md:1:1 error “matrix.md” is not valid UTF-8 text, expected the file to be saved as UTF-8 [file-unreadable]',
    ])
    expect(spans(folder)).toEqual(['contacts.md 2:2-2:3', 'links.md 1:3-1:4', 'matrix.md 1:1-1:2'])
    expect(filesOf(folder)).toEqual(['contacts contacts.md refused', 'framework framework.md readable', 'links links.md refused', 'matrix matrix.md refused'])
  })

  it('counts columns without a byte order mark only when the file starts with one', () => {
    const bad = Buffer.from([0xc3, 0x28])
    const { root, dir } = folderWith({
      'framework.md': FRAMEWORK,
      // A byte order mark, then at once a bad byte; then one followed by words.
      'contacts.md': Buffer.concat([Buffer.from('\uFEFF'), bad]),
      'links.md': Buffer.concat([Buffer.from('\uFEFFab'), bad]),
      // Characters whose bytes are those of the mark but one: U+FEC0, U+2EFF and U+FF3F.
      'matrix.md': Buffer.concat([Buffer.from('\uFEC0ab'), bad]),
      'levels/01-a.md': Buffer.concat([Buffer.from('\u2EFFab'), bad]),
      'levels/02-b.md': Buffer.concat([Buffer.from('\uFF3Fab'), bad]),
      'levels/03-c.md': Buffer.from('\uFEFFab\u0000'),
    })
    expect(spans(read(dir, root))).toEqual(['contacts.md 1:1-1:2', 'levels/01-a.md 1:4-1:5', 'levels/02-b.md 1:4-1:5', 'levels/03-c.md 1:3-1:4', 'links.md 1:3-1:4', 'matrix.md 1:4-1:5'])
  })

  it('refuses text holding a control character at its place, and keeps a tab and Windows line endings', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'contacts.md': '# Contacts\r\n\tok\r\nbad \u001b[31m\n', 'links.md': '\u00ad\r\n' })
    const folder = read(dir, root)
    expect(said(folder)).toEqual([
      'sources/demo/contacts.md:3:5 error “contacts.md” contains the control character U+001B, expected plain text: delete it or replace it with a space [file-unreadable]',
    ])
    expect(spans(folder)).toEqual(['contacts.md 3:5-3:6'])
    expect(filesOf(folder)).toEqual(['contacts contacts.md refused', 'framework framework.md readable', 'links links.md readable'])
  })

  it('refuses a file over the size limit unread, with its size', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'links.md': '' })
    truncateSync(path.join(dir, 'links.md'), MAX_FILE_BYTES + 1)
    const { root: root2, dir: dir2 } = folderWith({ 'framework.md': FRAMEWORK, 'links.md': '' })
    truncateSync(path.join(dir2, 'links.md'), 3_628_073)
    expect([...said(read(dir, root)), ...said(read(dir2, root2))]).toEqual([
      'sources/demo/links.md:1:1 error “links.md” is 2.0 MB, expected at most 2 MB: split it into smaller files [file-unreadable]',
      'sources/demo/links.md:1:1 error “links.md” is 3.5 MB, expected at most 2 MB: split it into smaller files [file-unreadable]',
    ])
  })

  it('refuses a folder where a file is expected', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'links.md/': '', 'levels/01-a.md/': '' })
    const folder = read(dir, root)
    expect(filesOf(folder)).toEqual(['framework framework.md readable', 'level levels/01-a.md refused', 'links links.md refused'])
    expect(said(folder)).toEqual([
      'sources/demo/levels/01-a.md:1:1 error “levels/01-a.md” is not a regular file, expected a text file [file-unreadable]',
      'sources/demo/links.md:1:1 error “links.md” is not a regular file, expected a text file [file-unreadable]',
    ])
  })
})

describe('symbolic links', () => {
  it('follows a link to a file inside the framework folder, and refuses one that loops, leads nowhere or leaves sources/', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'thresholds-outside-'))
    writeFileSync(path.join(outside, 'secret.md'), 'secret')
    const { root, dir, sources } = folderWith({ 'framework.md': FRAMEWORK, 'sections/01-real.md': 'real' })
    symlinkSync('01-real.md', path.join(dir, 'sections/02-same.md'))
    symlinkSync('03-loop.md', path.join(dir, 'sections/03-loop.md'))
    symlinkSync('missing.md', path.join(dir, 'sections/04-gone.md'))
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'sections/05-away.md'))
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'contacts.md'))
    symlinkSync('01-real.md/x.md', path.join(dir, 'sections/06-through-a-file.md'))
    // Beside sources/, in a folder whose name only starts with “sources”.
    mkdirSync(`${sources}-old`)
    writeFileSync(path.join(`${sources}-old`, 'links.md'), 'old')
    symlinkSync(path.join(`${sources}-old`, 'links.md'), path.join(dir, 'links.md'))
    const folder = read(dir, root)
    expect(folder.files.filter((file) => file.readable).map((file) => [file.source.relative, file.source.text])).toEqual([
      ['framework.md', FRAMEWORK],
      ['sections/01-real.md', 'real'],
      ['sections/02-same.md', 'real'],
    ])
    expect(said(folder)).toEqual([
      'sources/demo/contacts.md:1:1 error “contacts.md” is a symbolic link to a file outside sources/, expected the file itself inside the framework folder [file-unreadable]',
      'sources/demo/links.md:1:1 error “links.md” is a symbolic link to a file outside sources/, expected the file itself inside the framework folder [file-unreadable]',
      'sources/demo/sections/03-loop.md:1:1 error “sections/03-loop.md” is a symbolic link that points back at itself, expected a real file [file-unreadable]',
      'sources/demo/sections/04-gone.md:1:1 error “sections/04-gone.md” is a symbolic link to a file that does not exist, expected a real file [file-unreadable]',
      'sources/demo/sections/05-away.md:1:1 error “sections/05-away.md” is a symbolic link to a file outside sources/, expected the file itself inside the framework folder [file-unreadable]',
      'sources/demo/sections/06-through-a-file.md:1:1 error “sections/06-through-a-file.md” cannot be opened (ENOTDIR), expected a readable file [file-unreadable]',
    ])
    rmSync(outside, { recursive: true, force: true })
  })

  it('refuses the files of a framework folder that is itself a link out of sources/', () => {
    const away = folderWith({ 'framework.md': FRAMEWORK })
    const { root, sources } = folderWith()
    symlinkSync(away.dir, path.join(sources, 'linked'))
    const folder = readFrameworkFolder(path.join(sources, 'linked'), sources)
    expect(filesOf(folder)).toEqual(['framework framework.md refused'])
    expect(said(folder)).toEqual([
      `${path.join(sources, 'linked/framework.md')}:1:1 error “framework.md” is reached through a folder that is a symbolic link to outside sources/, expected the files themselves inside the framework folder [file-unreadable]`,
    ])
  })

  it('refuses the levels/ and domains/ folders of a framework folder that is itself a link out of sources/', () => {
    const away = folderWith({ 'framework.md': FRAMEWORK, 'levels/01-a.md': '# A\n', 'domains/01-b.md': '# B\n' })
    const { sources } = folderWith()
    symlinkSync(away.dir, path.join(sources, 'linked'))
    const folder = readFrameworkFolder(path.join(sources, 'linked'), sources)
    expect(filesOf(folder)).toEqual(['section domains/ refused', 'framework framework.md refused', 'section levels/ refused'])
    expect(said(folder).filter((line) => line.includes('/:'))).toEqual([
      `${path.join(sources, 'linked/domains')}/:1:1 error The folder “domains/” cannot be read: it is a symbolic link to a folder outside sources/, expected a folder inside the framework folder whose files Thresholds can list [file-unreadable]`,
      `${path.join(sources, 'linked/levels')}/:1:1 error The folder “levels/” cannot be read: it is a symbolic link to a folder outside sources/, expected a folder inside the framework folder whose files Thresholds can list [file-unreadable]`,
    ])
  })

  it('refuses a levels/ folder that leads nowhere, and reports links it does not follow as warnings', () => {
    const { root, dir, sources } = folderWith({ 'framework.md': FRAMEWORK, 'domains/': '', 'other/': '' })
    mkdirSync(path.join(sources, 'second'))
    symlinkSync('nowhere', path.join(dir, 'levels'))
    symlinkSync('../../second', path.join(dir, 'domains/second'))
    symlinkSync('../..', path.join(dir, 'other/up'))
    symlinkSync('..', path.join(dir, 'sources-again'))
    const folder = read(dir, root)
    expect(said(folder)).toEqual([
      'sources/demo/domains/second:1:1 warning “domains/second” is a symbolic link that is not followed: it points into the framework folder “second”, whose files are read there, expected the files themselves in the framework folder [symbolic-link]',
      'sources/demo/levels/:1:1 error The folder “levels/” cannot be read: it is a symbolic link to something that does not exist, expected a folder inside the framework folder whose files Thresholds can list [file-unreadable]',
      'sources/demo/other/up:1:1 warning “other/up” is a symbolic link that is not followed: it points at the sources folder that holds it, expected the files themselves in the framework folder [symbolic-link]',
      'sources/demo/sources-again:1:1 warning “sources-again” is a symbolic link that is not followed: it points at the sources folder that holds it, expected the files themselves in the framework folder [symbolic-link]',
    ])
  })

  it('refuses a levels/, domains/ or sections/ folder that loops, leaves sources/ or cannot be opened, saying why', () => {
    const { root, dir, sources } = folderWith({ 'framework.md': FRAMEWORK })
    const outside = mkdtempSync(path.join(tmpdir(), 'thresholds-outside-'))
    writeFileSync(path.join(outside, '01-secret.md'), 'secret')
    mkdirSync(`${sources}-old`)
    writeFileSync(path.join(`${sources}-old`, '01-old.md'), 'old')
    symlinkSync('levels', path.join(dir, 'levels'))
    symlinkSync(outside, path.join(dir, 'domains'))
    symlinkSync(`${sources}-old`, path.join(dir, 'sections'))
    const folder = read(dir, root)
    const refused = (name: string, reason: string) =>
      `sources/demo/${name}/:1:1 error The folder “${name}/” cannot be read: ${reason}, expected a folder inside the framework folder whose files Thresholds can list [file-unreadable]`
    expect(said(folder)).toEqual([
      refused('domains', 'it is a symbolic link to a folder outside sources/'),
      refused('levels', 'it is a symbolic link that points back at itself'),
      refused('sections', 'it is a symbolic link to a folder outside sources/'),
    ])
    expect(filesOf(folder)).toEqual(['section domains/ refused', 'framework framework.md readable', 'section levels/ refused', 'section sections/ refused'])
    const { root: root2, dir: dir2 } = folderWith({ 'framework.md': FRAMEWORK })
    symlinkSync('framework.md/inside', path.join(dir2, 'levels'))
    expect(said(read(dir2, root2))).toEqual([refused('levels', 'the system reports ENOTDIR')])
  })

  it('reads a framework whose sources/ folder is reached through a symbolic link, following links inside it as usual', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'levels/01-a.md': 'A', 'notes/': '' })
    symlinkSync('../levels', path.join(dir, 'notes/levels-again'))
    const linked = mkdtempSync(path.join(tmpdir(), 'thresholds-linked-'))
    symlinkSync(root, path.join(linked, 'work'))
    const through = path.join(linked, 'work')
    const folder = readFrameworkFolder(path.join(through, 'sources/demo'), path.join(through, 'sources'), undefined, through)
    expect(said(folder)).toEqual([])
    expect(filesOf(folder)).toEqual(['framework framework.md readable', 'level levels/01-a.md readable'])
  })

  it('reports a link to a file that is not Markdown, where it is not followed, inside a folder it does not read', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'thresholds-outside-'))
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'levels/drafts/': '' })
    symlinkSync(path.join(outside, 'x.txt'), path.join(dir, 'levels/drafts/x.txt'))
    symlinkSync(path.join(outside, 'y.txt'), path.join(dir, 'levels/y.txt'))
    const folder = read(dir, root)
    expect(said(folder)).toEqual([
      'sources/demo/levels/drafts/x.txt:1:1 warning “levels/drafts/x.txt” is a symbolic link that is not followed: it points to something that does not exist, expected the files themselves in the framework folder [symbolic-link]',
      'sources/demo/levels/y.txt:1:1 warning “levels/y.txt” is a symbolic link that is not followed: it points to something that does not exist, expected the files themselves in the framework folder [symbolic-link]',
    ])
    rmSync(outside, { recursive: true, force: true })
  })
})

describe('reading with stamps', () => {
  /** Stamps that know one file's digest, recording every call. */
  function stampsKnowing(knownReal: string | undefined): { stamps: SourceStamps; calls: string[] } {
    const calls: string[] = []
    // The stamp of the file as it is now, and whether it was read between the test's start and now.
    const started = BigInt(Date.now()) * 1_000_000n
    const sameStamp = (real: string, stamp: string) => stamp === stampOf(lstatSync(real, { bigint: true }))
    const stamps: SourceStamps = {
      known: (real, stamp) => (calls.push(`known ${path.basename(real)} ${sameStamp(real, stamp)}`), real === knownReal ? 'digest-known' : undefined),
      read: (real, stamp, text, stats, readAt) => (
        calls.push(`read ${path.basename(real)} ${sameStamp(real, stamp)} ${stampOf(stats) === stamp} ${readAt >= started && readAt <= BigInt(Date.now()) * 1_000_000n} ${text.length}`), `digest-of-${path.basename(real)}`
      ),
      late: (real, shown, digest) => (calls.push(`late ${path.basename(real)} ${shown} ${digest}`), 'text read late'),
    }
    return { stamps, calls }
  }

  it('knows an unchanged file by its digest and reads its text only when asked, and records the digest of a file read', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'links.md': '# Links\n' })
    const { stamps, calls } = stampsKnowing(path.join(dir, 'links.md'))
    const folder = read(dir, root, { stamps })
    expect(folder.files.map((file) => [file.source.relative, file.readable, file.digest])).toEqual([
      ['framework.md', true, 'digest-of-framework.md'],
      ['links.md', true, 'digest-known'],
    ])
    expect(calls).toEqual(['known framework.md true', 'read framework.md true true true 24', 'known links.md true'])
    expect(folder.files[1]?.source.text).toBe('text read late')
    expect(calls.at(-1)).toBe('late links.md sources/demo/links.md digest-known')
  })

  it('does not ask the stamps about a file it refuses', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK, 'links.md': Buffer.from([0xff]) })
    const { stamps, calls } = stampsKnowing(undefined)
    read(dir, root, { stamps })
    expect(calls).toEqual(['known framework.md true', 'read framework.md true true true 24', 'known links.md true'])
  })
})

describe('helpers', () => {
  it('shows paths from the working folder, absolute when outside it or when there is none', () => {
    const root = path.join(tmpdir(), 'work')
    expect(displayPath(path.join(root, 'sources/demo/framework.md'), root)).toBe('sources/demo/framework.md')
    expect(displayPath(path.join(tmpdir(), 'elsewhere/framework.md'), root)).toBe(path.join(tmpdir(), 'elsewhere/framework.md'))
    expect(displayPath(root, root)).toBe(root)
    expect(displayPath(path.join(root, 'a.md'), undefined)).toBe(path.join(root, 'a.md'))
  })

  it('shows a path inside a folder whose name starts with two dots as inside: only “..” itself leaves', () => {
    const root = path.join(tmpdir(), 'work')
    expect(displayPath(path.join(root, '..x/a.md'), root)).toBe('..x/a.md')
    expect(displayPath(path.join(root, '.../sources/a.md'), root)).toBe('.../sources/a.md')
    expect(displayPath(path.join(tmpdir(), 'workx/a.md'), root)).toBe(path.join(tmpdir(), 'workx/a.md'))
    expect(displayPath(tmpdir(), root)).toBe(tmpdir())
  })

  it('shows paths inside a framework folder exactly as displayPath does, wherever the working folder is', () => {
    const root = path.join(tmpdir(), 'work')
    const dir = path.join(root, 'sources/demo')
    const odd = path.join(root, '..demo')
    const inside = ['framework.md', 'levels/01-a.md', 'domains', '..md', '..levels/x.md', 'a b/c.md']
    const cwds = [undefined, root, dir, path.join(root, 'sources'), path.join(dir, 'levels'), path.join(dir, 'levels/deeper'), path.join(tmpdir(), 'elsewhere'), path.parse(root).root]
    const shown: string[] = []
    for (const folder of [dir, odd])
      for (const cwd of cwds) {
        const show = displayPathsIn(folder, cwd)
        for (const absolute of [...inside.map((rest) => path.join(folder, rest)), folder, path.join(root, 'other/framework.md'), `${folder}-twin/framework.md`]) {
          expect(show(absolute), `${absolute} from ${cwd}`).toBe(displayPath(absolute, cwd))
          shown.push(show(absolute))
        }
      }
    // Each way of showing a path is met: from the working folder, through the folder, and whole.
    expect(shown).toContain('sources/demo/levels/01-a.md')
    expect(shown).toContain('levels/01-a.md')
    expect(shown).toContain('01-a.md')
    expect(shown).toContain('..md')
    expect(shown).toContain(path.join(odd, 'framework.md').split(path.sep).join('/'))
  })

  it('joins a folder and a listed name exactly as path.join does, whatever the folder’s shape', () => {
    const folders = ['/', '/a', '/a/', '/a//b/', '/a/./b', '/a/../b', 'a', 'a/', './a', '../a', '.', './', '..', '', 'a b/..c']
    for (const folder of folders) for (const name of ['framework.md', 'levels', '..md', '.hidden', 'a b.md']) expect(joinerIn(folder)(name), `${folder} + ${name}`).toBe(path.join(folder, name))
  })

  it('stamps a file by device, inode, size and both times, and decodes only valid UTF-8', () => {
    const stats = { dev: 1n, ino: 2n, size: 3n, mtimeNs: 4n, ctimeNs: 5n } as Parameters<typeof stampOf>[0]
    expect(stampOf(stats)).toBe('1:2:3:4:5')
    expect(decodeUtf8(Buffer.from('\uFEFFé'))).toBe('é')
    expect(() => decodeUtf8(Buffer.from([0xc3, 0x28]))).toThrow(TypeError)
  })

  it('lists the folder’s own file first, then the files read, then those not read', () => {
    const file = (relative: string) => createSourceFile(relative, relative, '')
    const folder: FrameworkFolder = { id: 'x', dir: '/x', folderFile: file('framework.md'), files: [{ kind: 'level', source: file('levels/01-a.md'), readable: true }], unread: [file('notes.md')] }
    expect(sourcesOf(folder).map((source) => source.relative)).toEqual(['framework.md', 'levels/01-a.md', 'notes.md'])
  })
})

describe('links beside the framework folders', () => {
  it('files the sources it is given with this framework, unread', () => {
    const { root, dir } = folderWith({ 'framework.md': FRAMEWORK })
    const beside = createSourceFile('sources/old', 'sources/old', '')
    const folder = readFrameworkFolder(dir, path.join(root, 'sources'), [beside], root)
    expect(folder.files.map((file) => [file.kind, file.source === beside, file.readable])).toEqual([
      ['section', true, false],
      ['framework', false, true],
    ])
    expect(readFileSync(path.join(dir, 'framework.md'), 'utf8')).toBe(FRAMEWORK)
  })
})
