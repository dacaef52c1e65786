/**
 * The link cache of `check --online`: one JSON file, entries keyed by address. It only saves
 * time, so anything wrong with it is a warning and the file is rewritten, never a failure.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isTransient, type LinkProbe, type ProbeOutcome } from './probe.ts'

export const DEFAULT_CACHE_FILE = 'node_modules/.cache/thresholds/links.json'
export const DEFAULT_MAX_AGE_HOURS = 24
/** A page that answered “not found” (or another 4xx) is asked again after at most an hour. */
export const FAILURE_MAX_AGE_HOURS = 1
const VERSION = 1
const OUTCOMES: readonly ProbeOutcome[] = ['ok', 'http-error', 'timeout', 'network-error', 'too-many-redirects', 'not-fetchable']

export type LinkCache = Map<string, LinkProbe>

/**
 * How long a result may be reused. Working addresses, permanent answers (4xx, redirect loops):
 * up to the max age, failures at most an hour. Transient failures (5xx, 429, timeouts, network
 * errors) are never reused: the next run asks again.
 */
export function lifetimeHours(probe: LinkProbe, maxAgeHours: number): number {
  if (isTransient(probe)) return 0
  return probe.outcome === 'ok' ? maxAgeHours : Math.min(maxAgeHours, FAILURE_MAX_AGE_HOURS)
}

export function isFresh(probe: LinkProbe, maxAgeHours: number, now: number): boolean {
  const age = now - Date.parse(probe.checkedAt)
  return age >= 0 && age < lifetimeHours(probe, maxAgeHours) * 3_600_000
}

function isProbe(value: unknown, key: string): value is LinkProbe {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const probe = value as Record<string, unknown>
  return (
    probe.url === key &&
    OUTCOMES.includes(probe.outcome as ProbeOutcome) &&
    typeof probe.attempts === 'number' &&
    typeof probe.checkedAt === 'string' &&
    !Number.isNaN(Date.parse(probe.checkedAt)) &&
    (probe.status === undefined || typeof probe.status === 'number') &&
    (probe.finalUrl === undefined || typeof probe.finalUrl === 'string') &&
    (probe.permanent === undefined || typeof probe.permanent === 'boolean') &&
    (probe.detail === undefined || typeof probe.detail === 'string')
  )
}

const CACHE_KEYS = new Set(['about', 'version', 'links'])

/**
 * Why `file` must not be used as the link cache, or undefined when it may: it is absent, or it
 * has the cache's own shape (a JSON object of `about`, `version` and a `links` object). Anything
 * else (a source file, package.json, a folder) is never overwritten.
 */
export function notALinkCache(file: string): string | undefined {
  const read = readCacheFile(file)
  return 'foreign' in read ? read.foreign : undefined
}

/**
 * The cache file's parsed contents, or why it is not one (`foreign`), or nothing when it is
 * absent. A file under a file (ENOTDIR) is no one's either: `error` says why it was not read.
 */
function readCacheFile(file: string): { data: unknown } | { foreign: string } | { error?: string } {
  let text: string
  try {
    if (statSync(file).isDirectory()) return { foreign: 'it is a folder' }
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // Absent (or under a file): nothing of the user's to lose; writing it then fails on its own.
    if (code === 'ENOENT') return {}
    if (code === 'ENOTDIR') return { error: (error as Error).message }
    return { foreign: `it cannot be read (${code ?? (error as Error).message})` }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { foreign: 'it is not a Thresholds link cache (not JSON)' }
  }
  const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)
  if (!isObject(data) || !isObject(data.links) || !Object.keys(data).every((key) => CACHE_KEYS.has(key))) return { foreign: 'it is not a Thresholds link cache' }
  return { data }
}

/**
 * Reads the cache; a missing file is an empty cache, a damaged one is ignored with a warning.
 * `foreign` says why the file is not a link cache at all (see notALinkCache): it is then not read.
 */
export function readCache(file: string, warn: (text: string) => void): { cache: LinkCache; foreign?: string } {
  const cache: LinkCache = new Map()
  const read = readCacheFile(file)
  if ('foreign' in read) return { cache, foreign: read.foreign }
  if (!('data' in read)) {
    if (read.error !== undefined) warn(`Ignoring the link cache ${file}: it cannot be read (${read.error}).`)
    return { cache }
  }
  const data = read.data as { version?: unknown; links: Record<string, unknown> }
  if (data.version !== VERSION) {
    warn(`Ignoring the link cache ${file}: it is not a Thresholds link cache (version ${VERSION}). Every address is checked again and the file rewritten.`)
    return { cache }
  }
  let skipped = 0
  for (const [url, probe] of Object.entries(data.links)) {
    if (isProbe(probe, url)) cache.set(url, probe)
    else skipped++
  }
  if (skipped) warn(`Ignoring ${skipped} damaged entr${skipped === 1 ? 'y' : 'ies'} in the link cache ${file}.`)
  return { cache }
}

/** JSON with object keys sorted at every depth, so the same cache is always the same bytes. */
export function stableJson(value: unknown): string {
  const sort = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sort)
    if (item && typeof item === 'object') return Object.fromEntries(Object.keys(item).sort().map((key) => [key, sort((item as Record<string, unknown>)[key])]))
    return item
  }
  return `${JSON.stringify(sort(value), null, 2)}\n`
}

/** Writes the whole cache at once: a temporary file beside it, then a rename. */
export function writeCache(file: string, cache: LinkCache): void {
  const links: Record<string, LinkProbe> = {}
  for (const url of [...cache.keys()].sort()) links[url] = cache.get(url) as LinkProbe
  const text = stableJson({ about: 'Results of thresholds check --online. Safe to delete.', version: VERSION, links })
  mkdirSync(path.dirname(file), { recursive: true })
  // Checked again just before writing: the file may have been replaced during the run.
  const problem = notALinkCache(file)
  if (problem) throw new Error(`${problem}, so it was left as it was`)
  const temporary = `${file}.${randomUUID()}.tmp`
  try {
    writeFileSync(temporary, text)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}
