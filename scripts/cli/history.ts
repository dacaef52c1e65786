/**
 * The history each framework's CHANGELOG.md ships (see generate/changelog.ts), read from git by
 * the build. Where git cannot tell it (no repository, git not installed, a shallow clone such as
 * CI's default checkout), the history of the CHANGELOG.md already in the output folder is kept
 * when it is of the same version, so `build --check` there compares what it can and passes on a
 * correct checkout.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import type { CheckedFramework } from '../check/checked-framework.ts'
import type { CheckCache } from '../cache/check.ts'
import { digest, readEntry, replaceEntry, writeEntry } from '../cache/store.ts'
import { git } from '../diff/git.ts'
import type { SideOptions } from '../diff/inputs.ts'
import { packageHistory, type PackageHistory } from '../diff/package-history.ts'
import { keptHistory, NO_HISTORY } from '../generate/changelog.ts'
import type { Histories } from '../generate/index.ts'
import { BoundedParser } from '../parse/bounded.ts'

/** Cache entries of histories read from git. */
const HISTORY = 'history'

/** What reading a history takes from the command: its environment and the date (earlier versions are checked with today's rules). */
type HistorySettings = Pick<SideOptions, 'env' | 'parser'> & { today: string }

export function readHistories(contexts: readonly CheckedFramework[], outDir: string, settings: HistorySettings, cache?: CheckCache): Histories {
  // One parse worker for every earlier version read, started only if one is.
  const parser = new BoundedParser()
  try {
    return historiesOf(contexts, outDir, { ...settings, parser }, cache)
  } finally {
    parser.close()
  }
}

function historiesOf(contexts: readonly CheckedFramework[], outDir: string, settings: HistorySettings, cache: CheckCache | undefined): Histories {
  const histories = new Map<string, string>()
  const repositories = new Map<string, string | undefined>()
  for (const context of contexts) {
    // The folder's name is the framework's id (parse/context.ts): a history from the cache needs no model.
    const { id } = context.folder
    const read = cache ? cachedHistory(cache, context, repositories, settings) : packageHistory(context.framework, context.folder.dir, settings)
    if ('markdown' in read) {
      histories.set(id, read.markdown)
      continue
    }
    const file = path.join(outDir, id, 'CHANGELOG.md')
    histories.set(id, keptHistory(existsSync(file) ? readFileSync(file, 'utf8') : undefined, context.framework) ?? NO_HISTORY)
  }
  return histories
}

const isHistory = (value: unknown): value is PackageHistory =>
  typeof value === 'object' && value !== null && (typeof (value as { markdown?: unknown }).markdown === 'string' || ['no-git', 'shallow', 'folder-is-repository'].includes((value as { unavailable?: unknown }).unavailable as string))

/**
 * A framework's history through the content cache. Reading it runs git several times and checks
 * every earlier version, for every framework on every build; what it gives depends only on the
 * framework's sources (its check key), on the commits git reads (the repository's HEAD, the
 * folder's place in it, a shallow clone or not), on today's date (earlier versions are checked
 * with today's rules) and on the tool, which together key the entry. One git call per folder of
 * frameworks tells the repository; a framework folder that is a repository of its own is read
 * afresh every time.
 */
function cachedHistory(cache: CheckCache, context: CheckedFramework, repositories: Map<string, string | undefined>, settings: HistorySettings): PackageHistory {
  const read = () => packageHistory(context.framework, context.folder.dir, settings)
  const checkKey = cache.keyOf(context)
  let real: string
  try {
    real = realpathSync.native(context.folder.dir)
  } catch {
    return read()
  }
  const parent = path.dirname(real)
  if (!repositories.has(parent)) repositories.set(parent, repositoryOf(parent))
  const repository = repositories.get(parent)
  if (checkKey === undefined || repository === undefined || existsSync(path.join(real, '.git'))) return read()
  const key = digest(cache.cache.tool, HISTORY, settings.today, checkKey, real, repository)
  const stored = readEntry(cache.cache, HISTORY, key, isHistory)
  if (stored) return stored
  const history = read()
  writeEntry(cache.cache, HISTORY, key, history)
  replaceEntry(cache.cache, [HISTORY], `history ${real}`, key)
  return history
}

/**
 * The repository a folder is in, as one text: its top, the folder's place in it, whether it is a
 * shallow clone, and the commit HEAD names. Undefined outside a repository, before its first
 * commit, or without git: the history is then read afresh.
 */
function repositoryOf(folder: string): string | undefined {
  try {
    const lines = git(['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository', '--verify', 'HEAD'], folder).split('\n')
    return lines.length >= 4 && /^[0-9a-f]{40,64}$/.test(lines[3] ?? '') ? lines.slice(0, 4).join('\n') : undefined
  } catch {
    return undefined
  }
}
