import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fetchableUrl, probeAll, probeUrl, type ProbeOptions } from '../../scripts/online/probe.ts'
import { startServer, type TestServer } from './server.ts'
import { LOCAL_REQUEST_MS } from '../limits.ts'

// Short pauses so retries take milliseconds. The time limit stays generous (the local server
// answers at once) so that a busy machine does not turn a working page into a time-out; the
// time-out tests set their own short limit, against a page that would answer only after ten
// minutes. The test server is on 127.0.0.1, a private address: allowed here, as the tests of
// skipping private addresses say.
const fast: ProbeOptions = { timeoutMs: LOCAL_REQUEST_MS, backoffMs: 5, retries: 2, allowPrivate: true }

let server: TestServer
beforeEach(async () => {
  server = await startServer({ slowMs: 1_000 })
})
afterEach(async () => {
  await server.close()
})

describe('probeUrl', () => {
  it('reports a working page with one HEAD request and a User-Agent naming thresholds', async () => {
    const probe = await probeUrl(`${server.base}/ok`, fast)
    expect(probe).toMatchObject({ url: `${server.base}/ok`, outcome: 'ok', status: 200, attempts: 1 })
    expect(probe.finalUrl).toBeUndefined()
    expect(server.requests).toEqual([{ method: 'HEAD', path: '/ok', userAgent: expect.stringMatching(/^thresholds\/\d+\.\d+\.\d+ /) }])
    expect(Number.isNaN(Date.parse(probe.checkedAt))).toBe(false)
  })

  it('follows a permanent redirect and records where it led', async () => {
    expect(await probeUrl(`${server.base}/moved`, fast)).toMatchObject({ outcome: 'ok', status: 200, finalUrl: `${server.base}/ok`, permanent: true })
    expect(await probeUrl(`${server.base}/moved-308`, fast)).toMatchObject({ outcome: 'ok', finalUrl: `${server.base}/ok`, permanent: true })
    expect(server.requests.map((request) => request.path)).toEqual(['/moved', '/ok', '/moved-308', '/ok'])
  })

  it('marks a chain as permanent when any hop is, and a temporary redirect as not', async () => {
    expect(await probeUrl(`${server.base}/temporary`, fast)).toMatchObject({ outcome: 'ok', finalUrl: `${server.base}/ok`, permanent: false })
    expect(await probeUrl(`${server.base}/moved-then-temporary`, fast)).toMatchObject({ outcome: 'ok', finalUrl: `${server.base}/ok`, permanent: true })
  })

  it('reports 404 without retrying, and a redirect to a missing page with where it led', async () => {
    expect(await probeUrl(`${server.base}/missing`, fast)).toMatchObject({ outcome: 'http-error', status: 404, attempts: 1 })
    expect(server.count('/missing')).toBe(1)
    expect(await probeUrl(`${server.base}/moved-to-missing`, fast)).toMatchObject({ outcome: 'http-error', status: 404, finalUrl: `${server.base}/missing` })
  })

  it('retries a 500 twice, then reports it', async () => {
    const probe = await probeUrl(`${server.base}/broken`, fast)
    expect(probe).toMatchObject({ outcome: 'http-error', status: 500, attempts: 3 })
    expect(server.count('/broken')).toBe(3)
  })

  it('succeeds when a 500 or a 429 is followed by a 200 on the retry', async () => {
    expect(await probeUrl(`${server.base}/flaky`, fast)).toMatchObject({ outcome: 'ok', status: 200, attempts: 2 })
    expect(server.count('/flaky')).toBe(2)
    expect(await probeUrl(`${server.base}/busy`, fast)).toMatchObject({ outcome: 'ok', status: 200, attempts: 2 })
  })

  it('waits longer before each retry (exponential backoff)', async () => {
    const waits: number[] = []
    await probeUrl(`${server.base}/broken`, { ...fast, backoffMs: 60, wait: async (ms) => void waits.push(ms) })
    expect(waits).toEqual([60, 120])
  })

  it('asks again with GET when HEAD is refused (405, 403)', async () => {
    expect(await probeUrl(`${server.base}/no-head`, fast)).toMatchObject({ outcome: 'ok', status: 200, attempts: 1 })
    expect(server.requests.map((request) => request.method)).toEqual(['HEAD', 'GET'])
    expect(await probeUrl(`${server.base}/forbidden-head`, fast)).toMatchObject({ outcome: 'ok', status: 200 })
  })

  it('gives up on a slow page after the timeout, on every try', async () => {
    // The page answers after ten minutes, so only the time limit can end the wait.
    const probe = await probeUrl(`${server.base}/slow?ms=600000`, { ...fast, timeoutMs: 100, retries: 1 })
    expect(probe).toMatchObject({ outcome: 'timeout', attempts: 2 })
    expect(probe.status).toBeUndefined()
    expect(server.count('/slow')).toBe(2)
  })

  it('reports a refused connection as a network error, retried', async () => {
    const closed = server.base
    await server.close()
    server = await startServer()
    const probe = await probeUrl(`${closed}/ok`, { ...fast, retries: 1 })
    expect(probe).toMatchObject({ outcome: 'network-error', detail: 'ECONNREFUSED', attempts: 2 })
  })

  it('stops at a redirect loop and at a redirect to a file: address, which it never follows', async () => {
    expect(await probeUrl(`${server.base}/loop`, fast)).toMatchObject({ outcome: 'too-many-redirects', attempts: 1 })
    expect(server.count('/loop')).toBe(1)
    expect(await probeUrl(`${server.base}/to-file`, fast)).toMatchObject({ outcome: 'not-fetchable', status: 302, detail: expect.stringContaining('“file:”') })
  })

  it('stops after the redirect limit', async () => {
    const probe = await probeUrl(`${server.base}/moved`, { ...fast, maxRedirects: 0 })
    expect(probe).toMatchObject({ outcome: 'too-many-redirects', finalUrl: `${server.base}/ok` })
    expect(server.count('/ok')).toBe(0)
  })

  it('requests the address without its #fragment', async () => {
    expect(await probeUrl(`${server.base}/ok#section`, fast)).toMatchObject({ outcome: 'ok', url: `${server.base}/ok` })
  })
})

