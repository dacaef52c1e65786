/**
 * No command destroys what it did not make, end to end: each case runs the real CLI as a separate
 * process in a temporary project (sources/, package.json, README.md, docs/, a built generated/
 * and generated/site) kept inside a folder of its own with a file beside the project, and asserts
 * the exit code, the exact message, and that every file, folder and link under that outer folder
 * is as it was (the digests before and after).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, chownSync, closeSync, cpSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bin, fixtures, isRoot, NOBODY } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/** Hang guard only: a run takes one to three seconds. */

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

interface RunOptions {
  env?: Record<string, string>
  asOtherUser?: boolean
  /** What stdout is: a pipe read to the end (default), a pipe closed before the CLI writes, or /dev/full. */
  stdout?: 'pipe' | 'closed' | 'full'
  /** A pipe closed before the CLI writes, as well as stdout. */
  closeStderr?: boolean
  /** Run through `sh -c` with this file size limit in kB (ulimit -f), to make a write fail part way. */
  fileSizeLimitKb?: number
}

function thresholds(args: string[], cwd: string, options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const full = options.stdout === 'full' ? openSync('/dev/full', 'w') : undefined
    const command = options.fileSizeLimitKb ? ['/bin/sh', ['-c', `ulimit -f ${options.fileSizeLimitKb * 2} && exec "$0" "$@"`, process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]]
    const child = spawn(command[0] as string, command[1] as string[], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', THRESHOLDS_DEBUG: '', ...options.env },
      stdio: ['ignore', full ?? 'pipe', 'pipe'],
      timeout: HANG_MS,
      killSignal: 'SIGKILL',
      ...(options.asOtherUser && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    })
    if (full !== undefined) closeSync(full)
    let stdout = ''
    let stderr = ''
    if (options.stdout === 'closed') child.stdout?.destroy()
    else child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    if (options.closeStderr) child.stderr?.destroy()
    else child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** Every path under `dir` with its kind and content (links by target, not followed). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (current: string, prefix: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name)
      const stats = lstatSync(full)
      const key = `${prefix}${name}`
      if (stats.isSymbolicLink()) out[key] = `link ${readlinkSync(full)}`
      else if (stats.isDirectory()) {
        out[key] = `folder ${(stats.mode & 0o777).toString(8)}`
        walk(full, `${key}/`)
      } else out[key] = `file ${(stats.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`
    }
  }
  walk(dir, '')
  return out
}

const roots: string[] = []
let template = ''

/** A fresh copy of the project, in `<outer>/project`, with `<outer>/beside.txt` next to it. */
function project(): { outer: string; root: string } {
  const outer = mkdtempSync(path.join(tmpdir(), 'thresholds-out-'))
  roots.push(outer)
  cpSync(template, outer, { recursive: true, verbatimSymlinks: true })
  return { outer, root: path.join(outer, 'project') }
}

beforeAll(async () => {
  template = mkdtempSync(path.join(tmpdir(), 'thresholds-out-template-'))
  roots.push(template)
  const root = path.join(template, 'project')
  cpSync(path.join(fixtures, 'minimal'), path.join(root, 'sources/minimal'), { recursive: true })
  writeFileSync(path.join(root, 'package.json'), '{ "name": "my-frameworks", "private": true }\n')
  writeFileSync(path.join(root, 'README.md'), '# My frameworks\n')
  mkdirSync(path.join(root, 'docs'))
  writeFileSync(path.join(root, 'docs/notes.md'), 'Notes of my own.\n')
  writeFileSync(path.join(template, 'beside.txt'), 'Not part of the project.\n')
  mkdirSync(path.join(template, 'home'))
  writeFileSync(path.join(template, 'home/.profile'), 'export PATH\n')
  symlinkSync('project', path.join(template, 'project-link'))
  symlinkSync('sources', path.join(root, 'sources-link'))
  const build = await thresholds(['build', '--no-cache'], root)
  const site = await thresholds(['site', '--no-cache'], root)
  expect([build.status, site.status], build.stderr + site.stderr).toEqual([0, 0])
})

afterAll(() => {
  for (const root of roots) {
    chmodRecursive(root)
    rmSync(root, { recursive: true, force: true })
  }
})

function chmodRecursive(dir: string): void {
  try {
    chmodSync(dir, 0o755)
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) chmodRecursive(path.join(dir, entry.name))
  } catch {
    // Already gone.
  }
}

