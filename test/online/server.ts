import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Seen {
  method: string
  path: string
  userAgent: string | undefined
  host?: string
  query?: string
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  base: string
  requests: Seen[]
  /** Requests made for one path (any method). */
  count(path: string): number
  /** The most requests open at the same time. */
  maxInFlight(): number
  close(): Promise<void>
}

/**
 * A local web server with one path per situation the prober meets. Never the internet:
 * it listens on 127.0.0.1 on a port the system picks.
 */
export async function startServer(options: { slowMs?: number } = {}): Promise<TestServer> {
  const requests: Seen[] = []
  const timers = new Set<NodeJS.Timeout>()
  const held: ServerResponse[] = []
  const count = (path: string) => requests.filter((request) => request.path === path).length
  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
    '/ok': (_, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
    '/moved': (_, response) => response.writeHead(301, { location: '/ok' }).end(),
    '/moved-308': (_, response) => response.writeHead(308, { location: '/ok' }).end(),
    '/temporary': (_, response) => response.writeHead(302, { location: '/ok' }).end(),
    '/moved-then-temporary': (_, response) => response.writeHead(301, { location: '/temporary' }).end(),
    '/moved-to-missing': (_, response) => response.writeHead(301, { location: '/missing' }).end(),
    '/missing': (_, response) => response.writeHead(404).end('not here'),
    '/broken': (_, response) => response.writeHead(500).end(),
    // Fails the first time it is asked, then works: proves the retry.
    '/flaky': (_, response) => response.writeHead(count('/flaky') === 1 ? 500 : 200).end(),
    '/busy': (_, response) => response.writeHead(count('/busy') === 1 ? 429 : 200).end(),
    '/no-head': (request, response) => response.writeHead(request.method === 'HEAD' ? 405 : 200).end(),
    '/forbidden-head': (request, response) => response.writeHead(request.method === 'HEAD' ? 403 : 200).end(),
    '/slow': (request, response) => {
      const ms = Number(new URL(request.url ?? '/', 'http://localhost').searchParams.get('ms') ?? options.slowMs ?? 1_000)
      const timer = setTimeout(() => response.writeHead(200).end('late'), ms)
      timers.add(timer)
    },
    // Held until `at` requests are open at once (or all `of` have come), then all answered: the
    // most open at once is then the prober's limit exactly, however slow the machine.
    '/gated': (request, response) => {
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams
      held.push(response)
      if (held.length >= Number(query.get('at')) || count('/gated') >= Number(query.get('of'))) for (const waiting of held.splice(0)) waiting.writeHead(200).end()
    },
    '/loop': (_, response) => response.writeHead(301, { location: '/loop' }).end(),
    '/to-file': (_, response) => response.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    // Redirects to a cloud's metadata service, by a name (resolved by the test's own resolver) and by an IPv4-mapped IPv6 address.
    '/to-metadata': (_, response) => response.writeHead(302, { location: 'http://metadata.example/latest/meta-data/' }).end(),
    '/to-mapped': (_, response) => response.writeHead(302, { location: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' }).end(),
  }
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((request, response) => {
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    response.on('close', () => inFlight--)
    const { pathname: path, search } = new URL(request.url ?? '/', 'http://localhost')
    requests.push({ method: request.method ?? '', path, ...(search ? { query: search.slice(1) } : {}), userAgent: request.headers['user-agent'], ...(request.headers.host?.startsWith('127.0.0.1:') ? {} : { host: request.headers.host }) })
    const route = routes[path]
    if (route) route(request, response)
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    count,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
