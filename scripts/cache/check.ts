import { gatherResult, withoutParseDetail, type CheckedFramework, type CheckResult } from '../check/index.ts'
import { comparedOf, runRules, todayUtc, type CheckOptions, type Suppression } from '../check/runner.ts'
import type { Framework } from '../model/types.ts'
import type { ParseContext } from '../parse/context.ts'
import { prepareParser } from '../parse/bounded.ts'
import { buildFrameworks, linksBeside, loadFrameworks, readFolder } from '../parse/index.ts'
import { sourcesOf, type FrameworkFolder } from '../parse/read.ts'
import { restoreMessage, storeMessage, type StoredMessage } from '../shared/diagnostics.ts'
import { timed } from '../shared/timing.ts'
import { getValidators } from '../model/schemas.ts'
import { digest, readEntry, replaceEntry, writeEntry, type ContentCache } from './store.ts'

/** What a check of one framework left: enough to report it again without reading it. */
interface StoredCheck {
  /** What comparing rules read from this framework (see comparedOf). */
  compared: string
  /** The rules' inputs from outside the framework: today's date and every framework's `compared`. */
  rulesKey: string
  /** Every message, by the path of the file it is on, in the order it was filed. */
  messages: Record<string, StoredMessage[]>
  suppressed: Suppression[]
}

/** Entry kinds: the check result, and the model (read only by commands that generate). */
export const CHECK = 'check'
export const MODEL = 'model'
/** Generated files of one framework, by the same key. */
export const GENERATED = 'generated'

const keyOfContext = new WeakMap<CheckedFramework, string>()

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A stored check, in the shape this version writes: anything else is a miss. */
function isStoredCheck(value: unknown): value is StoredCheck {
  if (!isObject(value) || typeof value.compared !== 'string' || typeof value.rulesKey !== 'string' || !isObject(value.messages) || !Array.isArray(value.suppressed)) return false
  const message = (stored: unknown) => isObject(stored) && typeof stored.reason === 'string' && typeof stored.ruleId === 'string'
  return Object.values(value.messages).every((list) => Array.isArray(list) && list.every(message)) && value.suppressed.every((entry) => isObject(entry) && typeof entry.ruleId === 'string')
}

/** A stored model, valid against the published schema: one that is not is read from the sources again. */
function isFramework(value: unknown): value is Framework {
  return getValidators().framework(value)
}

/** The cache key of a framework checked through the cache (undefined when it could not be cached). */
export function cacheKeyOf(context: CheckedFramework): string | undefined {
  return keyOfContext.get(context)
}

/** True when a framework's check result came from the cache rather than from parsing it in this run. */
export function answeredFromCache(context: CheckedFramework): boolean {
  return context instanceof CachedFramework
}

/**
 * A framework's key: the tool, and every file's kind, shown path and text. Paths are part of it
 * because messages carry them; nothing outside the folder is read while parsing.
 */
export function frameworkKey(cache: ContentCache, folder: FrameworkFolder): string {
  return digest(
    cache.tool,
    folder.dir,
    folder.folderFile.path,
    ...folder.files.flatMap((file) => [file.kind, file.source.path, file.source.text]),
    // Markdown files not read are reported (file-not-read): one added or removed changes the result.
    ...folder.unread.flatMap((source) => ['unread', source.path]),
  )
}

/** Folders with a file that could not be read (or another reading problem) are always read afresh. */
function cacheable(folder: FrameworkFolder): boolean {
  return folder.files.every((file) => file.readable) && sourcesOf(folder).every((source) => source.vfile.messages.length === 0)
}

/** A framework answered from the cache: its files as read now, its model loaded only if asked for. */
class CachedFramework implements CheckedFramework {
  private model: Framework | undefined
  constructor(
    readonly folder: FrameworkFolder,
    private readonly cache: ContentCache,
    readonly key: string,
  ) {}

  get framework(): Framework {
    // A model entry missing or damaged (while its check entry was fine): read the framework again.
    this.model ??= readEntry(this.cache, MODEL, this.key, isFramework) ?? (loadFrameworks([this.folder.dir])[0] as ParseContext).framework
    return this.model
  }
}

