import { readFileSync } from 'node:fs'
import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import type { Framework } from '../model/types.ts'
import type { CheckedFramework } from '../check/index.ts'
import { compareStrings } from '../shared/text.ts'
import { addTime, timed } from '../shared/timing.ts'
import { frameworkJson } from './json.ts'
import { openOutput, stampsMatch, stampsOf, type WriteResult } from './writer.ts'
import { createHash } from 'node:crypto'
import { frameworkChangelog, umbrellaChangelog } from './changelog.ts'
import { frameworkPackageJson, frameworkReadme, modelTypes, packageJson, packageReadme, schemaJson } from './package.ts'

/**
 * Where generated files of earlier builds are kept (the content cache): one entry per framework
 * (the files under its folder) and one for the package around them, each by a key that stands
 * for everything the files are made from.
 */
export interface GeneratedCache {
  /** The key of a framework's files, or undefined when it has none (it is generated every time). */
  keyOf(context: CheckedFramework): string | undefined
  /** The key of the package files, from the keys of every framework in it. */
  sharedKey(frameworkKeys: readonly string[]): string
  read(key: string): Record<string, string> | undefined
  /** Stores a framework's files. */
  write(key: string, files: Record<string, string>): void
  /** Stores the package files. */
  writeShared(key: string, files: Record<string, string>): void
  /** The stamps (see writer.ts: stampsOf) of the output folder as a build with this package key left it. */
  readStamps(key: string): Record<string, string> | undefined
  writeStamps(key: string, stamps: Record<string, string>): void
}

/** Each framework's history (see changelog.ts), by id: Markdown the build read from git. */
export type Histories = ReadonlyMap<string, string>

/** The key of every framework's files and of the package's, when every framework has one; the history (from git, not the sources) is part of it. */
function cacheKeys(contexts: readonly CheckedFramework[], cache: GeneratedCache | undefined, histories: Histories) {
  const keys = contexts.map((context) => {
    const key = cache?.keyOf(context)
    const history = histories.get(context.framework.id)
    return key === undefined || history === undefined ? key : createHash('sha256').update(`${key}\0${history}`).digest('hex')
  })
  const sharedKey = cache && keys.every((key) => key !== undefined) ? cache.sharedKey(keys as string[]) : undefined
  return { keys, sharedKey }
}

/** Takes each generated file as it is made, by path relative to generated/ (see writer.ts). */
export type FileSink = (relative: string, text: string) => void

/**
 * What `build` does after the check: every file generated straight into `outDir` (see
 * `openOutput`), or with `compareOnly` only compared with it. `outDir` is left as it was when
 * generation fails.
 */
export async function generateIntoFolder(outDir: string, contexts: readonly CheckedFramework[], options: { cache?: GeneratedCache; compareOnly?: boolean; shown?: string; histories?: Histories } = {}): Promise<WriteResult> {
  const { cache, compareOnly, shown, histories = new Map() } = options
  const { sharedKey } = cacheKeys(contexts, cache, histories)
  // Built from the same sources before, and nothing in outDir touched since: nothing to read.
  const stamps = sharedKey ? timed('cache', () => cache?.readStamps(sharedKey)) : undefined
  if (stamps && timed('write', () => stampsMatch(outDir, stamps))) return { changed: [], removed: [] }
  const output = openOutput(outDir, { compareOnly, kind: 'package', shown })
  let result: WriteResult
  try {
    await generateInto(contexts, (relative, text) => output.add(relative, text), cache, histories)
    result = output.finish()
  } catch (error) {
    output.abort()
    throw error
  }
  const upToDate = !compareOnly || (result.changed.length === 0 && result.removed.length === 0)
  if (sharedKey && upToDate) timed('cache', () => cache?.writeStamps(sharedKey, stampsOf(outDir)))
  return result
}

/** Every file the build writes under generated/, by path, in path order (see `generateInto`). */
export async function generateFiles(contexts: readonly CheckedFramework[], cache?: GeneratedCache, histories: Histories = new Map()): Promise<Map<string, string>> {
  const files: Array<[string, string]> = []
  await generateInto(contexts, (relative, text) => files.push([relative, text]), cache, histories)
  return new Map(files.sort(([a], [b]) => compareStrings(a, b)))
}

/**
 * Makes every file the build writes under generated/ (per framework its JSON and typed module,
 * and the package around them) and hands each to `sink` as soon as it is made, in no particular
 * order: a large build then never holds all its output at once (1,000 frameworks make about
 * 0.3 GB of text). ts-morph is loaded here, on first use, so that `check` never pays for it; with
 * a cache that holds every file, neither it nor any model is loaded.
 */
export async function generateInto(contexts: readonly CheckedFramework[], sink: FileSink, cache?: GeneratedCache, histories: Histories = new Map()): Promise<void> {
  const { keys, sharedKey } = cacheKeys(contexts, cache, histories)
  const give = (files: Iterable<[string, string]>) => {
    for (const [relative, text] of files) sink(relative, text)
  }
  // Frameworks whose files the cache holds are handed over from it, one at a time.
  const fromCache = new Set<CheckedFramework>()
  for (const [index, context] of contexts.entries()) {
    const key = keys[index]
    const own = key ? timed('cache', () => cache?.read(key)) : undefined
    if (!own) continue
    give(Object.entries(own))
    fromCache.add(context)
  }
  const shared = sharedKey ? timed('cache', () => cache?.read(sharedKey)) : undefined
  if (shared && fromCache.size === contexts.length) return give(Object.entries(shared))

  const start = performance.now()
  const { typescriptPrinter } = await import('./typescript.ts')
  addTime('generate-ts', performance.now() - start)
  const frameworks: Framework[] = contexts.map((context) => context.framework).sort((a, b) => compareStrings(a.id, b.id))
  const types = readFileSync(path.join(toolRoot, 'scripts/model/types.ts'), 'utf8')
  const printer = timed('generate-ts', () => typescriptPrinter(frameworks, modelTypes(types)))
  for (const [index, context] of contexts.entries()) {
    if (fromCache.has(context)) continue
    const framework = context.framework
    const own: Array<[string, string]> = [
      [`${framework.id}/framework.json`, timed('generate-json', () => frameworkJson(framework))],
      ...timed('generate-ts', () => printer.framework(framework)),
      [`${framework.id}/package.json`, frameworkPackageJson(framework)],
      [`${framework.id}/CHANGELOG.md`, frameworkChangelog(framework, histories.get(framework.id))],
      [`${framework.id}/README.md`, frameworkReadme(framework)],
    ]
    give(own)
    const key = keys[index]
    if (cache && key) timed('cache', () => cache.write(key, Object.fromEntries(own)))
  }
  const packageFiles: Array<[string, string]> = timed('generate-ts', () => [
    ...printer.model(),
    ...printer.index(),
    ['package.json', packageJson(frameworks)],
    ['README.md', packageReadme(frameworks)],
    ['CHANGELOG.md', umbrellaChangelog(frameworks, histories)],
    ['framework.schema.json', schemaJson(frameworks)],
  ])
  give(packageFiles)
  if (cache && sharedKey) timed('cache', () => cache.writeShared(sharedKey, Object.fromEntries(packageFiles)))
}