interface Refusal {
  name: string
  args: string[]
  stderr: string
  /** Runs in the project folder unless given, relative to the outer folder. */
  cwd?: string
  env?: (outer: string) => Record<string, string>
  setup?: (root: string, outer: string) => void
}

const refused = (given: string, reason: string) => `Cannot write to ${given} (--out): ${reason}; nothing was changed\n`
const SITE = 'expected a folder of its own such as generated/site'
const PACKAGE = 'expected a folder of its own such as generated'

const refusals: Refusal[] = [
  { name: 'site --out . (the whole project)', args: ['site', '--out', '.'], stderr: refused('./', `it is the working folder, ${SITE}`) },
  { name: 'site --out ./ (trailing slash)', args: ['site', '--out', './'], stderr: refused('./', `it is the working folder, ${SITE}`) },
  { name: 'build --out the project by its absolute path', args: ['build', '--out', '<root>'], stderr: refused('<root>/', `it is the working folder, ${PACKAGE}`) },
  { name: 'build --out a symbolic link to the project', args: ['build', '--out', '../project-link'], stderr: refused('../project-link/', `it is the working folder, ${PACKAGE}`) },
  { name: "build --out '' (an unset variable)", args: ['build', '--out', ''], stderr: '--out is empty, expected a folder such as generated\n' },
  { name: 'site --out= (an unset variable)', args: ['site', '--out='], stderr: '--out is empty, expected a folder such as generated/site\n' },
  { name: "site --out ' ' (blank)", args: ['site', '--out', ' '], stderr: '--out is empty, expected a folder such as generated/site\n' },
  { name: 'site --out .. (the parent)', args: ['site', '--out', '..'], stderr: refused('../', `it holds the working folder, ${SITE}`) },
  { name: 'build --out ../ (the parent, trailing slash)', args: ['build', '--out', '../'], stderr: refused('../', `it holds the working folder, ${PACKAGE}`) },
  { name: 'site --out=/ (the root of the file system)', args: ['site', '--out=/'], stderr: refused('/', `it holds the working folder, ${SITE}`) },
  {
    name: 'site --out ~ (a home folder that holds the project)',
    args: ['site', '--out', '<outer>'],
    env: (outer) => ({ HOME: outer }),
    stderr: refused('<outer>/', `it holds the working folder, ${SITE}`),
  },
  {
    name: 'site --out ~ (a home folder elsewhere)',
    args: ['site', '--out', '<outer>/home'],
    env: (outer) => ({ HOME: path.join(outer, 'home') }),
    stderr: refused('<outer>/home/', `it is your home folder, ${SITE}`),
  },
  { name: 'site --out .. from inside sources/ (the project)', args: ['site', '--out', '..'], cwd: 'project/sources', stderr: refused('../', `it holds the working folder, ${SITE}`) },
  { name: 'build --out sources', args: ['build', '--out', 'sources'], stderr: refused('sources/', 'it is the sources folder') },
  { name: 'build --out sources/ (trailing slash)', args: ['build', '--out', 'sources/'], stderr: refused('sources/', 'it is the sources folder') },
  { name: 'build --out ./sources/../sources', args: ['build', '--out', './sources/../sources'], stderr: refused('./sources/../sources/', 'it is the sources folder') },
  { name: 'build --out sources by its absolute path', args: ['build', '--out', '<root>/sources'], stderr: refused('<root>/sources/', 'it is the sources folder') },
  { name: 'build --out a link to sources', args: ['build', '--out', 'sources-link'], stderr: refused('sources-link/', 'it is the sources folder') },
  { name: 'site --out sources/minimal (a framework)', args: ['site', '--out', 'sources/minimal'], stderr: refused('sources/minimal/', 'it is inside the sources folder “sources”') },
  { name: 'site --out a new folder inside a framework', args: ['site', '--out', 'sources/minimal/site'], stderr: refused('sources/minimal/site/', 'it is inside the sources folder “sources”') },
  { name: 'build --out sources/..x (a folder named with two dots, inside sources)', args: ['build', '--out', 'sources/..x'], stderr: refused('sources/..x/', 'it is inside the sources folder “sources”') },
  { name: 'site --out sources/... (a folder named with three dots, inside sources)', args: ['site', '--out', 'sources/...'], stderr: refused('sources/.../', 'it is inside the sources folder “sources”') },
  {
    name: 'build --out a framework checked from outside sources/',
    args: ['build', 'elsewhere/other', '--out', 'elsewhere/other'],
    setup: (root) => cpSync(path.join(fixtures, 'minimal'), path.join(root, 'elsewhere/other'), { recursive: true }),
    stderr: refused('elsewhere/other/', 'it is the sources folder'),
  },
  {
    name: 'build --out a folder holding a framework checked',
    args: ['build', 'elsewhere/other', '--out', 'elsewhere'],
    setup: (root) => cpSync(path.join(fixtures, 'minimal'), path.join(root, 'elsewhere/other'), { recursive: true }),
    stderr: refused('elsewhere/', 'it holds the sources folder “elsewhere/other”'),
  },
  {
    name: 'site --out a framework folder that is not being checked',
    args: ['site', '--out', 'spare'],
    setup: (root) => cpSync(path.join(fixtures, 'minimal'), path.join(root, 'spare'), { recursive: true }),
    stderr: refused('spare/', 'it is a framework folder (one with a framework.md)'),
  },
  { name: 'site --out generated (the package)', args: ['site', '--out', 'generated'], stderr: refused('generated/', `it holds the package that thresholds build writes, ${SITE}`) },
  { name: 'build --out generated/site (the website)', args: ['build', '--out', 'generated/site'], stderr: refused('generated/site/', 'it is inside “generated”, which holds the package that thresholds build writes') },
  {
    name: 'build --out generated/site before any site was made',
    args: ['build', '--out', 'generated/site'],
    setup: (root) => rmSync(path.join(root, 'generated/site'), { recursive: true }),
    stderr: refused('generated/site/', 'it is inside “generated”, which holds the package that thresholds build writes'),
  },
  { name: 'build --out generated/minimal (inside the package)', args: ['build', '--out', 'generated/minimal'], stderr: refused('generated/minimal/', 'it is inside “generated”, which holds the package that thresholds build writes') },
  { name: 'site --out generated/site/minimal (inside the website)', args: ['site', '--out', 'generated/site/minimal'], stderr: refused('generated/site/minimal/', 'it is inside “generated/site”, which holds the website that thresholds site writes') },
  {
    name: 'build --out a folder the website was written to',
    args: ['build', '--out', 'public'],
    setup: (root) => cpSync(path.join(root, 'generated/site'), path.join(root, 'public'), { recursive: true }),
    stderr: refused('public/', `it holds the website that thresholds site writes, ${PACKAGE}`),
  },
  { name: 'build --out docs (a folder of the user’s)', args: ['build', '--out', 'docs'], stderr: refused('docs/', 'it is not empty and Thresholds did not make it (it has no .thresholds-output file), expected a new or empty folder') },
  { name: 'site --out README.md (a file)', args: ['site', '--out', 'README.md'], stderr: refused('README.md/', 'it is a file, expected a folder') },
  { name: 'build --out README.md/site (under a file)', args: ['build', '--out', 'README.md/site'], stderr: refused('README.md/site/', '“README.md” is a file, expected a folder') },
  {
    name: 'site --out a folder whose marker Thresholds did not write',
    args: ['site', '--out', 'docs'],
    setup: (root) => writeFileSync(path.join(root, 'docs/.thresholds-output'), 'hello\n'),
    stderr: refused('docs/', 'it is not empty and Thresholds did not make it (it has no .thresholds-output file), expected a new or empty folder'),
  },
  {
    name: 'site --out a marked folder that sources were copied into',
    args: ['site', '--out', 'public'],
    setup: (root) => {
      cpSync(path.join(root, 'generated/site'), path.join(root, 'public'), { recursive: true })
      cpSync(path.join(fixtures, 'minimal'), path.join(root, 'public/drafts/minimal'), { recursive: true })
    },
    stderr: refused('public/', 'it holds “public/drafts/minimal/framework.md”, which Thresholds did not make'),
  },
  {
    name: 'build into a generated/ of the user’s (no marker), by default',
    args: ['build'],
    setup: (root) => rmSync(path.join(root, 'generated/.thresholds-output')),
    stderr: 'Cannot write to generated/: it is not empty and Thresholds did not make it (it has no .thresholds-output file), expected a new or empty folder; nothing was changed\n',
  },
  { name: 'dev --out . (before serving anything)', args: ['dev', '--out', '.', '--port', '0'], stderr: refused('./', `it is the working folder, ${SITE}`) },
  { name: 'dev --out sources', args: ['dev', '--out', 'sources', '--port', '0'], stderr: refused('sources/', 'it is the sources folder') },
  { name: 'dev --out generated', args: ['dev', '--out', 'generated', '--port', '0'], stderr: refused('generated/', `it holds the package that thresholds build writes, ${SITE}`) },
  { name: "dev --out ''", args: ['dev', '--out', '', '--port', '0'], stderr: '--out is empty, expected a folder such as generated/site\n' },
]

