import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkFrameworks } from '../scripts/check/index.ts'
import type { CheckOptions } from '../scripts/check/runner.ts'
import { loadFrameworks } from '../scripts/parse/index.ts'
import { severityOf } from '../scripts/shared/diagnostics.ts'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const fixtures = path.join(repoRoot, 'test/fixtures')

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

/** The date the tests run “on”, so messages that name today's date never change. */
export const TEST_TODAY = '2026-06-30'

/**
 * Messages as `file:line:column severity message [rule]`, file relative to the framework folder.
 * `alongside` are other framework folders checked in the same run (their messages are left out).
 */
export function messageLines(dir: string, only?: string[], options: Omit<CheckOptions, 'only'> & { alongside?: string[] } = {}): string[] {
  const { alongside = [], ...checkOptions } = options
  const result = checkFrameworks(loadFrameworks([dir, ...alongside]), { today: TEST_TODAY, ...checkOptions, ...(only ? { only } : {}) })
  const lines: string[] = []
  for (const file of result.files)
    for (const message of file.messages) {
      const relative = path.relative(dir, path.resolve(file.path)).split(path.sep).join('/')
      if (relative.startsWith('..')) continue
      lines.push(`${relative}:${message.line ?? 1}:${message.column ?? 1} ${severityOf(message)} ${message.reason} [${message.ruleId}]`)
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

/** Runs git in `cwd` as a content owner would, with no settings of the machine's own. */
export function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'user.name=Business Unit', '-c', 'user.email=unit@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' })
}

/** Replaces `from` with `to` in a file, failing when `from` is not there (so a fixture change is noticed). */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`)
  writeFileSync(file, text.replace(from, to))
}
