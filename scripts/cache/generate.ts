import { hostname } from 'node:os'
import path from 'node:path'
import type { CheckedFramework } from '../check/index.ts'
import type { Files, Generator, Histories, SkeletonMemo } from '../generate/index.ts'
import type { FieldMemo } from '../generate/markdown.ts'
import type { Skeleton } from '../generate/skeleton.ts'
import type { BuildMemo } from '../pipeline/build.ts'
import { timed } from '../shared/timing.ts'
import { FIRST_UMBRELLA_VERSION } from '../model/umbrella.ts'
import { GENERATED, type CheckCache } from './check.ts'
import { digest, isTextRecord, readEntry, replaceEntry, writeEntry } from './store.ts'

/** Entries of what a build left in its output folder. */
const STAMPS = 'stamps'
/**
 * Entries of the stamps of each framework's files in an output folder, one per folder and
 * machine: by each framework's key, its files' stamps as JSON.
 */
const FRAMEWORK_STAMPS = 'framework-stamps'
/** Entries of framework modules' skeletons (generate/skeleton.ts), by their shape. */
const SKELETON = 'skeleton'
/** Entries of a framework's rendered Markdown fields (generate/markdown.ts: FieldMemo), one per framework id. */
const RENDERED = 'rendered-fields'

/** A framework's rendered fields as stored: the digest of its addresses, and per field its Markdown, markdown, html and text. */
interface StoredFields {
  addresses: string
  fields: Array<[string, string, string, string]>
}
const isStoredFields = (value: unknown): value is StoredFields =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as StoredFields).addresses === 'string' &&
  Array.isArray((value as StoredFields).fields) &&
  (value as StoredFields).fields.every((field) => Array.isArray(field) && field.length === 4 && field.every((part) => typeof part === 'string'))

const isFiles = (value: unknown): value is Array<[string, string]> => Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string')
/** A text record stored as JSON text, or undefined when it is not one. */
function parseTextRecord(text: string): Record<string, string> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isTextRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}
const isSkeleton = (value: unknown): value is Skeleton => typeof value === 'object' && value !== null && isFiles((value as Skeleton).module) && isFiles((value as Skeleton).beside)

/**
 * The content cache around the generate and write stages (pipeline/build.ts): a framework's
 * files by its check key, the package's by the keys of all frameworks, and the stamps of each
 * output folder a build left.
 */
export class BuildCache implements BuildMemo {
  constructor(
    private readonly check: CheckCache,
    /** Each framework's history from git (generate/changelog.ts): part of its files' key, since the sources do not hold it. */
    private readonly histories: Histories = new Map(),
  ) {}

  /** The key of a framework's files: its check key, and its history when it has one. */
  private keyOf(context: CheckedFramework): string | undefined {
    const key = this.check.keyOf(context)
    // By the framework's id, which is its folder's name (parse/context.ts): no model is read.
    const history = this.histories.get(context.folder.id)
    return key === undefined || history === undefined ? key : digest(key, history)
  }

  /** The key of the whole output (for its stamps), when every framework has a key. */
  private outputKey(contexts: readonly CheckedFramework[]): string | undefined {
    const keys = contexts.map((context) => this.keyOf(context))
    return keys.every((key) => key !== undefined) ? digest(this.check.cache.tool, 'output', ...(keys as string[])) : undefined
  }

  /**
   * The key of the package files around the frameworks: only what they read of each framework
   * (packageFields), the package's version (which the previous build's record decides) and the histories, so an edit that leaves those alone keeps them, and they
   * are made again without reading any other framework's model.
   */
  private packageKey(contexts: readonly CheckedFramework[], umbrellaVersion: string): string {
    return digest(this.check.cache.tool, 'package', umbrellaVersion, ...contexts.map((context) => this.check.packageFieldsOf(context)), ...[...this.histories].flat())
  }

  /**
   * Skeletons by the digest of their shape's source and the tool: what the printer would print
   * again. One entry per shape: an entry of an earlier version of the tool is deleted when the
   * shape is printed again.
   */
  readonly skeletons: SkeletonMemo = {
    get: (shape) => timed('cache', () => readEntry(this.check.cache, SKELETON, digest(this.check.cache.tool, SKELETON, shape), isSkeleton)),
    set: (shape, skeleton) =>
      timed('cache', () => {
        const key = digest(this.check.cache.tool, SKELETON, shape)
        writeEntry(this.check.cache, SKELETON, key, skeleton)
        replaceEntry(this.check.cache, [SKELETON], `skeleton ${digest(shape)}`, key)
      }),
  }