describe('output folders: a command replaces only what Thresholds made', () => {
  // One test per case, named in full (a table's $name is cut short in test names).
  for (const item of refusals)
    it.concurrent(`refuses ${item.name}: exit 2, one plain line, nothing touched`, async ({ expect }) => {
      const { outer, root } = project()
      item.setup?.(root, outer)
      const fill = (text: string) => text.replaceAll('<root>', root).replaceAll('<outer>', outer)
      const before = tree(outer)
      const result = await thresholds(item.args.map(fill), item.cwd ? path.join(outer, item.cwd) : root, { env: item.env?.(outer) })
      expect(result.status, result.stderr).toBe(2)
      expect(result.stderr).toBe(fill(item.stderr))
      expect(result.stdout).toBe('')
      expect(tree(outer)).toEqual(before)
    })
})

/** Hands the whole outer folder to the other user the read-only cases run as (see NOBODY). */
function giveToOtherUser(outer: string): void {
  if (!isRoot) return
  const walk = (dir: string) => {
    chownSync(dir, NOBODY, NOBODY)
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (!entry.isSymbolicLink()) chownSync(full, NOBODY, NOBODY)
    }
  }
  walk(outer)
}

/** Takes write permission away from a folder and everything in it. */
function readOnly(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) readOnly(full)
    else if (!entry.isSymbolicLink()) chmodSync(full, 0o444)
  }
  chmodSync(dir, 0o555)
}

