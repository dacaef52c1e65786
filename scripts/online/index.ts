/**
 * `check --online`: gathers the external addresses of parsed frameworks, probes the ones the
 * cache cannot answer, and returns a status per address as written, for the link rules.
 * Rules stay synchronous: all waiting happens here, before they run.
 */
import { isPlaceholder } from '../parse/resolve.ts'
import type { ParseContext } from '../parse/context.ts'
import { schemeOf } from '../parse/resolve.ts'
import { DEFAULT_MAX_AGE_HOURS, isFresh, readCache, writeCache } from './cache.ts'
import { fetchableUrl, isTransient, probeAll, type LinkProbe, type ProbeOptions } from './probe.ts'

export type { LinkProbe } from './probe.ts'

export interface OnlineOptions extends ProbeOptions {
  /** The cache file; without it every address is fetched and nothing is stored. */
  cacheFile?: string
  /** Hours a working address's result is reused (default 24). */
  maxAgeHours?: number
  warn?: (text: string) => void
  /** For all the addresses together, retries included (default DEFAULT_DEADLINE_MS). */
  deadlineMs?: number
}

export interface OnlineResult {
  /** Keyed by the address as written in the sources. */
  linkStatus: Map<string, LinkProbe>
  /** Distinct addresses requested this run, and answered from the cache. */
  fetched: number
  cached: number
  /** Addresses not requested, each with why (a private address, the deadline), in the order given. */
  skipped: Array<{ url: string; detail: string }>
}

/**
 * Every distinct http(s) address written in the frameworks: links.md entries and inline links.
 * `pending:` entries have no address; placeholders are link-not-placeholder's business.
 */
export function externalUrls(contexts: readonly ParseContext[]): string[] {
  const urls = new Set<string>()
  for (const parsed of contexts)
    for (const use of parsed.linkUses) {
      const scheme = schemeOf(use.url)
      if ((scheme === 'http' || scheme === 'https') && !isPlaceholder(use.url)) urls.add(use.url)
    }
  return [...urls]
}

export async function checkUrlsOnline(written: readonly string[], options: OnlineOptions = {}): Promise<OnlineResult> {
  const now = options.now ?? Date.now
  const maxAge = options.maxAgeHours ?? DEFAULT_MAX_AGE_HOURS
  const warn = options.warn ?? (() => undefined)
  // A file of the user's is never read as the cache nor overwritten by it.
  const { cache, foreign } = options.cacheFile ? readCache(options.cacheFile, warn) : { cache: new Map<string, LinkProbe>(), foreign: undefined }
  if (foreign) warn(`Not using ${options.cacheFile} as the link cache: ${foreign}, so it was left as it was and every address is checked.`)
  const cacheFile = foreign ? undefined : options.cacheFile
  const started = now()

  // One request per address as the server sees it (without #fragment).
  const keyOf = new Map<string, string>()
  const results = new Map<string, LinkProbe>()
  const linkStatus = new Map<string, LinkProbe>()
  let cached = 0
  for (const url of written) {
    const target = fetchableUrl(url)
    if ('reason' in target) {
      // Never requested, so never cached: the reason is in the address itself.
      linkStatus.set(url, { url, outcome: 'not-fetchable', detail: target.reason, attempts: 0, checkedAt: new Date(started).toISOString() })
      continue
    }
    keyOf.set(url, target.url)
    const hit = cache.get(target.url)
    // A result from a run that allowed private addresses is not one this run may use.
    const usable = hit && (options.allowPrivate || !hit.privateAddress)
    if (hit && usable && isFresh(hit, maxAge, started) && !results.has(target.url)) {
      results.set(target.url, hit)
      cached++
    }
  }
  const toFetch = [...new Set(keyOf.values())].filter((key) => !results.has(key))
  const fetched = await probeAll(toFetch, options)
  for (const [key, probe] of fetched) results.set(key, probe)

  if (cacheFile) {
    const next = new Map<string, LinkProbe>()
    for (const [key, probe] of cache) if (isFresh(probe, maxAge, started)) next.set(key, probe)
    for (const [key, probe] of fetched) {
      if (isTransient(probe)) next.delete(key)
      else next.set(key, probe)
    }
    try {
      writeCache(cacheFile, next)
    } catch (error) {
      warn(`Could not write the link cache ${cacheFile} (${error instanceof Error ? error.message : String(error)}); the next run checks every address again.`)
    }
  }

  for (const [url, key] of keyOf) {
    const probe = results.get(key)
    if (probe) linkStatus.set(url, probe)
  }
  const skipped = [...linkStatus].filter(([, probe]) => probe.outcome === 'skipped').map(([url, probe]) => ({ url, detail: probe.detail ?? 'was skipped' }))
  // Requested: the distinct addresses probed, less those skipped (one each, however often written).
  const skippedKeys = [...fetched.values()].filter((probe) => probe.outcome === 'skipped').length
  return { linkStatus, fetched: fetched.size - skippedKeys, cached, skipped }
}

export function checkLinksOnline(contexts: readonly ParseContext[], options: OnlineOptions = {}): Promise<OnlineResult> {
  return checkUrlsOnline(externalUrls(contexts), options)
}
