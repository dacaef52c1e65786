import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isFresh, readCache, writeCache } from '../../scripts/online/cache.ts'
import { checkUrlsOnline, type OnlineOptions } from '../../scripts/online/index.ts'
import type { LinkProbe } from '../../scripts/online/probe.ts'
import { startServer, type TestServer } from './server.ts'
import { LOCAL_REQUEST_MS } from '../limits.ts'

const HOUR = 3_600_000
let server: TestServer
let dir: string
let cacheFile: string
let warnings: string[]
let clock: number

function options(extra: OnlineOptions = {}): OnlineOptions {
  // The test server is on 127.0.0.1, which --online skips unless private addresses are allowed.
  return { cacheFile, timeoutMs: LOCAL_REQUEST_MS, backoffMs: 1, allowPrivate: true, now: () => clock, warn: (text) => warnings.push(text), ...extra }
}

beforeEach(async () => {
  server = await startServer()
  dir = mkdtempSync(path.join(tmpdir(), 'thresholds-cache-'))
  cacheFile = path.join(dir, 'nested/links.json')
  warnings = []
  clock = Date.parse('2026-03-01T12:00:00Z')
})
afterEach(async () => {
  await server.close()
})

describe('link cache', () => {
  it('answers a second run from the cache without any request', async () => {
    const urls = [`${server.base}/ok`, `${server.base}/moved`, `${server.base}/missing`]
    const first = await checkUrlsOnline(urls, options())
    expect(first).toMatchObject({ fetched: 3, cached: 0 })
    const requests = server.requests.length
    expect(requests).toBe(4) // /ok; /moved, then /ok; /missing

    clock += 30 * 60_000
    const second = await checkUrlsOnline(urls, options())
    expect(second).toMatchObject({ fetched: 0, cached: 3 })
    expect(server.requests.length).toBe(requests)
    expect(second.linkStatus).toEqual(first.linkStatus)
    expect(warnings).toEqual([])
  })

  it('fetches a working address again once it is older than the max age (default 24 hours)', async () => {
    const url = `${server.base}/ok`
    await checkUrlsOnline([url], options())
    clock += 23 * HOUR
    await checkUrlsOnline([url], options())
    expect(server.count('/ok')).toBe(1)
    clock += 2 * HOUR
    const later = await checkUrlsOnline([url], options())
    expect(server.count('/ok')).toBe(2)
    expect(later.linkStatus.get(url)?.checkedAt).toBe(new Date(clock).toISOString())
  })

  it('honours a shorter max age, and 0 checks everything again', async () => {
    const url = `${server.base}/ok`
    await checkUrlsOnline([url], options())
    clock += 2 * HOUR
    await checkUrlsOnline([url], options({ maxAgeHours: 3 }))
    expect(server.count('/ok')).toBe(1)
    await checkUrlsOnline([url], options({ maxAgeHours: 1 }))
    expect(server.count('/ok')).toBe(2)
    await checkUrlsOnline([url], options({ maxAgeHours: 0 }))
    expect(server.count('/ok')).toBe(3)
  })

  it('keeps a 404 for at most an hour, and never keeps a 5xx, a time-out or a refused connection', async () => {
    const missing = `${server.base}/missing`
    const broken = `${server.base}/broken`
    const slow = `${server.base}/slow?ms=500`
    await checkUrlsOnline([missing, broken], options({ retries: 0 }))
    await checkUrlsOnline([slow], options({ retries: 0, timeoutMs: 50 }))
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { links: Record<string, unknown> }
    expect(Object.keys(stored.links)).toEqual([missing])
    clock += 59 * 60_000
    await checkUrlsOnline([missing, broken], options({ retries: 0 }))
    expect(server.count('/missing')).toBe(1)
    expect(server.count('/broken')).toBe(2)
    clock += 2 * 60_000
    await checkUrlsOnline([missing], options())
    expect(server.count('/missing')).toBe(2)
  })

  it('writes sorted keys, the same bytes for the same results, and leaves no temporary file', async () => {
    const urls = [`${server.base}/temporary`, `${server.base}/ok`, `${server.base}/missing`]
    await checkUrlsOnline(urls, options())
    const text = readFileSync(cacheFile, 'utf8')
    const data = JSON.parse(text) as { links: Record<string, Record<string, unknown>> }
    expect(Object.keys(data)).toEqual(['about', 'links', 'version'])
    expect(Object.keys(data.links)).toEqual([...Object.keys(data.links)].sort())
    for (const entry of Object.values(data.links)) expect(Object.keys(entry)).toEqual(Object.keys(entry).sort())
    writeCache(cacheFile, readCache(cacheFile, (text) => warnings.push(text)).cache)
    expect(readFileSync(cacheFile, 'utf8')).toBe(text)
    expect(readdirSync(path.dirname(cacheFile))).toEqual(['links.json'])
  })

  it('keeps fresh entries for addresses not checked in this run', async () => {
    await checkUrlsOnline([`${server.base}/ok`], options())
    await checkUrlsOnline([`${server.base}/temporary`], options())
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { links: Record<string, unknown> }
    expect(Object.keys(data.links).sort()).toEqual([`${server.base}/ok`, `${server.base}/temporary`])
  })

  it('ignores a cache file of another version with a warning, checks again and rewrites it', async () => {
    mkdirSync(path.dirname(cacheFile), { recursive: true })
    writeFileSync(cacheFile, '{"version": 99, "links": {}}')
    const result = await checkUrlsOnline([`${server.base}/ok`], options())
    expect(result).toMatchObject({ fetched: 1, cached: 0 })
    expect(warnings).toEqual([expect.stringMatching(/not a Thresholds link cache/)])
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ version: 1, links: { [`${server.base}/ok`]: { outcome: 'ok' } } })
  })

  it.each([
    ['not JSON', '{"version": 1, "links": {', /: it is not a Thresholds link cache \(not JSON\), so it was left as it was/],
    ['JSON of another shape', '[1, 2, 3]', /: it is not a Thresholds link cache, so it was left as it was/],
    ['JSON with keys of its own', '{"name": "app", "links": {}}', /: it is not a Thresholds link cache, so it was left as it was/],
    ['empty', '', /: it is not a Thresholds link cache \(not JSON\), so it was left as it was/],
  ])('never reads or overwrites a file that is not a link cache (%s): one warning, every address checked', async (_, content, warning) => {
    mkdirSync(path.dirname(cacheFile), { recursive: true })
    writeFileSync(cacheFile, content)
    const result = await checkUrlsOnline([`${server.base}/ok`], options())
    expect(result).toMatchObject({ fetched: 1, cached: 0 })
    expect(warnings).toEqual([expect.stringMatching(warning)])
    expect(readFileSync(cacheFile, 'utf8')).toBe(content)
  })

  it('drops damaged entries with one warning and uses the rest', async () => {
    const good: LinkProbe = { url: `${server.base}/ok`, outcome: 'ok', status: 200, attempts: 1, checkedAt: new Date(clock).toISOString() }
    mkdirSync(path.dirname(cacheFile), { recursive: true })
    writeFileSync(
      cacheFile,
      JSON.stringify({ version: 1, links: { [good.url]: good, [`${server.base}/missing`]: { outcome: 'ok' }, [`${server.base}/temporary`]: { ...good, url: 'elsewhere' } } }),
    )
    const result = await checkUrlsOnline([good.url, `${server.base}/missing`, `${server.base}/temporary`], options())
    expect(result).toMatchObject({ fetched: 2, cached: 1 })
    expect(server.count('/ok')).toBe(1) // only as the end of /temporary's redirect
    expect(warnings).toEqual([expect.stringMatching(/Ignoring 2 damaged entries/)])
  })

  it('warns and carries on when the cache cannot be written', async () => {
    // A file where the cache's folder should be: not writable, even for root.
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'blocker'), '')
    const file = path.join(dir, 'blocker/links.json')
    const result = await checkUrlsOnline([`${server.base}/ok`], options({ cacheFile: file }))
    expect(result.linkStatus.get(`${server.base}/ok`)).toMatchObject({ outcome: 'ok' })
    expect(warnings).toEqual([expect.stringMatching(/^Ignoring the link cache .*: it cannot be read/), expect.stringMatching(/^Could not write the link cache .*blocker\/links\.json/)])
  })

  it('is not used at all without a cache file', async () => {
    await checkUrlsOnline([`${server.base}/ok`], options({ cacheFile: undefined }))
    await checkUrlsOnline([`${server.base}/ok`], options({ cacheFile: undefined }))
    expect(server.count('/ok')).toBe(2)
    expect(existsSync(cacheFile)).toBe(false)
  })
})