/** A change to the sources, so the next build and site have something to write. */
function editSources(root: string): void {
  const level = path.join(root, 'sources/minimal/levels/01-early-help.md')
  writeFileSync(level, readFileSync(level, 'utf8').replace('Support as soon', 'Help as soon'))
}

describe('output folders: the marker', () => {
  it('is written into every folder Thresholds makes, names its kind, and lets the next run replace the folder', async () => {
    const { root } = project()
    expect(readFileSync(path.join(root, 'generated/.thresholds-output'), 'utf8')).toBe('thresholds-output: package\nThresholds made this folder and replaces all of it on each run: keep nothing else here.\n')
    expect(readFileSync(path.join(root, 'generated/site/.thresholds-output'), 'utf8')).toMatch(/^thresholds-output: site\n/)
    const first = await thresholds(['site', '--no-cache', '--out', 'public'], root)
    expect(first).toMatchObject({ status: 0, stderr: expect.stringMatching(/^Wrote \d+ files in public\/\./) })
    expect(readFileSync(path.join(root, 'public/.thresholds-output'), 'utf8')).toMatch(/^thresholds-output: site\n/)
    editSources(root)
    const again = await thresholds(['site', '--no-cache', '--out', 'public/'], root)
    expect(again).toMatchObject({ status: 0, stderr: expect.stringMatching(/^Wrote 1 file in public\/\./) })
    const build = await thresholds(['build', '--no-cache'], root)
    expect(build).toMatchObject({ status: 0, stderr: 'Wrote 4 files in generated/.\n' })
    // A folder holding only the website in its usual place: site before the first build.
    rmSync(path.join(root, 'generated'), { recursive: true })
    expect((await thresholds(['site', '--no-cache'], root)).status).toBe(0)
    expect(await thresholds(['build', '--no-cache'], root)).toMatchObject({ status: 0, stderr: expect.stringMatching(/^Wrote \d+ files in generated\/\.\n$/) })
    expect(readFileSync(path.join(root, 'generated/site/.thresholds-output'), 'utf8')).toMatch(/^thresholds-output: site\n/)
    // An empty folder is Thresholds' to fill.
    mkdirSync(path.join(root, 'empty'))
    expect((await thresholds(['build', '--no-cache', '--out', 'empty'], root)).status).toBe(0)
  })

  it('is part of what build --check compares: a package without it is not up to date', async () => {
    const { root } = project()
    expect(await thresholds(['build', '--check', '--no-cache'], root)).toMatchObject({ status: 0, stderr: 'generated/ is up to date with the sources.\n' })
    rmSync(path.join(root, 'generated/.thresholds-output'))
    const before = tree(root)
    const check = await thresholds(['build', '--check', '--no-cache'], root)
    expect(check).toMatchObject({
      status: 1,
      stderr: 'generated/ is not what the sources produce. Run “npm run build” and commit the result.\n  differs: generated/.thresholds-output\n',
    })
    expect(tree(root)).toEqual(before)
  })
})

