/**
 * Reads a framework's sources as they were at a git ref, without a checkout: `git ls-tree` lists
 * the files under sources/ and `git show <commit>:<path>` gives each one, written into a
 * temporary folder that is then read by the same parser as any folder. Git is always run with an
 * argument array, never through a shell.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { UsageError } from '../shared/usage-error.ts'

/** Git's own limit is far above this; a source file over 2 MB is refused by the parser anyway. */
const MAX_OUTPUT = 256 * 1024 * 1024

/** Runs git with an argument array in `cwd` and gives its output as text. */
export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] })
}

function gitBytes(args: string[], cwd: string): Buffer {
  return execFileSync('git', args, { cwd, maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] })
}

export interface GitRepository {
  /** The repository's top folder. */
  top: string
  /** Where `cwd` is inside it, with a trailing slash, or ''. */
  prefix: string
}

/** The repository `cwd` is in, or undefined when it is in none (or git is not installed). */
export function findRepository(cwd: string): GitRepository | undefined {
  try {
    const top = git(['rev-parse', '--show-toplevel'], cwd).trim()
    const prefix = git(['rev-parse', '--show-prefix'], cwd).trim()
    return top ? { top, prefix } : undefined
  } catch {
    return undefined
  }
}

/**
 * The commit a ref names. A fresh clone has only its default branch locally, so a ref not found
 * is also looked for as origin/<ref> (what CI on a pull request needs for `--base main`).
 */
export function resolveCommit(repository: GitRepository, ref: string): { commit: string; resolvedAs: string } | undefined {
  // A ref that starts with “-” would be read by git as an option.
  if (ref === '' || ref.startsWith('-') || /[\u0000-\u001f]/.test(ref)) return undefined
  for (const candidate of ref.includes('/') ? [ref] : [ref, `origin/${ref}`]) {
    try {
      const commit = git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], repository.top).trim()
      if (/^[0-9a-f]{40,64}$/.test(commit)) return { commit, resolvedAs: candidate }
    } catch {
      // Not this one; try the next candidate.
    }
  }
  return undefined
}

/**
 * Writes the files under `sources/` (relative to where the command runs) at `commit` into a new
 * temporary folder and returns its `sources` folder. With `only`, just that framework's folder
 * when it exists. Only regular files are written: symbolic links and submodules are skipped.
 * `base` is the folder holding the frameworks, from the repository's top.
 */
export function materialiseSources(repository: GitRepository, commit: string, ref: string, only?: string, base = `${repository.prefix}sources/`): { root: string; sources: string } {
  const list = (pathspec: string) =>
    git(['ls-tree', '-r', '-z', '--full-name', commit, '--', pathspec], repository.top)
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t')
        const [mode, type] = line.slice(0, tab).split(' ')
        return { mode, type, name: line.slice(tab + 1) }
      })
      .filter((entry) => entry.type === 'blob' && (entry.mode === '100644' || entry.mode === '100755') && entry.name.startsWith(base))
  let entries = only ? list(`${base}${only}/`) : []
  if (entries.length === 0) entries = list(base)
  if (entries.length === 0) throw new UsageError(`“${ref}” has no ${base} folder, expected the framework sources there`)
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-diff-'))
  const sources = path.join(root, 'sources')
  for (const entry of entries) {
    const relative = entry.name.slice(base.length)
    const target = path.resolve(sources, relative)
    // Git does not store “..” in paths, but a crafted tree could: never write outside the folder.
    if (!target.startsWith(`${sources}${path.sep}`)) continue
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, gitBytes(['show', `${commit}:${entry.name}`], repository.top))
  }
  return { root, sources }
}
