import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { privateAddressKind } from '../../scripts/online/addresses.ts'
import { checkUrlsOnline } from '../../scripts/online/index.ts'
import { probeAll, probeUrl, type ProbeOptions, type Resolver } from '../../scripts/online/probe.ts'
import { startServer, type TestServer } from './server.ts'
import { LOCAL_REQUEST_MS } from '../limits.ts'

// Never the real network: names are resolved by this table, and the only server is the test's
// own, on 127.0.0.1.
const names: Record<string, string[]> = {
  'intranet.example': ['127.0.0.1'],
  'mixed.example': ['203.0.113.5', '10.0.0.1'],
  'metadata.example': ['169.254.169.254'],
}
const resolve: Resolver = async (hostname) => {
  const found = names[hostname]
  if (!found) throw Object.assign(new Error(`no such name ${hostname}`), { code: 'ENOTFOUND' })
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
}
const base: ProbeOptions = { timeoutMs: LOCAL_REQUEST_MS, backoffMs: 1, retries: 0, resolve }
/** The local test server standing for a public web site, so what it redirects to can be tested. */
const localIsPublic = (address: string) => (address === '127.0.0.1' ? undefined : privateAddressKind(address))

let server: TestServer
beforeEach(async () => {
  server = await startServer()
})
afterEach(async () => {
  await server.close()
})

describe('addresses --online does not request', () => {
  it.each([
    ['127.0.0.1', 'a loopback address (this machine)'],
    ['127.255.0.9', 'a loopback address (this machine)'],
    ['10.20.30.40', 'a private network address'],
    ['172.16.0.1', 'a private network address'],
    ['172.31.255.255', 'a private network address'],
    ['192.168.1.1', 'a private network address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) network address'],
    ['169.254.169.254', 'a link-local address (such as a cloud metadata service)'],
    ['0.0.0.0', 'an unspecified address'],
    ['::1', 'a loopback address (this machine)'],
    ['[::1]', 'a loopback address (this machine)'],
    ['::', 'an unspecified address'],
    ['fd12:3456::1', 'a private network address (unique local)'],
    ['fe80::1', 'a link-local address'],
    ['::ffff:127.0.0.1', 'a loopback address (this machine)'],
    ['::ffff:7f00:1', 'a loopback address (this machine)'],
    ['[::ffff:a9fe:a9fe]', 'a link-local address (such as a cloud metadata service)'],
    ['::ffff:10.0.0.1', 'a private network address'],
    ['64:ff9b::a9fe:a9fe', 'a link-local address (such as a cloud metadata service)'],
  ])('%s is %s', (address, kind) => {
    expect(privateAddressKind(address)).toBe(kind)
  })

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '203.0.113.5', '2606:4700::1', '::ffff:8.8.8.8', 'example.org'])('%s is not private', (address) => {
    expect(privateAddressKind(address)).toBeUndefined()
  })
})

