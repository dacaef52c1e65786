import type { GeneratedCache } from '../generate/index.ts'
import { cacheKeyOf, GENERATED } from './check.ts'
import { digest, readEntry, replaceEntry, writeEntry, type ContentCache } from './store.ts'

/** The content cache as the generator sees it: frameworks' files by their check key, the package by all of them. */
export function generatedCache(cache: ContentCache, outDir: string): GeneratedCache {
  return {
    keyOf: cacheKeyOf,
    sharedKey: (keys) => digest(cache.tool, 'package', ...keys),
    read: (key) => readEntry<Record<string, string>>(cache, GENERATED, key),
    // Framework entries are pruned with their check entries; the package's, per output folder.
    write: (key, files) => writeEntry(cache, GENERATED, key, files),
    writeShared: (key, files) => {
      writeEntry(cache, GENERATED, key, files)
      replaceEntry(cache, [GENERATED], `package ${outDir}`, key)
    },
  }
}