describe('checkUrlsOnline', () => {
  it('gives every written form of an address its result, with one request per address', async () => {
    const urls = [`${server.base}/ok#top`, `${server.base}/ok#bottom`, 'https://user:pw@example.org/']
    const { linkStatus, fetched } = await checkUrlsOnline(urls, options())
    expect(fetched).toBe(1)
    expect(server.count('/ok')).toBe(1)
    expect(linkStatus.get(urls[0] as string)).toMatchObject({ outcome: 'ok', url: `${server.base}/ok` })
    expect(linkStatus.get(urls[1] as string)).toMatchObject({ outcome: 'ok' })
    expect(linkStatus.get(urls[2] as string)).toMatchObject({ outcome: 'not-fetchable', attempts: 0 })
  })
})

describe('isFresh', () => {
  const probe: LinkProbe = { url: 'https://example.org/', outcome: 'ok', status: 200, attempts: 1, checkedAt: '2026-03-01T12:00:00.000Z' }
  it('is fresh within the max age only, and never for a result from the future', () => {
    const at = Date.parse(probe.checkedAt)
    expect(isFresh(probe, 24, at + 23 * HOUR)).toBe(true)
    expect(isFresh(probe, 24, at + 24 * HOUR)).toBe(false)
    expect(isFresh(probe, 24, at - HOUR)).toBe(false)
    expect(isFresh({ ...probe, outcome: 'http-error', status: 404 }, 24, at + 2 * HOUR)).toBe(false)
    expect(isFresh({ ...probe, outcome: 'http-error', status: 503 }, 24, at + 1)).toBe(false)
  })
})
