import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import { checkFrameworks } from '../scripts/check/index.ts'
import type { CheckOptions } from '../scripts/check/runner.ts'
import type { Framework } from '../scripts/model/types.ts'
import { BoundedParser } from '../scripts/parse/bounded.ts'
import { loadFrameworks } from '../scripts/parse/index.ts'
import { severityOf } from '../scripts/shared/diagnostics.ts'
import { suggestionOf } from '../scripts/report/input.ts'
import { HANG_MS } from './limits.ts'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const fixtures = path.join(repoRoot, 'test/fixtures')
/** The CLI as the package ships it. */
export const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

/**
 * A framework in a fresh temporary `sources/` folder: the minimal fixture with the files of
 * `overlay` (a folder holding only what differs) laid over it.
 */
export function frameworkWith(overlay?: string, id = 'minimal', root = mkdtempSync(path.join(tmpdir(), 'thresholds-'))): { root: string; dir: string } {
  const dir = path.join(root, 'sources', id)
  cpSync(path.join(fixtures, 'minimal'), dir, { recursive: true })
  if (overlay) cpSync(overlay, dir, { recursive: true })
  return { root, dir }
}

/**
 * One bounded parser for every load in a test file, stopped after its tests. Without one,
 * loadFrameworks and loadSide start a worker thread per call, which loads the Markdown parser:
 * about 0.1 s on an idle machine, over a second on a busy one, far longer than parsing a small
 * framework (and mutation runs repeat the tables for every mutant). The shared worker parses the
 * same trees: a parse over its limits stops it and the next load gets a fresh one, and every call
 * still has a budget of its own.
 */
export const parser = new BoundedParser()
// The docs generators import the rule tables (and so this file) outside a test run, where there is
// no suite to hook: also in a process a test starts, which inherits Vitest's environment variables.
try {
  afterAll(() => parser.close())
} catch {
  // Not inside a test file: the process ends with its work.
}

/**
 * A folder made once per test file by `make` (a CLI run, a git repository...), handed to each
 * test as a fresh copy of its own: tests that start from the same state share the runs that make
 * it. Keep to folders without a content cache (no package.json), whose stamps a copy would not keep.
 */
export function madeOnce(make: () => string): () => string {
  let made: string | undefined
  return () => {
    made ??= make()
    const copy = mkdtempSync(path.join(tmpdir(), 'thresholds-'))
    cpSync(made, copy, { recursive: true })
    return copy
  }
}

/** The date the tests run “on”, so messages that name today's date never change. */
export const TEST_TODAY = '2026-06-30'

/**
 * Messages as `file:line:column severity message [rule]`, file relative to the framework folder.
 * `alongside` are other framework folders checked in the same run (their messages are left out).
 */
export function messageLines(dir: string, only?: string[], options: Omit<CheckOptions, 'only'> & { alongside?: string[]; suggestions?: boolean } = {}): string[] {
  const { alongside = [], suggestions: _, ...checkOptions } = options
  const result = checkFrameworks(loadFrameworks([dir, ...alongside], { parser }), { today: TEST_TODAY, ...checkOptions, ...(only ? { only } : {}) })
  const lines: string[] = []
  for (const file of result.files)
    for (const message of file.messages) {
      const relative = path.relative(dir, path.resolve(file.path)).split(path.sep).join('/')
      if (relative.startsWith('..')) continue
      lines.push(`${relative}:${message.line ?? 1}:${message.column ?? 1} ${severityOf(message)} ${message.reason} [${message.ruleId}]`)
      // As the text report shows it: on its own line, from the message's `expected`.
      const suggestion = options.suggestions ? suggestionOf(message) : undefined
      if (suggestion) lines.push(`  ${suggestion}`)
    }
  return lines
}

export function listDirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
}

export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? filesUnder(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]))
}

/** One digest per file under `dir`, so a failure names the file that differs. */
export function digests(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]))
}

/** The environment without anything that would change colour or point git elsewhere, with `extra` over it. */
/**
 * A parse budget no run in a test uses up, for runs given an environment of their own (which
 * replaces the one vitest.config.ts sets): the default budget, 30 s and 30 s per MB, can run out on
 * a busy machine and turn a comparison of two runs into a comparison of what each had time for.
 */
export const UNHURRIED_PARSE = { THRESHOLDS_PARSE_SECONDS: '100000' } as const

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) if (!/^(NO_COLOR|FORCE_COLOR|GIT_.*)$/.test(key)) env[key] = value
  return { ...env, ...extra }
}

export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the real CLI as a process in `cwd`: stdout and stderr are pipes, NO_COLOR is set, `env` is
 * laid over the clean environment (THRESHOLDS_TODAY: TEST_TODAY to fix the date), and a run that
 * hangs is killed after `timeout` ms (HANG_MS unless given).
 */
export function thresholds(args: string[], cwd: string, options: { env?: Record<string, string>; timeout?: number } = {}): Run {
  const { env = {}, timeout = HANG_MS } = options
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1', ...env }), timeout, killSignal: 'SIGKILL' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The environment fixing the date the CLI runs “on” at TEST_TODAY. */
export const onTestDay: Record<string, string> = { THRESHOLDS_TODAY: TEST_TODAY }

/** Root can read and write any file, so “unreadable” and read-only cases run the CLI as this user when the tests run as root. */
export const NOBODY = 65534
export const isRoot = process.getuid?.() === 0

/** Runs git in `cwd` as a content owner would, with no settings of the machine's own. */
export function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'user.name=Business Unit', '-c', 'user.email=unit@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' })
}

/** Lays `yaml` into the front matter of the framework's framework.md, before its closing `---`. */
export function setFrontMatter(dir: string, yaml: string): void {
  const file = path.join(dir, 'framework.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, `\n${yaml}\n---\n`))
}

/** Removes the contacts of the first level (levels/01-early-help.md) of the minimal framework in `dir`. */
export function withoutContacts(dir: string): void {
  const file = path.join(dir, 'levels/01-early-help.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/## Contacts[\s\S]*$/, ''))
}

/** The model of the one framework in `dir`, failing when none is read. */
export function modelOf(dir: string): Framework {
  const [loaded] = loadFrameworks([dir], { parser })
  if (!loaded) throw new Error('no framework read')
  return loaded.framework
}

/** Replaces `from` with `to` in a file, failing when `from` is not there (so a fixture change is noticed). */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`)
  writeFileSync(file, text.replace(from, to))
}