describe('writes and exits', () => {
  for (const item of [
    { name: 'a read-only generated/', folder: 'generated', stderr: 'Cannot write to generated/: generated/ is read-only, expected a folder Thresholds can replace; nothing was changed\n' },
    { name: 'a read-only folder inside generated/', folder: 'generated/minimal', stderr: 'Cannot write to generated/: generated/minimal/ is read-only, expected a folder Thresholds can replace; nothing was changed\n' },
    { name: 'a read-only project folder (the parent of generated/)', folder: '.', stderr: 'Cannot write to generated/: the folder it is in is read-only, expected a folder Thresholds can replace; nothing was changed\n' },
  ])
    it.concurrent(`build refuses ${item.name} before anything is swapped: exit 2, one line, nothing left beside it`, async ({ expect }) => {
      const { outer, root } = project()
      editSources(root)
      giveToOtherUser(outer)
      if (item.folder === '.') chmodSync(root, 0o555)
      else readOnly(path.join(root, item.folder))
      const before = tree(outer)
      const result = await thresholds(['build', '--no-cache'], root, { asOtherUser: true })
      expect(result).toMatchObject({ status: 2, stderr: item.stderr })
      expect(tree(outer)).toEqual(before)
    })

  it('site refuses a read-only generated/site the same way', async () => {
    const { outer, root } = project()
    editSources(root)
    giveToOtherUser(outer)
    readOnly(path.join(root, 'generated/site'))
    const before = tree(outer)
    const result = await thresholds(['site', '--no-cache'], root, { asOtherUser: true })
    expect(result).toMatchObject({ status: 2, stderr: 'Cannot write to generated/site/: generated/site/ is read-only, expected a folder Thresholds can replace; nothing was changed\n' })
    expect(tree(outer)).toEqual(before)
  })

  it('ids --write replaces each source whole: a write that fails part way leaves the file as it was', async () => {
    const { outer, root } = project()
    // Many derived ids in a file larger than the size limit the process runs under (ulimit -f).
    const file = path.join(root, 'sources/minimal/domains/01-health.md')
    const bullets = Array.from({ length: 3000 }, (_, i) => `- Unexplained absence from school number ${i} in the autumn term\n`).join('')
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Child protection', `${bullets}\n## Child protection`))
    const before = tree(outer)
    const result = await thresholds(['ids', '--write'], root, { fileSizeLimitKb: 150 })
    expect(result.status, result.stderr).toBe(2)
    expect(result.stderr).toBe('Cannot write sources/minimal/domains/01-health.md: the file is larger than this system allows; the file was left as it was\n')
    expect(tree(outer)).toEqual(before)
  })

  it('ids --write keeps a source file’s permissions', async () => {
    const { root } = project()
    const file = path.join(root, 'sources/minimal/domains/01-health.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('- Missing immunisations {#health-missing-immunisations}', '- Missing immunisations'))
    chmodSync(file, 0o640)
    const result = await thresholds(['ids', '--write'], root)
    expect(result).toMatchObject({ status: 0, stdout: 'sources/minimal/domains/01-health.md:8  {#health-missing-immunisations}\n', stderr: 'Pinned 1 id.\n' })
    expect(readFileSync(file, 'utf8')).toContain('- Missing immunisations {#health-missing-immunisations}\n')
    expect(lstatSync(file).mode & 0o777).toBe(0o640)
    expect(readdirSync(path.dirname(file))).toEqual(['01-health.md'])
  })

  it('a closed pipe on stdout (thresholds check | head -1): exit 2 and one plain line', async () => {
    const { root } = project()
    const result = await thresholds(['check', '--no-cache', '--format', 'json'], root, { stdout: 'closed' })
    expect(result).toMatchObject({ status: 2, stderr: 'Could not write the output: the program reading it stopped reading (a closed pipe).\n' })
  })

  it('a full disk on stdout (> /dev/full): exit 2 and one plain line', async () => {
    const { root } = project()
    expect(await thresholds(['check', '--no-cache', '--format', 'json'], root, { stdout: 'full' })).toMatchObject({ status: 2, stderr: 'Could not write the output: the disk is full.\n' })
    expect(await thresholds(['diff', 'sources', 'sources'], root, { stdout: 'full' })).toMatchObject({ status: 2, stderr: expect.stringMatching(/^0 changes \(.*\)\.\nCould not write the output: the disk is full\.\n$/) })
  })

  it('stdout and stderr both closed: exit 2 in silence', async () => {
    const { root } = project()
    expect(await thresholds(['check', '--no-cache', '--format', 'json'], root, { stdout: 'closed', closeStderr: true })).toMatchObject({ status: 2 })
    expect(await thresholds(['check', '--no-cache'], root, { closeStderr: true })).toMatchObject({ status: 2, stdout: '' })
  })

  for (const item of [
    { value: '../..', stderr: '--framework expects a framework id (lower-case letters, digits and single hyphens, such as shropshire), got “../..”\n' },
    { value: 'minimal/../..', stderr: '--framework expects a framework id (lower-case letters, digits and single hyphens, such as shropshire), got “minimal/../..”\n' },
    { value: '/etc', stderr: '--framework expects a framework id (lower-case letters, digits and single hyphens, such as shropshire), got “/etc”\n' },
    { value: '', stderr: '--framework expects a framework id (lower-case letters, digits and single hyphens, such as shropshire), got “”\n' },
    { value: 'Minimal', stderr: '--framework expects a framework id (lower-case letters, digits and single hyphens, such as shropshire), got “Minimal”\n' },
    { value: 'no-such', stderr: 'No framework “no-such” in either version, expected one of “minimal”\n' },
  ])
    it.concurrent(`diff --framework “${item.value}” is a usage error: exit 2, one plain line`, async ({ expect }) => {
      const { outer, root } = project()
      const before = tree(outer)
      expect(await thresholds(['diff', 'sources', 'sources', '--framework', item.value], root)).toMatchObject({ status: 2, stdout: '', stderr: item.stderr })
      expect(tree(outer)).toEqual(before)
    })

  for (const item of [
    { name: 'a source file', given: 'sources/minimal/contacts.md', reason: 'it is inside the sources' },
    { name: 'a new file inside sources/', given: 'sources/links.json', reason: 'it is inside the sources' },
    { name: 'a file in a folder named with two dots inside sources/', given: 'sources/..x/links.json', reason: 'it is inside the sources' },
    { name: 'package.json (JSON of another shape)', given: 'package.json', reason: 'it is not a Thresholds link cache' },
    { name: 'README.md (not JSON)', given: 'README.md', reason: 'it is not a Thresholds link cache (not JSON)' },
    { name: 'a folder', given: 'docs', reason: 'it is a folder' },
    { name: 'the built package’s framework.json', given: 'generated/minimal/framework.json', reason: 'it is not a Thresholds link cache' },
  ])
    it.concurrent(`--online-cache refuses ${item.name}: exit 2, one plain line, nothing touched`, async ({ expect }) => {
      const { outer, root } = project()
      const before = tree(outer)
      const result = await thresholds(['check', '--no-cache', '--online', '--online-cache', item.given], root)
      expect(result).toMatchObject({ status: 2, stdout: '', stderr: `Cannot use “${item.given}” as the link cache (--online-cache): ${item.reason}; nothing was changed\n` })
      expect(tree(outer)).toEqual(before)
    })

  it("--online-cache '' is a usage error", async () => {
    const { root } = project()
    expect(await thresholds(['check', '--online', '--online-cache', ''], root)).toMatchObject({ status: 2, stderr: '--online-cache is empty, expected a file such as links-cache.json\n' })
  })
})

describe('new never writes a framework where a build would remove it', () => {
  for (const item of [
    { sources: 'generated', stderr: 'Cannot create generated/west-midshire: it would be inside “generated”, which holds the package that thresholds build writes and is replaced on each run; nothing was changed\n' },
    { sources: 'generated/site/drafts', stderr: 'Cannot create generated/site/drafts/west-midshire: it would be inside “generated/site”, which holds the website that thresholds site writes and is replaced on each run; nothing was changed\n' },
  ])
    it.concurrent(`new west-midshire --sources ${item.sources}: exit 2, one plain line, nothing touched`, async ({ expect }) => {
      const { outer, root } = project()
      const before = tree(outer)
      expect(await thresholds(['new', 'west-midshire', '--sources', item.sources], root)).toMatchObject({ status: 2, stdout: '', stderr: item.stderr })
      expect(tree(outer)).toEqual(before)
    })
})
