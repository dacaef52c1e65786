/**
 * No command destroys what it did not make, end to end: each case runs the real CLI as a separate
 * process in a temporary project (sources/, package.json, README.md, docs/, a built generated/
 * and generated/site) kept inside a folder of its own with a file beside the project, and asserts
 * the exit code, the exact message, and that every file, folder and link under that outer folder
 * is as it was (the digests before and after).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtures, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
/** Hang guard only: a run takes one to three seconds. */
const PROCESS_LIMIT_MS = 60_000
/** Root may write anywhere, so read-only cases run the CLI as this user when the tests run as root. */
const NOBODY = 65534
const isRoot = process.getuid?.() === 0

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
      timeout: PROCESS_LIMIT_MS,
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

const refused = (given: string, reason: string) => `Cannot write to “${given}” (--out): ${reason}; nothing was changed\n`
const SITE = 'expected a folder of its own such as generated/site'
const PACKAGE = 'expected a folder of its own such as generated'

const refusals: Refusal[] = [
  { name: 'site --out . (the whole project)', args: ['site', '--out', '.'], stderr: refused('.', `it is the working folder, ${SITE}`) },
  { name: 'site --out ./ (trailing slash)', args: ['site', '--out', './'], stderr: refused('./', `it is the working folder, ${SITE}`) },
  { name: 'build --out the project by its absolute path', args: ['build', '--out', '<root>'], stderr: refused('<root>', `it is the working folder, ${PACKAGE}`) },
  { name: 'build --out a symbolic link to the project', args: ['build', '--out', '../project-link'], stderr: refused('../project-link', `it is the working folder, ${PACKAGE}`) },
  { name: "build --out '' (an unset variable)", args: ['build', '--out', ''], stderr: '--out is empty, expected a folder such as generated\n' },
  { name: 'site --out= (an unset variable)', args: ['site', '--out='], stderr: '--out is empty, expected a folder such as generated/site\n' },
  { name: "site --out ' ' (blank)", args: ['site', '--out', ' '], stderr: '--out is empty, expected a folder such as generated/site\n' },
  { name: 'site --out .. (the parent)', args: ['site', '--out', '..'], stderr: refused('..', `it holds the working folder, ${SITE}`) },
  { name: 'build --out ../ (the parent, trailing slash)', args: ['build', '--out', '../'], stderr: refused('../', `it holds the working folder, ${PACKAGE}`) },
  { name: 'site --out=/ (the root of the file system)', args: ['site', '--out=/'], stderr: refused('/', `it holds the working folder, ${SITE}`) },
  {
    name: 'site --out ~ (a home folder that holds the project)',
    args: ['site', '--out', '<outer>'],
    env: (outer) => ({ HOME: outer }),
    stderr: refused('<outer>', `it holds the working folder, ${SITE}`),
  },
  {
    name: 'site --out ~ (a home folder elsewhere)',
    args: ['site', '--out', '<outer>/home'],
    env: (outer) => ({ HOME: path.join(outer, 'home') }),
    stderr: refused('<outer>/home', `it is your home folder, ${SITE}`),
  },
  { name: 'site --out .. from inside sources/ (the project)', args: ['site', '--out', '..'], cwd: 'project/sources', stderr: refused('..', `it holds the working folder, ${SITE}`) },
  { name: 'build --out sources', args: ['build', '--out', 'sources'], stderr: refused('sources', 'it is the sources folder') },
  { name: 'build --out sources/ (trailing slash)', args: ['build', '--out', 'sources/'], stderr: refused('sources/', 'it is the sources folder') },
  { name: 'build --out ./sources/../sources', args: ['build', '--out', './sources/../sources'], stderr: refused('./sources/../sources', 'it is the sources folder') },
  { name: 'build --out sources by its absolute path', args: ['build', '--out', '<root>/sources'], stderr: refused('<root>/sources', 'it is the sources folder') },
  { name: 'build --out a link to sources', args: ['build', '--out', 'sources-link'], stderr: refused('sources-link', 'it is the sources folder') },
  { name: 'site --out sources/minimal (a framework)', args: ['site', '--out', 'sources/minimal'], stderr: refused('sources/minimal', 'it is inside the sources folder “sources”') },
  { name: 'site --out a new folder inside a framework', args: ['site', '--out', 'sources/minimal/site'], stderr: refused('sources/minimal/site', 'it is inside the sources folder “sources”') },
  {
    name: 'build --out a framework checked from outside sources/',
    args: ['build', 'elsewhere/other', '--out', 'elsewhere/other'],
    setup: (root) => cpSync(path.join(fixtures, 'minimal'), path.join(root, 'elsewhere/other'), { recursive: true }),
    stderr: refused('elsewhere/other', 'it is the sources folder'),
  },
  {
    name: 'build --out a folder holding a framework checked',
    args: ['build', 'elsewhere/other', '--out', 'elsewhere'],
    setup: (root) => cpSync(path.join(fixtures, 'minimal'), path.join(root, 'elsewhere/other'), { recursive: true }),
    stderr: refused('elsewhere', 'it holds the sources folder “elsewhere/other”'),
  },
  {
    name: 'site --out a framework folder that is not being checked',
    args: ['site', '--out', 'spare'],
    setup: (root) => cpSync(path.join(fixtures, 'minimal'), path.join(root, 'spare'), { recursive: true }),
    stderr: refused('spare', 'it is a framework folder (one with a framework.md)'),
  },
  { name: 'site --out generated (the package)', args: ['site', '--out', 'generated'], stderr: refused('generated', `it holds the package that thresholds build writes, ${SITE}`) },
  { name: 'build --out generated/site (the website)', args: ['build', '--out', 'generated/site'], stderr: refused('generated/site', 'it is inside “generated”, which holds the package that thresholds build writes') },
  {
    name: 'build --out generated/site before any site was made',
    args: ['build', '--out', 'generated/site'],
    setup: (root) => rmSync(path.join(root, 'generated/site'), { recursive: true }),
    stderr: refused('generated/site', 'it is inside “generated”, which holds the package that thresholds build writes'),
  },
  { name: 'build --out generated/minimal (inside the package)', args: ['build', '--out', 'generated/minimal'], stderr: refused('generated/minimal', 'it is inside “generated”, which holds the package that thresholds build writes') },
  { name: 'site --out generated/site/minimal (inside the website)', args: ['site', '--out', 'generated/site/minimal'], stderr: refused('generated/site/minimal', 'it is inside “generated/site”, which holds the website that thresholds site writes') },
  {
    name: 'build --out a folder the website was written to',
    args: ['build', '--out', 'public'],
    setup: (root) => cpSync(path.join(root, 'generated/site'), path.join(root, 'public'), { recursive: true }),
    stderr: refused('public', `it holds the website that thresholds site writes, ${PACKAGE}`),
  },
  { name: 'build --out docs (a folder of the user’s)', args: ['build', '--out', 'docs'], stderr: refused('docs', 'it is not empty and Thresholds did not make it (it has no .thresholds-output file), expected a new or empty folder') },
  { name: 'site --out README.md (a file)', args: ['site', '--out', 'README.md'], stderr: refused('README.md', 'it is a file, expected a folder') },
  {
    name: 'site --out a folder whose marker Thresholds did not write',
    args: ['site', '--out', 'docs'],
    setup: (root) => writeFileSync(path.join(root, 'docs/.thresholds-output'), 'hello\n'),
    stderr: refused('docs', 'it is not empty and Thresholds did not make it (it has no .thresholds-output file), expected a new or empty folder'),
  },
  {
    name: 'site --out a marked folder that sources were copied into',
    args: ['site', '--out', 'public'],
    setup: (root) => {
      cpSync(path.join(root, 'generated/site'), path.join(root, 'public'), { recursive: true })
      cpSync(path.join(fixtures, 'minimal'), path.join(root, 'public/drafts/minimal'), { recursive: true })
    },
    stderr: refused('public', 'it holds “public/drafts/minimal/framework.md”, which Thresholds did not make'),
  },
  {
    name: 'build into a generated/ of the user’s (no marker), by default',
    args: ['build'],
    setup: (root) => rmSync(path.join(root, 'generated/.thresholds-output')),
    stderr: 'Cannot write to “generated”: it is not empty and Thresholds did not make it (it has no .thresholds-output file), expected a new or empty folder; nothing was changed\n',
  },
  { name: 'dev --out . (before serving anything)', args: ['dev', '--out', '.', '--port', '0'], stderr: refused('.', `it is the working folder, ${SITE}`) },
  { name: 'dev --out sources', args: ['dev', '--out', 'sources', '--port', '0'], stderr: refused('sources', 'it is the sources folder') },
  { name: 'dev --out generated', args: ['dev', '--out', 'generated', '--port', '0'], stderr: refused('generated', `it holds the package that thresholds build writes, ${SITE}`) },
  { name: "dev --out ''", args: ['dev', '--out', '', '--port', '0'], stderr: '--out is empty, expected a folder such as generated/site\n' },
]

describe('output folders: a command replaces only what Thresholds made', () => {
  it.concurrent.for(refusals)('refuses $name: exit 2, one plain line, nothing touched', async (item, { expect }) => {
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
