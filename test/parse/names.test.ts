/**
 * Names of frameworks, pages and files: none collides with a file, export or type name of the
 * package or the website, none differs from another only in case, none is a name Windows keeps
 * for a device; and no Markdown file is passed over without a word (file-not-read).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { generateFiles } from '../../scripts/generate/index.ts'
import { typeName } from '../../scripts/generate/printed.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { RESERVED_FRAMEWORK_IDS } from '../../scripts/shared/names.ts'
import { ID_PATTERN } from '../../scripts/shared/text.ts'
import { renderSite } from '../../scripts/site/index.ts'
import { fixtures, frameworkWith, messageLines, onTestDay, parser, thresholds } from '../helpers.ts'

/** The minimal framework under another id (folder and `id:` both). */
function frameworkCalled(id: string, root?: string): { root: string; dir: string } {
  const made = frameworkWith(undefined, id, root)
  const file = path.join(made.dir, 'framework.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('id: minimal', `id: ${id}`))
  return made
}

/** The message lines of a text report, without the code frames around them. */
const errorLines = (output: string) => output.split('\n').filter((line) => /^\S+:\d+:\d+ (error|warning) /.test(line))

describe('framework ids the package or the website uses for itself', () => {
  it('refuses “site” through the CLI: build exits 1 at the id and writes nothing, build --check does not call it up to date', () => {
    const { root } = frameworkCalled('site')
    frameworkWith(undefined, 'minimal', root)
    const build = thresholds(['build', '--no-cache'], root, { env: onTestDay })
    expect(build.status).toBe(1)
    expect(errorLines(build.stderr)).toEqual([
      'sources/site/framework.md:2:5 error The framework id “site” is a name the package uses for itself (the website is written to generated/site/), expected another name for the framework\'s folder and its id [portable-name]',
    ])
    expect(build.stderr).toContain('Nothing was written to generated/: fix the 1 error above first.\n')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
    const check = thresholds(['build', '--check', '--no-cache'], root, { env: onTestDay })
    expect(check.status).toBe(1)
    expect(check.stderr).not.toContain('up to date')
  })

  it.each([...RESERVED_FRAMEWORK_IDS])('refuses “%s” (%s)', (id, reason) => {
    const { dir } = frameworkCalled(id)
    expect(messageLines(dir).filter((line) => line.endsWith('[portable-name]'))).toEqual([
      `framework.md:2:5 error The framework id “${id}” is a name the package uses for itself (${reason}), expected another name for the framework's folder and its id [portable-name]`,
    ])
  })

  it('reserves every name at the top of the package and of the website, and every type name of the package’s index.ts', async () => {
    const { dir } = frameworkWith()
    const [context] = loadFrameworks([dir], { parser })
    if (!context) throw new Error('no framework')
    const top = (paths: Iterable<string>) => [...new Set([...paths].map((file) => (file.split('/')[0] as string).split('.')[0]?.toLowerCase() ?? ''))]
    const packageFiles = await generateFiles([context])
    const taken = [...top(packageFiles.keys()), ...top(renderSite([context.framework]).keys()), 'site'].filter((name) => name !== 'minimal')
    // Type names in index.ts that typeName could give a framework: FrameworkId ← framework-id.
    const index = ts.createSourceFile('index.ts', packageFiles.get('index.ts') ?? '', ts.ScriptTarget.Latest, true)
    const found = new Set<string>()
    // Names in scope in index.ts; a member (`.hasOwn`, `import('./model.js').Status`) cannot clash.
    const member = (node: ts.Identifier) =>
      ts.isImportTypeNode(node.parent) || (ts.isQualifiedName(node.parent) && node.parent.right === node) || (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && !member(node) && node.text !== typeName('minimal')) found.add(node.text)
      ts.forEachChild(node, visit)
    }
    visit(index)
    const identifiers = [...found]
    const asIds = identifiers.map((name) => name.replace(/_/g, '-').replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase().replace(/^-/, ''))
    const named = asIds.filter((id) => ID_PATTERN.test(id) && identifiers.includes(typeName(id)))
    expect(named).toContain('framework-id')
    expect([...taken, ...named].filter((name) => ID_PATTERN.test(name) && !RESERVED_FRAMEWORK_IDS.has(name))).toEqual([])
  })

  it('thresholds new refuses “site” and “con” as a usage error, making nothing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-new-'))
    expect(thresholds(['new', 'site'], root, { env: onTestDay })).toMatchObject({ status: 2, stderr: '“site” is a name the package uses for itself (the website is written to generated/site/), expected another framework id\n' })
    expect(thresholds(['new', 'con'], root, { env: onTestDay })).toMatchObject({ status: 2, stderr: '“con” cannot be a framework id: Windows keeps the name “con” for a device (with any extension), expected another framework id\n' })
    expect(readdirSync(root)).toEqual([])
  })

  it('gives every framework id its own type name', () => {
    const ids = ['a-1', 'a1', '1-a', 'f1-a', '1a', 'west-midlands', 'westmidlands']
    expect(ids.map(typeName)).toEqual(['A_1', 'A1', '_1A', 'F1A', '_1a', 'WestMidlands', 'Westmidlands'])
  })
})

