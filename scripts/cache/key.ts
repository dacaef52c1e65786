import { randomBytes } from 'node:crypto'
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir, platform } from 'node:os'
import path from 'node:path'

/**
 * The secret that authenticates content cache entries. It is kept per user outside the cache
 * folder, so anyone who can write the cache (a CI cache shared between branches or forks) cannot
 * make an entry Thresholds accepts: entries are signed with an HMAC of this key (see store.ts).
 *
 * Where: `THRESHOLDS_CACHE_KEY` (a file path) when set, otherwise `$XDG_CONFIG_HOME/thresholds/cache-key`,
 * `%APPDATA%\thresholds\cache-key` on Windows, or `~/.config/thresholds/cache-key`. Created with
 * mode 0600 (in a 0700 folder) the first time it is needed. `env`: the command's environment.
 */
export function cacheKeyFile(env: Readonly<Record<string, string | undefined>>): string {
  if (env.THRESHOLDS_CACHE_KEY) return path.resolve(env.THRESHOLDS_CACHE_KEY)
  const config = env.XDG_CONFIG_HOME || (platform() === 'win32' && env.APPDATA) || path.join(homedir(), '.config')
  return path.join(config, 'thresholds', 'cache-key')
}

const KEY = /^[0-9a-f]{64}\n?$/

/**
 * The key, or why there is none (the cache is then not used). A key file that another user owns,
 * that others can read or write, or that is not a plain file is refused: it would not be secret.
 * `uid`: the user the command runs as (undefined where files have no such owner, on Windows).
 */
export function loadCacheKey(file: string, uid: number | undefined): Buffer | string {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    // Exclusive create: two runs at once never overwrite each other's key.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return `the key file ${file} cannot be created (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`
  }
  let fd: number
  try {
    // Not a link, and never waiting on a pipe planted under the key's name.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return `the key file ${file} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile() || stats.size > 1024) return `the key file ${file} is not a plain file`
    if (platform() !== 'win32') {
      if (uid !== undefined && stats.uid !== uid) return `the key file ${file} belongs to another user`
      if ((stats.mode & 0o077) !== 0) return `the key file ${file} can be read or written by other users (run: chmod 600 ${file})`
    }
    const text = readFileSync(fd, 'utf8')
    if (!KEY.test(text)) return `the key file ${file} does not hold a key (delete it and a new one is made)`
    return Buffer.from(text.trim(), 'hex')
  } finally {
    closeSync(fd)
  }
}
