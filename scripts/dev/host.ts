import { isIP } from 'node:net'

/**
 * DNS rebinding: a page on evil.example can point its own name at 127.0.0.1 and then read the
 * preview as if it were its own site. The browser still sends `Host: evil.example`, so the
 * preview answers only to its own names: localhost, 127.0.0.1, [::1] and the --host value, on its
 * port. When it listens on every address (--host 0.0.0.0 or ::) any IP address is accepted too:
 * a page can only rebind a name, never an address.
 */
export function hostAllowed(header: string | undefined, listenHost: string, port: number): boolean {
  // A host and port, nothing else.
  if (!header || !/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(header)) return false
  let url: URL
  try {
    url = new URL(`http://${header}`)
  } catch {
    return false
  }
  if ((url.port || '80') !== String(port)) return false
  const name = url.hostname
  const own = new Set(['localhost', '127.0.0.1', '[::1]', ownName(listenHost)])
  if (own.has(name)) return true
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '[::]'
  return wildcard && isIP(name.replace(/^\[|\]$/g, '')) !== 0
}

/** The --host value as it appears in a Host header (IPv6 in brackets, lower case). */
function ownName(listenHost: string): string {
  try {
    return new URL(`http://${isIP(listenHost) === 6 ? `[${listenHost}]` : listenHost}`).hostname
  } catch {
    return listenHost.toLowerCase()
  }
}
