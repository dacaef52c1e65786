/**
 * The history a framework's package ships in its CHANGELOG.md: what changed since the version
 * before the current one, and each earlier version found in git, each compared with the one
 * before it by the diff.
 *
 * `build --check` must give the same bytes for the same sources however the history was rewritten
 * around them, so unlike `thresholds changelog` this names no commit, date or tag: each version
 * stands for the commit that introduced it (a squash or rebase of the pull request that raised a
 * version leaves that commit's sources as they were; a tag added later changes nothing), and the
 * commits of the current version are left out (the commit being made is one of them).
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { checkFrameworks } from '../check/index.ts'
import type { Framework } from '../model/types.ts'
import { VERSION_SCHEME } from '../model/versions.ts'
import { loadFrameworks } from '../parse/index.ts'
import type { SideOptions } from './inputs.ts'
import { removeIfStopped } from '../shared/interrupt.ts'
import { markdownWords } from '../shared/markdown-words.ts'
import { changeText, IMPACT_TITLES } from './changelog.ts'
import { findRepository, git, materialiseSources, type GitRepository } from './git.ts'
import { diffFrameworks } from './index.ts'
import type { FrameworkDiff } from './types.ts'

/** The history, or why this checkout cannot tell it (then the build keeps the one generated before). */
export type PackageHistory = { markdown: string } | { unavailable: 'no-git' | 'shallow' | 'folder-is-repository' }

/**
 * The version a framework.md states in its front-matter, or undefined. Only the form the
 * version-scheme rule accepts counts: an old commit's sources were never checked, and the version
 * is written into the published CHANGELOG.md (a heading, a sentence) as it stands.
 */
function versionOf(text: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  if (!match) return undefined
  try {
    const data = parseYaml(match[1] as string) as { version?: unknown } | null
    const version = data && (typeof data.version === 'string' || typeof data.version === 'number') ? String(data.version) : undefined
    return version !== undefined && VERSION_SCHEME.test(version) ? version : undefined
  } catch {
    return undefined
  }
}

function hasCommits(repository: GitRepository): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', 'HEAD'], repository.top)
    return true
  } catch {
    return false
  }
}

/** The commit that introduced each version of the framework.md at `file`, oldest first. */
function introductions(repository: GitRepository, file: string): Array<{ commit: string; version: string }> {
  // A repository with no commit yet has no history.
  if (!hasCommits(repository)) return []
  // Only commits whose diff adds or removes a `version:` line can change the version.
  const log = git(['log', '--reverse', '--format=%H', '-G', '^version:', '--', file], repository.top).trim()
  const out: Array<{ commit: string; version: string }> = []
  for (const commit of log ? log.split('\n') : []) {
    let text: string
    try {
      text = git(['show', `${commit}:${file}`], repository.top)
    } catch {
      continue // the file was removed in this commit
    }
    const version = versionOf(text)
    if (version !== undefined && out[out.length - 1]?.version !== version) out.push({ commit, version })
  }
  return out
}

/** The framework as it was at `commit`, or undefined when today's check finds errors in it. */
function frameworkAt(repository: GitRepository, commit: string, id: string, settings: HistorySettings): Framework | undefined {
  // The folder that holds the framework's folder, from the repository's top.
  const parentPrefix = repository.prefix.replace(/[^/]+\/$/, '')
  const { root, sources } = materialiseSources(repository, commit, commit, id, parentPrefix)
  const forget = removeIfStopped(() => rmSync(root, { recursive: true, force: true }))
  try {
    const result = checkFrameworks(loadFrameworks([path.join(sources, id)], { env: settings.env, parser: settings.parser }), settings.today ? { today: settings.today } : {})
    return result.errors > 0 ? undefined : result.contexts[0]?.framework
  } finally {
    rmSync(root, { recursive: true, force: true })
    forget()
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What changed from `before` to the version the diff's new side is, as Markdown below a `##` heading. */
function changesSince(before: string, diff: FrameworkDiff): string[] {
  const { summary } = diff
  const lines = [`From ${before}: ${plural(summary.changes, 'change')}, ${summary.practice} affecting practice, ${summary.review} for a person to review, ${summary.editorial} editorial.`, '']
  for (const impact of ['practice', 'review'] as const) {
    const these = diff.changes.filter((change) => change.impact === impact)
    if (these.length) lines.push(`### ${IMPACT_TITLES[impact]}`, '', ...these.map((change) => `- ${markdownWords(changeText(change))}`), '')
  }
  return lines
}

/** A version's own facts, from its sources: when it was published, and the reason given for it. */
function facts(framework: Framework): string[] {
  const lines = [`- Status: ${framework.status}${framework.published ? `, published ${framework.published}` : ''}`]
  if (framework.changeNote) lines.push(`- What changed: ${markdownWords(framework.changeNote)}`)
  return [...lines, '']
}

/** The date earlier versions are checked on (today by default), the command's environment, the parser to use. */
type HistorySettings = Pick<SideOptions, 'today' | 'env' | 'parser'>

/**
 * The history of the framework in `folder` (its current sources are `current`), as Markdown: the
 * changes since the version before, then each earlier version under a `##` heading, newest first.
 */
export function packageHistory(current: Framework, folder: string, settings: HistorySettings = {}): PackageHistory {
  const repository = findRepository(folder)
  if (!repository) return { unavailable: 'no-git' }
  // Its earlier versions would be materialised without the folder named by its id.
  if (repository.prefix === '') return { unavailable: 'folder-is-repository' }
  // A shallow clone has lost the commits that introduced earlier versions.
  if (git(['rev-parse', '--is-shallow-repository'], repository.top).trim() === 'true') return { unavailable: 'shallow' }
  const found = introductions(repository, `${repository.prefix}framework.md`)
  // The current version's commits (the one being made among them) are not history.
  while (found.length && found[found.length - 1]?.version === current.version) found.pop()
  const loaded = found.map((entry) => ({ ...entry, framework: frameworkAt(repository, entry.commit, current.id, settings) }))
  const lines: string[] = []
  const step = (before: (typeof loaded)[number] | undefined, after: Framework | undefined) => {
    if (!before) return lines.push('The first version found in git.', '')
    if (!before.framework || !after) return lines.push(`From ${before.version}: not compared, as today's check finds errors in the sources of ${before.framework ? 'this' : 'that'} version.`, '')
    return lines.push(...changesSince(before.version, diffFrameworks(before.framework, after)))
  }
  step(loaded[loaded.length - 1], current)
  for (let index = loaded.length - 1; index >= 0; index--) {
    const entry = loaded[index] as (typeof loaded)[number]
    lines.push(`## ${entry.version}`, '')
    if (entry.framework) lines.push(...facts(entry.framework))
    step(loaded[index - 1], entry.framework)
  }
  return { markdown: lines.join('\n').trimEnd() + '\n' }
}
