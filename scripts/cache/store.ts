import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { accessSync, closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import findCacheDirectory from 'find-cache-dir'
import { toolRoot, toolVersion } from '../shared/paths.ts'
import { compareStrings } from '../shared/text.ts'
import { isWithin } from '../shared/within.ts'
import { cacheKeyFile, loadCacheKey } from './key.ts'

/**
 * The content cache: results of earlier runs, by a digest of everything they depend on, so an
 * unchanged framework is neither parsed nor checked nor generated again.
 *
 * It lives in `node_modules/.cache/thresholds/` of the project being checked (found from the
 * working directory, as Babel and ESLint do; `CACHE_DIR` moves it, `--no-cache` skips it), and is
 * always safe to delete. Every key includes a digest of Thresholds' own code, its schemas and its
 * installed dependencies, so a new version or a changed rule never reads an old result. Every
 * entry is signed with the user's key (key.ts), so an entry someone else wrote is a miss.
 */
export interface ContentCache {
  dir: string
  /** Digest of the tool: code, schemas, dependency versions. Part of every key. */
  tool: string
  /** The user's key that signs every entry (see key.ts). */
  secret: Buffer
}

/** Bump when the layout of entries changes. */
const LAYOUT = 'v1'

/** A digest of texts (or bytes: a text and its UTF-8 bytes give the same digest), each ended by a NUL. */
export function digest(...parts: ReadonlyArray<string | Uint8Array>): string {
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

/**
 * The files of the code that is running: the compiled tool (every file of dist/, its chunks and
 * workers, since the running one is only a part of it) or, run from its sources, scripts/.
 */
export function toolCodeFiles(running: string, root: string): string[] {
  const compiled = path.join(root, 'dist')
  return filesUnder(running.startsWith(compiled + path.sep) ? compiled : path.join(root, 'scripts'))
}

// One per process, on purpose: the running code cannot change while it runs, and reading the
// files again later would describe code edited since, not the code running (docs/architecture.md).
let toolDigest: string | undefined

/**
 * What the tool is, as a digest: the running bundle (dist/cli.js) or, when run from source, every
 * script; the schemas; the version and the lockfile (so an updated parser invalidates results).
 */
export function toolDigestOf(): string {
  if (toolDigest) return toolDigest
  const parts: Array<string | Uint8Array> = [toolVersion()]
  // Each file's bytes, not its text: the same digest for UTF-8 files, without decoding 2–4 MB of
  // code only to encode it again (dist/, 4 MB: about 7 ms instead of 17; scripts/: 1–2 ms less).
  for (const file of [...toolCodeFiles(fileURLToPath(import.meta.url), toolRoot), ...filesUnder(path.join(toolRoot, 'schema')), path.join(toolRoot, 'package-lock.json')])
    if (existsSync(file)) parts.push(path.relative(toolRoot, file), readFileSync(file))
  toolDigest = digest(...parts)
  return toolDigest
}

/** What opening the cache gave: the cache, or no cache and, when the user would expect one, why not. */
export interface OpenedCache {
  cache?: ContentCache
  /** One line for stderr: the cache is not used and why. */
  warning?: string
}

/** The cache for a run from `cwd`, or undefined when there is none (see openContentCache). */
export function openCache(cwd: string, env: Readonly<Record<string, string | undefined>>, uid: number | undefined): ContentCache | undefined {
  return openContentCache(cwd, env, uid).cache
}

/**
 * The cache for a run from `cwd`. None, silently, without a package.json above (nowhere to keep
 * one). None, with a warning, when the folder cannot be used (CACHE_DIR a file, its parent missing,
 * not writable, a symbolic link) or there is no key: never a crash, never a wait.
 */
export function openContentCache(cwd: string, env: Readonly<Record<string, string | undefined>>, uid: number | undefined): OpenedCache {
  const configured = env.CACHE_DIR && !['true', 'false', '1', '0'].includes(env.CACHE_DIR) ? path.resolve(cwd, env.CACHE_DIR) : undefined
  let base: string
  if (configured) {
    // CACHE_DIR itself may be made, not its parents: a mistyped path makes no tree of folders.
    const problem = usableFolder(configured, false)
    if (problem) return { warning: notUsed(`CACHE_DIR “${env.CACHE_DIR}” ${problem}`) }
    base = path.join(configured, 'thresholds')
  } else {
    let found: string | undefined
    try {
      found = findCacheDirectory({ name: 'thresholds', cwd })
    } catch {
      found = undefined
    }
    if (!found) return {}
    base = found
  }
  const dir = path.join(base, LAYOUT)
  for (const folder of [base, dir]) {
    const problem = usableFolder(folder, !configured)
    if (problem) return { warning: notUsed(`the folder ${folder} ${problem}`) }
  }
  const keyFile = cacheKeyFile(env)
  if (isWithin(keyFile, base)) return { warning: notUsed(`its key ${keyFile} is inside the cache folder, expected it outside (THRESHOLDS_CACHE_KEY)`) }
  const secret = loadCacheKey(keyFile, uid)
  if (typeof secret === 'string') return { warning: notUsed(secret) }
  return { cache: { dir, tool: toolDigestOf(), secret } }
}

function notUsed(reason: string): string {
  return `The content cache is not used: ${reason}.`
}

/**
 * Makes a folder of the cache when it is missing and says what is wrong with it, if anything: it
 * must be a real folder (not a file, not a symbolic link that could send writes elsewhere) that
 * Thresholds can write to.
 */
function usableFolder(folder: string, parents: boolean): string | undefined {
  try {
    mkdirSync(folder, { recursive: parents })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return 'is in a folder that does not exist, expected an existing folder'
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'cannot be made (permission denied)'
    if (code !== 'EEXIST') return `cannot be made (${code ?? 'unknown error'})`
  }
  try {
    const stats = lstatSync(folder)
    if (stats.isSymbolicLink()) return 'is a symbolic link, expected a real folder'
    if (!stats.isDirectory()) return 'is not a folder'
    accessSync(folder, constants.R_OK | constants.W_OK | constants.X_OK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'cannot be written (permission denied)' : `cannot be used (${code ?? 'unknown error'})`
  }
  return undefined
}

function entryPath(cache: ContentCache, kind: string, key: string): string {
  return path.join(cache.dir, kind, key.slice(0, 2), `${key}.json`)
}

/**
 * The entry's signature: an HMAC with the user's key over the entry's place (kind and key) and
 * its text, so an entry cannot be made, altered, or moved to another place without the key.
 */
function signature(cache: ContentCache, kind: string, key: string, body: string): string {
  return createHmac('sha256', cache.secret).update(`${LAYOUT}\0${kind}\0${key}\0`).update(body).digest('hex')
}

/** Larger entries are refused unread: the package of 1,000 frameworks is about 0.3 GB in all. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024

/**
 * A file's text when it is a plain file of at most `limit` bytes; undefined otherwise. Links are
 * not followed and a pipe planted in the cache is never waited on.
 */
function readPlainFile(file: string, limit: number): string | undefined {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch {
    return undefined
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile() || stats.size > limit) return undefined
    return readFileSync(fd, 'utf8')
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/**
 * A stored entry, or undefined when there is none, it is damaged, its signature does not match
 * (written without this user's key), or it is not what `valid` expects: always a miss, never a
 * wrong result and never a crash.
 */
export function readEntry<T>(cache: ContentCache, kind: string, key: string, valid: (value: unknown) => value is T): T | undefined {
  const text = readPlainFile(entryPath(cache, kind, key), MAX_ENTRY_BYTES)
  if (text === undefined) return undefined
  const newline = text.indexOf('\n')
  if (newline !== 64) return undefined
  const body = text.slice(newline + 1)
  const expected = Buffer.from(signature(cache, kind, key, body), 'hex')
  const given = Buffer.from(text.slice(0, 64), 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const value: unknown = JSON.parse(body)
    return valid(value) ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * The folder an entry goes in, made when missing; undefined when a folder on the way is not a real
 * folder (a symbolic link planted in a shared cache would send the write elsewhere).
 */
function entryFolder(cache: ContentCache, ...parts: string[]): string | undefined {
  let folder = cache.dir
  for (const part of parts) {
    folder = path.join(folder, part)
    try {
      mkdirSync(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined
    }
    try {
      const stats = lstatSync(folder)
      if (stats.isSymbolicLink() || !stats.isDirectory()) return undefined
    } catch {
      return undefined
    }
  }
  return folder
}

/**
 * Writes a file of the cache: a new file beside its place, made exclusively under a random name (so
 * nothing planted there is written through or waited on), then renamed into place, so a reader
 * never sees half an entry, even with two runs at once. A cache that cannot be written is
 * skipped, never an error.
 */
function writeCacheFile(folder: string, name: string, text: string): void {
  const temporary = path.join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: 0o600 })
    renameSync(temporary, path.join(folder, name))
  } catch {
    try {
      rmSync(temporary, { force: true })
    } catch {
      // Nothing more to do: the cache is housekeeping.
    }
  }
}

/** Stores an entry, signed (see signature). */
export function writeEntry(cache: ContentCache, kind: string, key: string, value: unknown): void {
  const folder = entryFolder(cache, kind, key.slice(0, 2))
  if (!folder) return
  let body: string
  try {
    body = JSON.stringify(value)
  } catch {
    return
  }
  writeCacheFile(folder, `${key}.json`, `${signature(cache, kind, key, body)}\n${body}`)
}

/**
 * Remembers which entry an owner (a framework folder, a build's output folder) last used and
 * deletes the one before, so the cache holds about one entry per owner rather than one per edit.
 */
export function replaceEntry(cache: ContentCache, kinds: readonly string[], owner: string, key: string): void {
  const name = `${digest(owner)}.txt`
  const folder = entryFolder(cache, 'latest')
  if (!folder) return
  const previous = readPlainFile(path.join(folder, name), 64)
  if (previous === key) return
  writeCacheFile(folder, name, key)
  try {
    if (previous && /^[0-9a-f]{64}$/.test(previous)) for (const kind of kinds) rmSync(entryPath(cache, kind, previous), { force: true })
  } catch {
    // Pruning is housekeeping: a failure costs disk space, never a result.
  }
}

/** For entries that are a record of texts (generated files, stamps). */
export function isTextRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((text) => typeof text === 'string')
}
