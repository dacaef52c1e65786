import path from 'node:path'
import { git } from '../diff/git.ts'
import { UsageError } from '../shared/usage-error.ts'
import type { ReportInput } from '../report/input.ts'

/**
 * Files changed since a git revision, as real absolute paths: what `git diff --name-only <ref>`
 * lists (committed since, staged or not; both sides of a rename) plus new files git does not ignore.
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  // A revision never starts with “-”: refusing it keeps the value from being read as a git option.
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since expects a git revision such as main or HEAD~1, got “${ref}”`)
  let top: string
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--changed-since needs git, and git was not found on this machine')
    throw new UsageError(`--changed-since needs a git repository, and ${cwd} is not inside one`)
  }
  let commit: string
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top).trim()
  } catch {
    throw new UsageError(`--changed-since: “${ref}” is not a commit, branch or tag in this repository`)
  }
  const listed = [...git(['diff', '--name-only', '--no-renames', '-z', commit, '--'], top).split('\0'), ...git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], top).split('\0')]
  return new Set(listed.filter(Boolean).map((file) => path.join(top, file)))
}

/**
 * The part of a report about some files only: their messages and suppressions, plus messages
 * that belong to a framework rather than to one of its files (such as a missing framework.md).
 */
export function onlyFiles(input: ReportInput, keep: (shownPath: string) => boolean, frameworkLevel: ReadonlySet<unknown>): ReportInput {
  return {
    files: input.files.filter((file) => frameworkLevel.has(file) || keep(file.path)),
    suppressed: input.suppressed.filter((entry) => keep(entry.file)),
    frameworks: input.frameworks.map((framework) => ({ ...framework, files: framework.files.filter(keep) })),
  }
}
