import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { CheckCache } from '../../scripts/cache/check.ts'
import { StampStore, textDigest } from '../../scripts/cache/stamps.ts'
import { openCache, type ContentCache } from '../../scripts/cache/store.ts'
import { findFrameworkFolders } from '../../scripts/parse/index.ts'
import { SourcesChanged } from '../../scripts/shared/sources-changed.ts'
import { checkRun, plainStages, type CheckRun } from '../../scripts/pipeline/check.ts'
import { repoRoot, TEST_TODAY } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/** A project with the shipped frameworks, its own cache and cache key. */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-stamps-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  const env = { THRESHOLDS_CACHE_KEY: path.join(root, 'config/cache-key'), CACHE_DIR: '' }
  const cache = openCache(root, env, process.getuid?.()) as ContentCache
  return { root, env, cache, health: path.join(root, 'sources/solihull/domains/01-health.md'), frameworkMd: path.join(root, 'sources/shropshire/framework.md') }
}

/** Files of the shipped frameworks the reader reads (everything under sources/ is one). */
const FILES = 51

/** The report a check gives: every message with its place, and the parts of the model an edit below changes. */
function report(run: CheckRun): string[] {
  const messages = run.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
  const solihull = JSON.stringify(run.contexts.find((context) => context.folder.id === 'solihull')?.framework)
  return [...messages, `solihull says “Physically WELL”: ${solihull.includes('Physically WELL')}`, `errors ${run.errors}, warnings ${run.warnings}`]
}

/** A check through the cache with its stamps (trusted at once: `settleMs` 0), and how many files it knew by stamp. */
async function stamped(root: string, cache: ContentCache, settleMs = 0) {
  const memo = new CheckCache(cache, {}, settleMs)
  const run = await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, memo, today: TEST_TODAY })
  return { run, report: report(run), answered: memo.sourceStamps?.answered }
}

async function uncached(root: string) {
  return report(await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, today: TEST_TODAY }))
}

/** A whole second, so that the modification time can be put back exactly (utimes takes seconds as a double). */
const PINNED = 1_767_225_600
const pin = (file: string) => utimesSync(file, PINNED, PINNED)

/** Replaces text with text of the same length, and puts the (pinned) modification time back. */
function editKeepingSizeAndTime(file: string, from: string, to: string) {
  expect(to).toHaveLength(from.length)
  const before = statSync(file, { bigint: true })
  expect(before.mtimeNs).toBe(BigInt(PINNED) * 1_000_000_000n)
  const text = readFileSync(file, 'utf8')
  expect(text).toContain(from)
  writeFileSync(file, text.replace(from, to))
  pin(file)
  const after = statSync(file, { bigint: true })
  expect(after.mtimeNs).toBe(before.mtimeNs)
  expect(after.size).toBe(before.size)
  expect(after.ino).toBe(before.ino)
}

