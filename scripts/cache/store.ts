import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import findCacheDirectory from 'find-cache-dir'
import { toolRoot, toolVersion } from '../shared/paths.ts'
import { compareStrings } from '../shared/text.ts'

/**
 * The content cache: results of earlier runs, by a digest of everything they depend on, so an
 * unchanged framework is neither parsed nor checked nor generated again.
 *
 * It lives in `node_modules/.cache/thresholds/` of the project being checked (found from the
 * working directory, as Babel and ESLint do; `CACHE_DIR` moves it, `--no-cache` skips it), and is
 * always safe to delete. Every key includes a digest of Thresholds' own code, its schemas and its
 * installed dependencies, so a new version or a changed rule never reads an old result.
 */
export interface ContentCache {
  dir: string
  /** Digest of the tool: code, schemas, dependency versions. Part of every key. */
  tool: string
}

/** Bump when the layout of entries changes. */
const LAYOUT = 'v1'

export function digest(...parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:[cm]?js|ts|json)$/.test(name) && statSync(path.join(dir, name)).isFile())
    .sort(compareStrings)
    .map((name) => path.join(dir, name))
}

let toolDigest: string | undefined

/**
 * What the tool is, as a digest: the running bundle (dist/cli.js) or, when run from source, every
 * script; the schemas; the version and the lockfile (so an updated parser invalidates results).
 */
export function toolDigestOf(): string {
  if (toolDigest) return toolDigest
  const running = fileURLToPath(import.meta.url)
  const code = running.endsWith(`${path.sep}dist${path.sep}cli.js`) ? [running] : filesUnder(path.join(toolRoot, 'scripts'))
  const parts = [toolVersion()]
  for (const file of [...code, ...filesUnder(path.join(toolRoot, 'schema')), path.join(toolRoot, 'package-lock.json')])
    if (existsSync(file)) parts.push(path.relative(toolRoot, file), readFileSync(file, 'utf8'))
  toolDigest = digest(...parts)
  return toolDigest
}

/** The cache for a run from `cwd`, or undefined when there is nowhere to keep one (no package.json above, read-only). */
export function openCache(cwd: string): ContentCache | undefined {
  const dir = findCacheDirectory({ name: 'thresholds', cwd })
  if (!dir) return undefined
  return { dir: path.join(dir, LAYOUT), tool: toolDigestOf() }
}

function entryPath(cache: ContentCache, kind: string, key: string): string {
  return path.join(cache.dir, kind, key.slice(0, 2), `${key}.json`)
}

/**
 * A stored entry, or undefined when there is none or it is damaged: each entry starts with the
 * digest of its JSON, so a truncated or altered file is a miss, never a wrong result.
 */
export function readEntry<T>(cache: ContentCache, kind: string, key: string): T | undefined {
  try {
    const text = readFileSync(entryPath(cache, kind, key), 'utf8')
    const newline = text.indexOf('\n')
    const body = text.slice(newline + 1)
    if (newline !== 64 || text.slice(0, 64) !== digest(body)) return undefined
    return JSON.parse(body) as T
  } catch {
    return undefined
  }
}

/**
 * Stores an entry: written beside its place and renamed into it, so a reader never sees half an
 * entry, even with two runs at once. A cache that cannot be written is skipped, never an error.
 */
export function writeEntry(cache: ContentCache, kind: string, key: string, value: unknown): void {
  const target = entryPath(cache, kind, key)
  const temporary = `${target}.${process.pid}.tmp`
  try {
    const body = JSON.stringify(value)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(temporary, `${digest(body)}\n${body}`)
    renameSync(temporary, target)
  } catch {
    rmSync(temporary, { force: true })
  }
}

/**
 * Remembers which entry an owner (a framework folder, a build's output folder) last used and
 * deletes the one before, so the cache holds about one entry per owner rather than one per edit.
 */
export function replaceEntry(cache: ContentCache, kinds: readonly string[], owner: string, key: string): void {
  const pointer = path.join(cache.dir, 'latest', `${digest(owner)}.txt`)
  let previous: string | undefined
  try {
    previous = readFileSync(pointer, 'utf8')
  } catch {
    previous = undefined
  }
  if (previous === key) return
  try {
    mkdirSync(path.dirname(pointer), { recursive: true })
    writeFileSync(pointer, key)
    if (previous && /^[0-9a-f]{64}$/.test(previous)) for (const kind of kinds) rmSync(entryPath(cache, kind, previous), { force: true })
  } catch {
    // Pruning is housekeeping: a failure costs disk space, never a result.
  }
}
