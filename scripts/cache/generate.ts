import path from 'node:path'
import type { GeneratedCache } from '../generate/index.ts'
import { cacheKeyOf, GENERATED } from './check.ts'
import { digest, isTextRecord, readEntry, replaceEntry, writeEntry, type ContentCache } from './store.ts'

/** Entries of what a build left in its output folder. */
const STAMPS = 'stamps'

/** The content cache as the generator sees it: frameworks' files by their check key, the package by all of them. */
export function generatedCache(cache: ContentCache, outDir: string): GeneratedCache {
  const outFolder = path.resolve(outDir)
  return {
    keyOf: cacheKeyOf,
    sharedKey: (keys) => digest(cache.tool, 'package', ...keys),
    read: (key) => readEntry(cache, GENERATED, key, isTextRecord),
    // Framework entries are pruned with their check entries; the package's, per output folder.
    write: (key, files) => writeEntry(cache, GENERATED, key, files),
    writeShared: (key, files) => {
      writeEntry(cache, GENERATED, key, files)
      replaceEntry(cache, [GENERATED], `package ${outDir}`, key)
    },
    // Stamps belong to one output folder: another folder built from the same sources has its own.
    readStamps: (key) => readEntry(cache, STAMPS, digest(key, outFolder), isTextRecord),
    writeStamps: (key, stamps) => {
      const entry = digest(key, outFolder)
      writeEntry(cache, STAMPS, entry, stamps)
      replaceEntry(cache, [STAMPS], `stamps ${outFolder}`, entry)
    },
  }
}
