/**
 * The link cache of `check --online`: one JSON file, entries keyed by address. It only saves
 * time, so anything wrong with it is a warning and the file is rewritten, never a failure.
 */
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
  let text: string
  try {
    if (statSync(file).isDirectory()) return 'it is a folder'
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // Absent (or under a file): nothing of the user's to lose; writing it then fails on its own.
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : `it cannot be read (${code ?? (error as Error).message})`
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return 'it is not a Thresholds link cache (not JSON)'
  }
  const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)
  if (!isObject(data) || !isObject(data.links) || !Object.keys(data).every((key) => CACHE_KEYS.has(key))) return 'it is not a Thresholds link cache'
  return undefined
}

/** Reads the cache; a missing file is an empty cache, a damaged one is ignored with a warning. */
export function readCache(file: string, warn: (text: string) => void): LinkCache {
  const cache: LinkCache = new Map()
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`Ignoring the link cache ${file}: it cannot be read (${(error as Error).message}).`)
    return cache
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    warn(`Ignoring the link cache ${file}: it is not valid JSON. Every address is checked again and the file rewritten.`)
    return cache
  }
  const links = (data as { links?: unknown } | null)?.links
  if ((data as { version?: unknown } | null)?.version !== VERSION || !links || typeof links !== 'object' || Array.isArray(links)) {
    warn(`Ignoring the link cache ${file}: it is not a Thresholds link cache (version ${VERSION}). Every address is checked again and the file rewritten.`)
    return cache
  }
  let skipped = 0
  for (const [url, probe] of Object.entries(links)) {
    if (isProbe(probe, url)) cache.set(url, probe)
    else skipped++
  }
  if (skipped) warn(`Ignoring ${skipped} damaged entr${skipped === 1 ? 'y' : 'ies'} in the link cache ${file}.`)
  return cache
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
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
  try {
    writeFileSync(temporary, text)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}