describe('names Windows keeps for devices', () => {
  it('refuses a framework called “con” through the CLI', () => {
    const { root } = frameworkCalled('con')
    const { status, stderr } = thresholds(['check', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    expect(errorLines(stderr)).toEqual([
      'sources/con/framework.md:2:5 error The id “con” cannot be used: ids of frameworks, levels, domains and sections name files of the package and the website, and Windows keeps the name “con” for a device (with any extension), expected another id [portable-name]',
    ])
  })

  it('refuses level files named after a device, in any case and with any extension', () => {
    const { dir } = frameworkWith()
    renameSync(path.join(dir, 'levels/01-early-help.md'), path.join(dir, 'levels/AUX.md'))
    renameSync(path.join(dir, 'levels/02-child-protection.md'), path.join(dir, 'levels/lpt1.notes.md'))
    expect(messageLines(dir)).toEqual([
      'levels/AUX.md:1:1 error “levels/AUX.md” cannot be used as a file name: Windows keeps the name “AUX” for a device (with any extension), expected another name [portable-name]',
      'levels/lpt1.notes.md:1:1 error “levels/lpt1.notes.md” cannot be used as a file name: Windows keeps the name “lpt1” for a device (with any extension), expected another name [portable-name]',
    ])
  })

  it('refuses characters Windows refuses in a name (colon, question mark, tab, line break), through the CLI too', () => {
    const { root, dir } = frameworkWith()
    renameSync(path.join(dir, 'levels/01-early-help.md'), path.join(dir, 'levels/01-early:help?.md'))
    renameSync(path.join(dir, 'levels/02-child-protection.md'), path.join(dir, 'levels/02-child\tprotection.md'))
    writeFileSync(path.join(dir, 'levels/03-x\n::error::y.md'), '# Extra\n')
    expect(messageLines(dir).filter((line) => line.endsWith('[portable-name]'))).toEqual([
      'levels/01-early:help?.md:1:1 error “levels/01-early:help?.md” cannot be used as a file name: Windows refuses the character ":" in a name, expected another name [portable-name]',
      'levels/02-child\tprotection.md:1:1 error “levels/02-child\tprotection.md” cannot be used as a file name: Windows refuses the character "\\t" in a name, expected another name [portable-name]',
      'levels/03-x\n::error::y.md:1:1 error “levels/03-x\n::error::y.md” cannot be used as a file name: Windows refuses the character "\\n" in a name, expected another name [portable-name]',
    ])
    const run = thresholds(['check'], root, { env: onTestDay })
    expect(run.status).toBe(1)
    expect(run.stdout + run.stderr).not.toMatch(/\n::error::/)
  })

  it('refuses a Markdown file whose name ends in a dot or a space', () => {
    const { dir } = frameworkWith()
    writeFileSync(path.join(dir, 'levels/03-extra.md.'), '# Extra\n')
    writeFileSync(path.join(dir, 'levels/04-extra.md '), '# Extra\n')
    expect(messageLines(dir)).toEqual([
      'levels/03-extra.md.:1:1 error “levels/03-extra.md.” cannot be used as a file name: Windows drops a dot or space at the end of a name, expected a name ending in “.md” [portable-name]',
      'levels/04-extra.md :1:1 error “levels/04-extra.md ” cannot be used as a file name: Windows drops a dot or space at the end of a name, expected a name ending in “.md” [portable-name]',
    ])
  })

  it('refuses a level id written as “nul”, and derives “con-2” rather than “con” from a heading', () => {
    const { dir } = frameworkWith()
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('id: early-help', 'id: nul').replace('(#front-door)', '(#con-2)'))
    const domain = path.join(dir, 'domains/01-health.md')
    writeFileSync(domain, readFileSync(domain, 'utf8').replace(/Early Help/g, 'Early Help {level=nul}'))
    const contacts = path.join(dir, 'contacts.md')
    writeFileSync(contacts, `${readFileSync(contacts, 'utf8')}\n## Con\n\n- Phone: 0121 788 4300\n`)
    expect(messageLines(dir).filter((line) => !line.includes('[contact-referenced]'))).toEqual([
      'levels/01-early-help.md:2:5 error The id “nul” cannot be used: ids of frameworks, levels, domains and sections name files of the package and the website, and Windows keeps the name “nul” for a device (with any extension), expected another id [portable-name]',
    ])
    const [context] = loadFrameworks([dir], { parser })
    expect(context?.framework.contacts.map((contact) => contact.id)).toEqual(['front-door', 'emergency', 'con-2'])
  })
})

describe('names that differ only in case', () => {
  it('refuses two level files differing only in case', () => {
    const { dir } = frameworkWith()
    const level = readFileSync(path.join(dir, 'levels/01-early-help.md'), 'utf8')
    writeFileSync(path.join(dir, 'levels/01-Early-Help.md'), level.replace('id: early-help', 'id: early-help-copy'))
    expect(messageLines(dir).filter((line) => line.endsWith('[portable-name]'))).toEqual([
      'levels/01-early-help.md:1:1 error “levels/01-early-help.md” differs from “levels/01-Early-Help.md” only in case, and Windows and macOS keep only one of the two, expected one file: rename or merge them [portable-name]',
    ])
  })

  it('refuses “Levels/” beside “levels/” through the CLI, and does not read it', () => {
    const { root, dir } = frameworkWith()
    mkdirSync(path.join(dir, 'Levels'))
    cpSync(path.join(dir, 'levels/01-early-help.md'), path.join(dir, 'Levels/03-extra.md'))
    const { status, stderr } = thresholds(['check', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(1)
    expect(errorLines(stderr)).toEqual([
      'sources/minimal/Levels/:1:1 error “Levels/” differs from “levels/” only in case, and Windows and macOS keep only one of the two, expected one folder: move the files into “levels/” [portable-name]',
    ])
  })

  it('refuses two frameworks Solihull and solihull', () => {
    const { root, dir } = frameworkCalled('solihull')
    const upper = path.join(root, 'sources/Solihull')
    cpSync(dir, upper, { recursive: true })
    expect(messageLines(upper)).toContainEqual('framework.md:2:5 error The framework id “solihull” differs from its folder name “Solihull”, expected the two to match [frontmatter-schema]')
    expect(messageLines(dir)).toEqual([])
  })
})

describe('Markdown files Thresholds does not read (file-not-read)', () => {
  it('warns through the CLI about .MD, .markdown and a file in “Sections/”, and --max-warnings 0 fails', () => {
    const { root } = frameworkWith(path.join(fixtures, 'rules/file-not-read/invalid'))
    const { status, stderr } = thresholds(['check', '--no-cache'], root, { env: onTestDay })
    expect(status).toBe(0)
    expect(errorLines(stderr)).toEqual(
      readFileSync(path.join(fixtures, 'rules/file-not-read/expected.txt'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => `sources/minimal/${line}`),
    )
    expect(stderr).toContain('⚠ 0 errors, 4 warnings, 0 suppressed in 1 framework\n')
    expect(thresholds(['check', '--no-cache', '--max-warnings', '0'], root, { env: onTestDay }).status).toBe(1)
  })

  it('warns about a file added after a cached run', () => {
    const { root, dir } = frameworkWith()
    writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
    const env = { CACHE_DIR: path.join(root, 'cache') }
    expect(errorLines(thresholds(['check'], root, { env: { ...onTestDay, ...env } }).stderr)).toEqual([])
    writeFileSync(path.join(dir, 'levels/03-extra.MD'), '# Extra\n')
    expect(errorLines(thresholds(['check'], root, { env: { ...onTestDay, ...env } }).stderr)).toEqual([
      'sources/minimal/levels/03-extra.MD:1:1 warning “levels/03-extra.MD” is not read: Thresholds reads only names ending in “.md”, in lower case, expected “levels/03-extra.md” [file-not-read]',
    ])
  })

  it('does not follow a symbolic link out of an unknown folder (it reports the loop), nor into hidden folders', () => {
    const { dir } = frameworkWith()
    mkdirSync(path.join(dir, 'notes/.drafts'), { recursive: true })
    writeFileSync(path.join(dir, 'notes/.drafts/plan.md'), '# Plan\n')
    spawnSync('ln', ['-s', '..', path.join(dir, 'notes/loop')])
    writeFileSync(path.join(dir, 'notes/plan.md'), '# Plan\n')
    expect(messageLines(dir)).toEqual([
      'notes/loop:1:1 warning “notes/loop” is a symbolic link that is not followed: it points at a folder that holds it, which makes a loop, expected the files themselves in the framework folder [symbolic-link]',
      'notes/plan.md:1:1 warning “notes/plan.md” is not read: it is in a folder Thresholds does not read, expected it directly in levels/, domains/ or sections/ (or kept outside the framework folder) [file-not-read]',
    ])
  })
})