/**
 * `check` through the content cache: frameworks whose files, tool and rules' inputs are unchanged
 * are reported from the cache; the others are parsed and checked as usual, and stored. The result
 * is the same as checking everything (test/cache/cache.test.ts compares them).
 */
export async function checkWithCache(folders: readonly string[], cache: ContentCache, options: CheckOptions = {}): Promise<CheckResult<CheckedFramework>> {
  const today = options.today ?? todayUtc()
  const read: FrameworkFolder[] = []
  const keys: Array<string | undefined> = []
  const stored: Array<StoredCheck | undefined> = []
  const besides = linksBeside(folders)
  for (const dir of folders) {
    const folder = readFolder(dir, besides.get(dir))
    const key = cacheable(folder) ? frameworkKey(cache, folder) : undefined
    const entry = key ? timed('cache', () => readEntry(cache, CHECK, key, isStoredCheck)) : undefined
    // Something to parse: the parser starts loading while the other folders are read. A run
    // with nothing to parse never starts it (that costs about 0.1 s).
    if (!entry) prepareParser()
    read.push(folder)
    keys.push(key)
    stored.push(entry)
  }

  const parsed = new Map<number, ParseContext>()
  const parse = async (indexes: number[]) => {
    const contexts = await buildFrameworks(indexes.map((index) => read[index] as FrameworkFolder))
    contexts.forEach((context, i) => parsed.set(indexes[i] as number, context))
  }
  await parse(read.flatMap((_, index) => (stored[index] ? [] : [index])))

  // Rules that compare frameworks read every framework's `compared`; when any of it differs from
  // what a stored result saw, that result is out of date and its framework is checked again.
  const compared = read.map((_, index) => stored[index]?.compared ?? comparedOf((parsed.get(index) as ParseContext).framework))
  const rulesKey = digest(today, ...(options.only ?? ['all rules']), ...compared)
  await parse(read.flatMap((_, index) => (stored[index] && stored[index].rulesKey !== rulesKey ? [index] : [])))

  const contexts: CheckedFramework[] = read.map((folder, index) => parsed.get(index) ?? new CachedFramework(folder, cache, keys[index] as string))
  // What each framework suppressed, in folder order: run now, or as stored.
  const suppressed: Suppression[][] = timed('rules', () =>
    contexts.map((context, index) => {
      const fresh = parsed.get(index)
      if (fresh) return runRules([fresh], { ...options, today, all: contexts })
      const entry = stored[index] as StoredCheck
      for (const source of sourcesOf(context.folder)) for (const message of entry.messages[source.path] ?? []) restoreMessage(source.vfile, message)
      return entry.suppressed
    }),
  )

  timed('cache', () => {
    for (const [index, context] of parsed) {
      const key = keys[index]
      // A file that could not be parsed (a time or memory limit, perhaps only because the machine
      // was busy) is parsed again next time, never answered from the cache.
      if (!key || sourcesOf(context.folder).some((source) => source.vfile.messages.some((message) => message.ruleId === 'parse-failed'))) continue
      const messages: Record<string, StoredMessage[]> = {}
      for (const source of sourcesOf(context.folder)) if (source.vfile.messages.length) messages[source.path] = source.vfile.messages.map(storeMessage)
      writeEntry(cache, MODEL, key, context.framework)
      writeEntry(cache, CHECK, key, { compared: compared[index] as string, rulesKey, messages, suppressed: suppressed[index] ?? [] } satisfies StoredCheck)
      replaceEntry(cache, [CHECK, MODEL, GENERATED], context.folder.dir, key)
    }
  })
  // Parse detail is not needed after the rules: let it go before anything is generated.
  const checked = contexts.map((context, index) => (parsed.has(index) ? withoutParseDetail(context) : context))
  checked.forEach((context, index) => keys[index] && keyOfContext.set(context, keys[index]))
  return gatherResult(checked, suppressed.flat())
}
