import type { CheckedFramework } from '../check/index.ts'
import type { Suppression } from '../check/runner.ts'
import { packageFields } from '../generate/package.ts'
import type { Framework } from '../model/types.ts'
import type { ParseContext } from '../parse/context.ts'
import { loadFrameworks } from '../parse/index.ts'
import type { CheckedEntry, CheckMemo, Recalled } from '../pipeline/check.ts'
import { sourcesOf, type FrameworkFolder } from '../parse/read.ts'
import { restoreMessage, storeMessage, type StoredMessage } from '../shared/diagnostics.ts'
import { timed } from '../shared/timing.ts'
import { getValidators } from '../model/schemas.ts'
import { digest, readEntry, replaceEntry, writeEntry, type ContentCache } from './store.ts'
import { SETTLE_MS, StampStore, textDigest } from './stamps.ts'
import { CachedTrees } from './trees.ts'

/** What a check of one framework left: enough to report it again without reading it. */
interface StoredCheck {
  /** What comparing rules read from this framework (see comparedOf). */
  compared: string
  /** The rules' inputs from outside the framework: today's date and every framework's `compared`. */
  rulesKey: string
  /** Every message, by the path of the file it is on, in the order it was filed. */
  messages: Record<string, StoredMessage[]>
  suppressed: Suppression[]
  /** What the package files read of this framework (generate/package.ts: packageFields). */
  packageFields: string
}

/** Entry kinds: the check result, and the model (read only by commands that generate). */
export const CHECK = 'check'
export const MODEL = 'model'
/** Generated files of one framework, by the same key. */
export const GENERATED = 'generated'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A stored check, in the shape this version writes: anything else is a miss. */
function isStoredCheck(value: unknown): value is StoredCheck {
  if (!isObject(value) || typeof value.compared !== 'string' || typeof value.rulesKey !== 'string' || typeof value.packageFields !== 'string' || !isObject(value.messages) || !Array.isArray(value.suppressed)) return false
  const message = (stored: unknown) => isObject(stored) && typeof stored.reason === 'string' && typeof stored.ruleId === 'string'
  return Object.values(value.messages).every((list) => Array.isArray(list) && list.every(message)) && value.suppressed.every((entry) => isObject(entry) && typeof entry.ruleId === 'string')
}

/** A stored model, valid against the published schema: one that is not is read from the sources again. */
function isFramework(value: unknown): value is Framework {
  return getValidators().framework(value)
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
    // By the digest of each text (given by the reader when it knew the file by its stamp).
    ...folder.files.flatMap((file) => [file.kind, file.source.path, file.digest ?? textDigest(file.source.text)]),
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
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  get framework(): Framework {
    // A model entry missing or damaged (while its check entry was fine): read the framework again.
    this.model ??= readEntry(this.cache, MODEL, this.key, isFramework) ?? (loadFrameworks([this.folder.dir], { env: this.env })[0] as ParseContext).framework
    return this.model
  }
}

/**
 * The content cache around the check (pipeline/check.ts): a framework whose files and tool are
 * unchanged is answered from its stored result; the pipeline parses the others, and checks again
 * any whose comparing rules' inputs moved on. The result is the same as checking everything
 * (test/cache/cache.test.ts compares them). Each framework's key is kept for the build.
 */
export class CheckCache implements CheckMemo {
  private readonly keys = new Map<FrameworkFolder, string>()
  private readonly fields = new Map<FrameworkFolder, string>()
  /** This run's source stamps (stamps.ts), once the folders to read are known. */
  sourceStamps: StampStore | undefined
  /**
   * `env`: the command's environment, for the parser's settings when a model must be read again.
   * `settleMs`: how long after its last change a file's stamp is trusted (stamps.ts: SETTLE_MS).
   */
  constructor(
    readonly cache: ContentCache,
    private readonly env: Readonly<Record<string, string | undefined>> = {},
    private readonly settleMs = SETTLE_MS,
  ) {}

  stamps(dirs: readonly string[]): StampStore {
    this.sourceStamps = timed('cache', () => new StampStore(this.cache, dirs, this.settleMs))
    return this.sourceStamps
  }

  saveStamps(): void {
    this.sourceStamps?.save()
  }

  /** This run's stored trees (trees.ts), once a parse asked for them. */
  lastTrees: CachedTrees | undefined

  treesFor(folders: readonly FrameworkFolder[]): CachedTrees | undefined {
    this.lastTrees = CachedTrees.of(this.cache, folders)
    return this.lastTrees
  }

  /** What the package files read of a framework: as stored for one answered from the cache, so its model is not read. */
  packageFieldsOf(context: CheckedFramework): string {
    return this.fields.get(context.folder) ?? packageFields(context.framework)
  }

  /** The cache key of a framework read in this run (undefined when it could not be cached). */
  keyOf(context: CheckedFramework): string | undefined {
    return this.keys.get(context.folder)
  }

  recall(folder: FrameworkFolder): Recalled | undefined {
    const key = cacheable(folder) ? frameworkKey(this.cache, folder) : undefined
    if (key) this.keys.set(folder, key)
    const entry = key ? timed('cache', () => readEntry(this.cache, CHECK, key, isStoredCheck)) : undefined
    if (!entry || !key) return undefined
    // Files with stored messages are read now (if known by their stamps): a report quotes them.
    sourcesOf(folder).forEach((source, index) => {
      if (entry.messages[index]?.length) void source.text
    })
    this.fields.set(folder, entry.packageFields)
    return {
      checked: new CachedFramework(folder, this.cache, key, this.env),
      compared: entry.compared,
      rulesKey: entry.rulesKey,
      suppressed: entry.suppressed,
      restore: () => {
        sourcesOf(folder).forEach((source, index) => { for (const message of entry.messages[index] ?? []) restoreMessage(source.vfile, message) })
      },
    }
  }

  remember(context: ParseContext, checked: CheckedEntry): void {
    const key = this.keys.get(context.folder)
    // A file that could not be parsed (a time or memory limit, perhaps only because the machine
    // was busy) is parsed again next time, never answered from the cache.
    if (!key || sourcesOf(context.folder).some((source) => source.vfile.messages.some((message) => message.ruleId === 'parse-failed'))) return
    const messages: Record<string, StoredMessage[]> = {}
    // By place in sourcesOf, not by path: the folder's own file shares framework.md's path, and keyed by
    // path its messages were restored twice.
    sourcesOf(context.folder).forEach((source, index) => {
      if (source.vfile.messages.length) messages[index] = source.vfile.messages.map(storeMessage)
    })
    writeEntry(this.cache, MODEL, key, context.framework)
    const fields = packageFields(context.framework)
    this.fields.set(context.folder, fields)
    writeEntry(this.cache, CHECK, key, { compared: checked.compared, rulesKey: checked.rulesKey, messages, suppressed: checked.suppressed, packageFields: fields } satisfies StoredCheck)
    replaceEntry(this.cache, [CHECK, MODEL, GENERATED], context.folder.dir, key)
  }
}