describe('only web addresses are fetched', () => {
  it.each([
    ['file:///etc/passwd', '“file:”'],
    ['data:text/plain,hello', '“data:”'],
    ['javascript:alert(1)', '“javascript:”'],
    ['mailto:someone@example.org', '“mailto:”'],
    ['https://', 'not a valid web address'],
    ['https://user:secret@example.org/', 'user name or password'],
  ])('%s is refused without a request', async (url, reason) => {
    expect(fetchableUrl(url)).toEqual({ reason: expect.stringContaining(reason) })
    expect(await probeUrl(url, fast)).toMatchObject({ outcome: 'not-fetchable', attempts: 0 })
    expect(server.requests).toEqual([])
  })
})

describe('probeAll', () => {
  it('probes each distinct address once, keyed as given', async () => {
    const urls = ['/ok', '/missing', '/ok', '/moved'].map((p) => `${server.base}${p}`)
    const results = await probeAll(urls, fast)
    expect([...results.keys()]).toEqual([`${server.base}/ok`, `${server.base}/missing`, `${server.base}/moved`])
    expect(results.get(`${server.base}/missing`)).toMatchObject({ outcome: 'http-error', status: 404 })
    expect(server.count('/ok')).toBe(2) // once itself, once at the end of /moved
  })

  it('has at most `concurrency` requests open at once (default 8)', async () => {
    // The server answers only once as many requests are open as the limit allows (or all came).
    await probeAll(Array.from({ length: 12 }, (_, n) => `${server.base}/gated?at=3&of=12&n=${n}`), { ...fast, concurrency: 3 })
    expect(server.count('/gated')).toBe(12)
    expect(server.maxInFlight()).toBe(3)
    await probeAll(Array.from({ length: 12 }, (_, n) => `${server.base}/gated?at=8&of=24&n=${n}`), fast)
    expect(server.count('/gated')).toBe(24)
    expect(server.maxInFlight()).toBe(8)
  })
})
