/**
 * A framework's history as Markdown: its versions found in git (each commit where the version in
 * framework.md changed, or a tagged commit), each compared with the one before by the diff.
 * `changelogFor` is what `thresholds changelog <framework>` prints and what a package can ship.
 */
import { parse as parseYaml } from 'yaml'
import type { Framework } from '../model/types.ts'
import { UsageError } from '../shared/usage-error.ts'
import { changeKindsById } from './registry.ts'
import { findRepository, git, type GitRepository } from './git.ts'
import { diffFrameworks } from './index.ts'
import { BoundedParser } from '../parse/bounded.ts'
import { loadSide, type SideOptions } from './inputs.ts'
import type { Change, FrameworkDiff } from './types.ts'

interface VersionInGit {
  commit: string
  /** The commit date, YYYY-MM-DD. */
  date: string
  version: string
  tags: string[]
}

/** The version a framework.md states in its front-matter, or undefined. */
function versionOf(text: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  if (!match) return undefined
  try {
    const data = parseYaml(match[1] as string) as { version?: unknown } | null
    return data && (typeof data.version === 'string' || typeof data.version === 'number') ? String(data.version) : undefined
  } catch {
    return undefined
  }
}

/** Each commit, oldest first, where the framework's version changed or that carries a tag. */
function versionsInGit(repository: GitRepository, framework: string): VersionInGit[] {
  const file = `${repository.prefix}sources/${framework}/framework.md`
  const log = git(['log', '--reverse', '--format=%H %cs', '--', `${repository.prefix}sources/${framework}/`], repository.top).trim()
  const out: VersionInGit[] = []
  for (const line of log ? log.split('\n') : []) {
    const [commit = '', date = ''] = line.split(' ')
    let text: string
    try {
      text = git(['show', `${commit}:${file}`], repository.top)
    } catch {
      continue // the framework was not there (yet, or any more) in this commit
    }
    const version = versionOf(text)
    if (version === undefined) continue
    const tags = git(['tag', '--points-at', commit], repository.top).split('\n').filter(Boolean).sort()
    const last = out[out.length - 1]
    if (!last || last.version !== version || tags.length > 0) out.push({ commit, date, version, tags })
    // A later commit of the same version is that version as it ended up: compare from there.
    else if (last.tags.length === 0) Object.assign(last, { commit, date })
  }
  return out
}

export const IMPACT_TITLES = { practice: 'Affects practice', review: 'For a person to review', editorial: 'Editorial' } as const

/** One change as a reader would say it: what kind, about what, by its label in the newer version. */
export function changeText(change: Change): string {
  const kind = changeKindsById.get(change.kind)
  const about = (change.subject.new ?? change.subject.old)?.label ?? ''
  const flat = about.replace(/\s+/g, ' ').trim()
  return `${kind?.label ?? change.kind}: ${flat}${change.direction === 'raised' || change.direction === 'lowered' ? ` (threshold ${change.direction})` : ''}`
}

function section(entry: VersionInGit, previous: VersionInGit | undefined, diff: FrameworkDiff | undefined): string[] {
  const tags = entry.tags.length ? `, tagged ${entry.tags.map((tag) => `\`${tag}\``).join(', ')}` : ''
  const lines = [`## ${entry.version} (${entry.date}, commit \`${entry.commit.slice(0, 12)}\`${tags})`, '']
  if (!previous || !diff) return [...lines, 'The first version found in git.', '']
  const { summary } = diff
  lines.push(`From ${previous.version}: ${summary.changes} change${summary.changes === 1 ? '' : 's'}, ${summary.practice} affecting practice, ${summary.review} for a person to review, ${summary.editorial} editorial.`, '')
  for (const impact of ['practice', 'review'] as const) {
    const these = diff.changes.filter((change) => change.impact === impact)
    if (these.length === 0) continue
    lines.push(`### ${IMPACT_TITLES[impact]}`, '', ...these.map((change) => `- ${changeText(change)}`), '')
  }
  if (summary.editorial > 0) lines.push(`${summary.editorial} editorial change${summary.editorial === 1 ? '' : 's'}: \`thresholds diff ${previous.commit.slice(0, 12)} ${entry.commit.slice(0, 12)} --framework ${diff.id}\` lists ${summary.editorial === 1 ? 'it' : 'them'}.`, '')
  return lines
}

/** The changelog of one framework in the repository `cwd` is in, newest version first. */
export async function changelogFor(framework: string, cwd: string, settings: Pick<SideOptions, 'env' | 'today'> = {}): Promise<string> {
  const repository = findRepository(cwd)
  if (!repository) throw new UsageError('This is not a git repository: the changelog is made from the versions found in git')
  const versions = versionsInGit(repository, framework)
  if (versions.length === 0) throw new UsageError(`No version of “${framework}” found in git, expected sources/${framework}/framework.md with a version in some commit`)
  const loaded: Array<Framework | undefined> = []
  // One parse worker for every version read.
  const parser = new BoundedParser()
  try {
    for (const entry of versions) loaded.push((await loadSide(entry.commit, cwd, { ...settings, framework, parser })).frameworks.find((item) => item.id === framework))
  } finally {
    parser.close()
  }
  const newest = loaded[loaded.length - 1]
  const sections: string[][] = []
  versions.forEach((entry, index) => {
    const before = index > 0 ? loaded[index - 1] : undefined
    const after = loaded[index]
    sections.push(section(entry, versions[index - 1], before && after ? diffFrameworks(before, after) : undefined))
  })
  const title = newest?.title ?? framework
  return [`# Changelog: ${title} (\`${framework}\`)`, '', 'Each version found in git, newest first, compared with the one before it by `thresholds diff`.', '', ...sections.reverse().flat()].join('\n').trimEnd() + '\n'
}
