import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { hostAllowed } from './host.ts'

/** Where the page listens for news of a rebuild. */
export const EVENTS_PATH = '/__thresholds/events'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

/**
 * Added to every page the dev server sends (never to generated/site): reloads the page when the
 * site is rebuilt, and shows a banner while the sources have errors, since the preview then
 * keeps the last version without errors.
 */
export const RELOAD_SCRIPT = `<script>
(function () {
  var banner
  function show(text) {
    if (!banner) {
      banner = document.createElement('div')
      banner.setAttribute('role', 'alert')
      banner.style.cssText = 'position:sticky;top:0;z-index:100;background:#942514;color:#fff;padding:0.75rem 1rem;font-weight:700'
      document.body.insertBefore(banner, document.body.firstChild)
    }
    banner.textContent = text
  }
  var events = new EventSource('${EVENTS_PATH}')
  events.addEventListener('reload', function () { location.reload() })
  events.addEventListener('problems', function (event) {
    var data = JSON.parse(event.data)
    if (data.errors > 0) show(data.message)
    else if (banner) { banner.remove(); banner = undefined }
  })
})()
</script>`

export interface DevServer {
  url: string
  port: number
  /** Sends an event to every open page. */
  send(event: 'reload' | 'problems', data: unknown): void
  /** Number of pages listening. */
  listeners(): number
  close(): Promise<void>
}

export interface ServeOptions {
  host: string
  port: number
  /** The site's files, by path from its root, as they are now. */
  files(): ReadonlyMap<string, string>
  /** The event a page receives as soon as it connects (the current problems). */
  greeting(): { event: 'problems'; data: unknown } | undefined
  /** Add the reload script to pages (default true; false serves the site exactly as written). */
  reload?: boolean
}

/** Serves the site from memory over node:http; nothing outside the site's files can be asked for. */
export function serveSite(options: ServeOptions): Promise<DevServer> {
  const clients = new Set<ServerResponse>()
  const server = createServer((request, response) => handle(request, response))

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (!hostAllowed(request.headers.host, options.host, (server.address() as AddressInfo).port)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('This preview answers only to its own address, such as http://127.0.0.1 or http://localhost with its port.\n')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Only GET and HEAD are supported.\n')
      return
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad address.\n')
      return
    }
    if (pathname === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write('retry: 1000\n\n')
      const hello = options.greeting()
      if (hello) response.write(frame(hello.event, hello.data))
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    const files = options.files()
    let key = path.posix.normalize(pathname).replace(/^\/+/, '')
    if (key === '' || key.endsWith('/')) key += 'index.html'
    let body = files.get(key)
    if (body === undefined && files.has(`${key}/index.html`)) {
      response.writeHead(301, { location: `/${key}/` }).end()
      return
    }
    if (body === undefined) {
      const notFound = files.get('index.html') ? '<p><a href="/index.html">Go to the home page</a></p>' : ''
      response.writeHead(404, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store' })
      response.end(request.method === 'HEAD' ? undefined : `<!doctype html><html lang="en-GB"><title>Not found</title><h1>Not found</h1><p>No page at ${escapeHtml(pathname)}.</p>${notFound}${RELOAD_SCRIPT}</html>`)
      return
    }
    const extension = path.posix.extname(key)
    if (extension === '.html' && options.reload !== false) body = body.replace(/<\/body>/, `${RELOAD_SCRIPT}</body>`)
    response.writeHead(200, { 'content-type': TYPES[extension] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      const { port } = server.address() as AddressInfo
      const host = options.host.includes(':') ? `[${options.host}]` : options.host
      resolve({
        url: `http://${host}:${port}/`,
        port,
        send(event, data) {
          const text = frame(event, data)
          for (const client of clients) client.write(text)
        },
        listeners: () => clients.size,
        close() {
          for (const client of clients) client.end()
          clients.clear()
          return new Promise((done) => {
            server.close(() => done())
            server.closeAllConnections()
          })
        },
      })
    })
  })
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