  /**
   * Rendered fields by framework id, checked against the digest of the addresses they were
   * rendered with; a field's Markdown is its own key, so a stale entry can only miss.
   */
  readonly fields: FieldMemo = {
    recall: (id, addresses) => {
      const stored = readEntry(this.check.cache, RENDERED, digest(this.check.cache.tool, RENDERED, id), isStoredFields)
      if (!stored || stored.addresses !== digest(addresses)) return undefined
      return new Map(stored.fields.map(([value, markdown, html, text]) => [value, { markdown, html, text }]))
    },
    keep: (id, addresses, fields) => {
      const key = digest(this.check.cache.tool, RENDERED, id)
      const stored: StoredFields = { addresses: digest(addresses), fields: [...fields].map(([value, field]) => [value, field.markdown, field.html, field.text]) }
      writeEntry(this.check.cache, RENDERED, key, stored)
      // One entry per framework id: the entry of an earlier version of the tool goes.
      replaceEntry(this.check.cache, [RENDERED], `rendered ${id}`, key)
    },
  }

  generator(inner: Generator, contexts: readonly CheckedFramework[], outDir: string, umbrellaVersion = FIRST_UMBRELLA_VERSION): Generator {
    const { cache } = this.check
    const packageKey = this.packageKey(contexts, umbrellaVersion)
    const read = (key: string | undefined): Files | undefined => {
      const files = key ? timed('cache', () => readEntry(cache, GENERATED, key, isTextRecord)) : undefined
      return files && Object.entries(files)
    }
    return {
      frameworkFiles: async (context) => {
        const key = this.keyOf(context)
        const cached = read(key)
        if (cached) return cached
        const files = await inner.frameworkFiles(context)
        // Framework entries are pruned with their check entries.
        if (key) timed('cache', () => writeEntry(cache, GENERATED, key, Object.fromEntries(files)))
        return files
      },
      packageFiles: async () => {
        const cached = read(packageKey)
        if (cached) return cached
        const files = await inner.packageFiles()
        if (packageKey)
          timed('cache', () => {
            writeEntry(cache, GENERATED, packageKey, Object.fromEntries(files))
            // The package's entries are pruned per output folder.
            replaceEntry(cache, [GENERATED], `package ${outDir}`, packageKey)
          })
        return files
      },
      close: () => inner.close?.(),
    }
  }

  // Stamps belong to one output folder: another folder built from the same sources has its own.
  stamps(contexts: readonly CheckedFramework[], outDir: string): Record<string, string> | undefined {
    const key = this.outputKey(contexts)
    return key ? readEntry(this.check.cache, STAMPS, digest(key, path.resolve(outDir)), isTextRecord) : undefined
  }

  rememberStamps(contexts: readonly CheckedFramework[], outDir: string, stamps: Record<string, string>, frameworks: ReadonlyMap<CheckedFramework, readonly string[]> = new Map()): void {
    this.rememberFrameworkStamps(outDir, stamps, frameworks)
    const key = this.outputKey(contexts)
    if (!key) return
    const outFolder = path.resolve(outDir)
    const entry = digest(key, outFolder)
    writeEntry(this.check.cache, STAMPS, entry, stamps)
    replaceEntry(this.check.cache, [STAMPS], `stamps ${outFolder}`, entry)
  }

  /** This build's framework stamps of each output folder, once read. */
  private readonly frameworkStampsRead = new Map<string, Record<string, string>>()

  /**
   * The entry of each framework's stamps in `outDir`: like the folder's stamps, a local hint, so
   * keyed by the machine's name and the folder's path; a framework's stamps are used only for the
   * key they were taken with, so a framework edited since is made again.
   */
  private frameworkStampsKey(outDir: string): string {
    return digest(this.check.cache.tool, FRAMEWORK_STAMPS, hostname(), path.resolve(outDir))
  }

  frameworkStamps(context: CheckedFramework, outDir: string): Record<string, string> | undefined {
    const key = this.keyOf(context)
    if (!key) return undefined
    const entryKey = this.frameworkStampsKey(outDir)
    let all = this.frameworkStampsRead.get(entryKey)
    if (!all) {
      all = readEntry(this.check.cache, FRAMEWORK_STAMPS, entryKey, isTextRecord) ?? {}
      this.frameworkStampsRead.set(entryKey, all)
    }
    return Object.hasOwn(all, key) ? parseTextRecord(all[key] as string) : undefined
  }

  private rememberFrameworkStamps(outDir: string, stamps: Record<string, string>, frameworks: ReadonlyMap<CheckedFramework, readonly string[]>): void {
    const all: Record<string, string> = {}
    for (const [context, files] of frameworks) {
      const key = this.keyOf(context)
      // A file without a stamp (not in the folder after all) leaves the framework to be made next time.
      if (key && files.length > 0 && files.every((file) => Object.hasOwn(stamps, file))) all[key] = JSON.stringify(Object.fromEntries(files.map((file) => [file, stamps[file]])))
    }
    const entryKey = this.frameworkStampsKey(outDir)
    writeEntry(this.check.cache, FRAMEWORK_STAMPS, entryKey, all)
    this.frameworkStampsRead.delete(entryKey)
  }
}
