import { cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
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
export function frameworkWith(overlay?: string, id = 'minimal'): { root: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-'))
  const dir = path.join(root, 'sources', id)
  cpSync(path.join(fixtures, 'minimal'), dir, { recursive: true })
  if (overlay) cpSync(overlay, dir, { recursive: true })
  return { root, dir }
}

/** Messages as `file:line:column severity message [rule]`, file relative to the framework folder. */
export function messageLines(dir: string, only?: string[], options: Omit<CheckOptions, 'only'> = {}): string[] {
  const result = checkFrameworks(loadFrameworks([dir]), only ? { ...options, only } : options)
  const lines: string[] = []
  for (const file of result.files)
    for (const message of file.messages) {
      const relative = path.relative(dir, path.resolve(file.path)).split(path.sep).join('/')
      lines.push(`${relative}:${message.line ?? 1}:${message.column ?? 1} ${severityOf(message)} ${message.reason} [${message.ruleId}]`)
    }
  return lines
}

export function listDirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
}