describe('--online skips private addresses unless allowed', () => {
  it('skips an address on 127.0.0.1 without connecting, and says why', async () => {
    const probe = await probeUrl(`${server.base}/ok`, base)
    expect(probe).toMatchObject({ outcome: 'skipped', detail: 'resolves to 127.0.0.1, a loopback address (this machine), which is requested only with --online-allow-private', attempts: 1 })
    expect(server.requests).toEqual([])
  })

  it('checks the address a name resolves to, every one of them, before connecting', async () => {
    const port = new URL(server.base).port
    expect(await probeUrl(`http://intranet.example:${port}/ok`, base)).toMatchObject({ outcome: 'skipped', detail: expect.stringMatching(/^resolves to 127\.0\.0\.1, a loopback address/) })
    expect(await probeUrl(`http://mixed.example:${port}/ok`, base)).toMatchObject({ outcome: 'skipped', detail: expect.stringMatching(/^resolves to 10\.0\.0\.1, a private network address/) })
    expect(server.requests).toEqual([])
  })

  it('requests them with allowPrivate (--online-allow-private), connecting to the address checked', async () => {
    const port = new URL(server.base).port
    expect(await probeUrl(`http://intranet.example:${port}/ok`, { ...base, allowPrivate: true })).toMatchObject({ outcome: 'ok', status: 200, privateAddress: true })
    expect(await probeUrl(`${server.base}/ok`, { ...base, allowPrivate: true })).toMatchObject({ outcome: 'ok', privateAddress: true })
    expect(server.requests).toEqual([
      { method: 'HEAD', path: '/ok', userAgent: expect.any(String), host: `intranet.example:${port}` },
      { method: 'HEAD', path: '/ok', userAgent: expect.any(String) },
    ])
  })

  it('checks again after each redirect: a public page that redirects to the metadata service is not followed there', async () => {
    const byName = await probeUrl(`${server.base}/to-metadata`, { ...base, privateKind: localIsPublic })
    expect(byName).toMatchObject({ outcome: 'skipped', finalUrl: 'http://metadata.example/latest/meta-data/', detail: 'resolves to 169.254.169.254, a link-local address (such as a cloud metadata service), which is requested only with --online-allow-private' })
    const byMappedAddress = await probeUrl(`${server.base}/to-mapped`, { ...base, privateKind: localIsPublic })
    expect(byMappedAddress).toMatchObject({ outcome: 'skipped', finalUrl: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/', detail: expect.stringMatching(/^resolves to ::ffff:a9fe:a9fe, a link-local address/) })
    expect(server.requests.map((request) => request.path)).toEqual(['/to-metadata', '/to-mapped'])
  })

  it('does not reuse a cached result of a private address in a run that does not allow them', async () => {
    const now = () => Date.parse('2026-03-01T12:00:00Z')
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const cacheFile = `${mkdtempSync(`${tmpdir()}/thresholds-private-`)}/links.json`
    const url = `${server.base}/ok`
    expect((await checkUrlsOnline([url], { ...base, cacheFile, now, allowPrivate: true })).linkStatus.get(url)).toMatchObject({ outcome: 'ok', privateAddress: true })
    const again = await checkUrlsOnline([url], { ...base, cacheFile, now })
    expect(again).toMatchObject({ cached: 0, fetched: 0, skipped: [{ url, detail: expect.stringMatching(/^resolves to 127\.0\.0\.1/) }] })
    expect(server.count('/ok')).toBe(1)
  })

  it('counts an address skipped once however many #fragments it is written with, and warns for each as written', async () => {
    const urls = [`${server.base}/ok#one`, `${server.base}/ok#two`]
    const result = await checkUrlsOnline(urls, base)
    expect(result.fetched).toBe(0)
    expect(result.skipped.map((entry) => entry.url)).toEqual(urls)
    expect(server.requests).toEqual([])
  })
})

describe('the --online deadline', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stops requests still open and skips the addresses not yet requested, whatever the time limit per request', async () => {
    // The deadline's clock is the test's: it passes once the first request has reached the
    // server, however long that takes on a busy machine. The pages would answer after ten
    // minutes (on the same stopped clock, so never); only the deadline can end the run.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const urls = [1, 2, 3].map((n) => `${server.base}/slow?ms=600000&n=${n}`)
    const running = probeAll(urls, { ...base, allowPrivate: true, timeoutMs: 600_000, concurrency: 1, deadlineMs: 200 })
    while (server.count('/slow') === 0) await new Promise((resolve) => setImmediate(resolve))
    vi.advanceTimersByTime(200)
    const results = await running
    expect([...results.values()].map((probe) => [probe.outcome, probe.detail])).toEqual([
      ['skipped', 'was not checked before the --online deadline'],
      ['skipped', 'was not checked before the --online deadline'],
      ['skipped', 'was not checked before the --online deadline'],
    ])
    expect(server.count('/slow')).toBe(1)
  })
})