describe('source stamps', () => {
  it('know an unchanged file without reading it, with the same report as reading every file', async () => {
    const { root, cache } = project()
    const first = await stamped(root, cache)
    expect(first.answered).toBe(0)
    const second = await stamped(root, cache)
    expect(second.answered).toBe(FILES)
    expect(second.run.parsed.size).toBe(0)
    expect(second.report).toEqual(await uncached(root))
    expect(second.report.at(-1)).toBe('errors 0, warnings 0')
  })

  it('see an edit that keeps the size and modification time (its change time moves)', async () => {
    const { root, cache, health, frameworkMd } = project()
    pin(health)
    pin(frameworkMd)
    await stamped(root, cache)
    editKeepingSizeAndTime(health, 'Physically well', 'Physically WELL')
    editKeepingSizeAndTime(frameworkMd, 'region: West', 'regiom: West')
    const after = await stamped(root, cache)
    expect(after.answered).toBe(FILES - 2)
    expect(after.report).toEqual(await uncached(root))
    expect(after.report).toContain('solihull says “Physically WELL”: true')
    expect(after.report.some((line) => line.startsWith('sources/shropshire/framework.md:5:1 Unknown setting “regiom”'))).toBe(true)
  })

  it('read a touched but unchanged file again, and still answer its framework from the cache', async () => {
    const { root, cache, health } = project()
    await stamped(root, cache)
    const now = new Date()
    utimesSync(health, now, now)
    const after = await stamped(root, cache)
    expect(after.answered).toBe(FILES - 1)
    expect(after.run.parsed.size).toBe(0)
    expect(after.report).toEqual(await uncached(root))
  })

  it('see a file replaced by another of the same size and time (a save by rename)', async () => {
    const { root, cache, health } = project()
    await stamped(root, cache)
    const before = statSync(health)
    const replacement = `${health}.new`
    writeFileSync(replacement, readFileSync(health, 'utf8').replace('Physically well', 'Physically WELL'))
    utimesSync(replacement, before.atime, before.mtime)
    renameSync(replacement, health)
    expect(statSync(health).ino).not.toBe(before.ino)
    const after = await stamped(root, cache)
    expect(after.answered).toBe(FILES - 1)
    expect(after.report).toContain('solihull says “Physically WELL”: true')
    expect(after.report).toEqual(await uncached(root))
  })

  it('see a file replaced by a symbolic link, and report the link', async () => {
    const { root, cache, health } = project()
    await stamped(root, cache)
    const outside = path.join(root, 'elsewhere.md')
    cpSync(health, outside, { preserveTimestamps: true })
    rmSync(health)
    symlinkSync(outside, health)
    const after = await stamped(root, cache)
    expect(after.answered).toBe(FILES - 1)
    expect(after.report).toEqual(await uncached(root))
    expect(after.report).toContain('sources/solihull/domains/01-health.md:1:1 “domains/01-health.md” is a symbolic link to a file outside sources/, expected the file itself inside the framework folder')
  })

  it('are not kept for a file changed less than 2 seconds before it was read', async () => {
    const { root, cache } = project()
    // The files were just copied: a second run reads every one of them again.
    await stamped(root, cache, 2000)
    expect((await stamped(root, cache, 2000)).answered).toBe(0)
  })

  it('start the run again, reading every file, when a file known by its stamp changes before its text is read', async () => {
    const { root, cache, health } = project()
    await stamped(root, cache)
    // Another file of the framework changed: it is parsed, so the health file's text is read late.
    const levels = path.join(root, 'sources/solihull/levels/01-universal.md')
    writeFileSync(levels, `${readFileSync(levels, 'utf8')}\n`)
    const plain = plainStages({ cwd: root })
    let changed = false
    const stages = {
      ...plain,
      read: (dirs: readonly string[], stamps?: Parameters<typeof plain.read>[1]) => {
        const folders = plain.read(dirs, stamps)
        // Changed after the reader knew it by its stamp, before the parser asks for its text.
        if (stamps && !changed) {
          changed = true
          writeFileSync(health, readFileSync(health, 'utf8').replace('Physically well', 'Physically WELL'))
        }
        return folders
      },
    }
    try {
      const run = await checkRun(findFrameworkFolders(['sources'], root), { cwd: root, memo: new CheckCache(cache, {}, 0), stages, today: TEST_TODAY })
      expect(changed).toBe(true)
      expect(report(run)).toContain('solihull says “Physically WELL”: true')
      expect(report(run)).toEqual(await uncached(root))
    } finally {
      plain.close()
    }
  })

  it('refuse a late read of a file that no longer holds the text its stamp stood for', () => {
    const { root, cache, health } = project()
    const store = new StampStore(cache, [path.join(root, 'sources/solihull')], 0)
    const text = readFileSync(health, 'utf8')
    expect(store.late(health, 'sources/solihull/domains/01-health.md', textDigest(text))).toBe(text)
    expect(() => store.late(health, 'sources/solihull/domains/01-health.md', textDigest(`${text}!`))).toThrow(
      new SourcesChanged('sources/solihull/domains/01-health.md'),
    )
    expect(new SourcesChanged('x.md').message).toBe('“x.md” changed while Thresholds was reading it, expected it to stay the same during the run: run the command again')
  })
})

describe('source stamps, through the CLI', () => {
  const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
  const thresholds = (args: string[], root: string, env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: TEST_TODAY, ...env }, timeout: HANG_MS })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('report an edit that keeps size and modification time, as a run without the cache does', async () => {
    const { root, env, frameworkMd } = project()
    pin(frameworkMd)
    // Stamps are kept only for files changed 2 seconds or more before they are read.
    await sleep(2100)
    expect(thresholds(['check'], root, env).status).toBe(0)
    const again = thresholds(['check'], root, env)
    expect(again.stderr).toBe(thresholds(['check', '--no-cache'], root, env).stderr)
    expect(again.stderr).toMatch(/^✔ 0 errors, 0 warnings, \d+ suppressed in 2 frameworks\n$/)
    editKeepingSizeAndTime(frameworkMd, 'region: West', 'regiom: West')
    const cached = thresholds(['check', '--format', 'json'], root, env)
    const fresh = thresholds(['check', '--format', 'json', '--no-cache'], root, env)
    expect(cached.status).toBe(1)
    expect(cached.stdout).toBe(fresh.stdout)
    expect(cached.stdout).toContain('Unknown setting “regiom”')
  })
})
