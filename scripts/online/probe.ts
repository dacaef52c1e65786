/**
 * Asks web servers whether the framework's external addresses still work (`check --online`).
 * Only http: and https: addresses are ever requested. HEAD first, GET when HEAD is refused,
 * redirects followed by hand so every hop is checked, bodies never read.
 */
import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import pLimit from 'p-limit'
import { toolVersion } from '../shared/paths.ts'
import { privateAddressKind } from './addresses.ts'

export type ProbeOutcome =
  /** The address, after any redirects, answered below 400. */
  | 'ok'
  /** The server answered 400 or above (after retries for 5xx and 429). */
  | 'http-error'
  /** No answer within the time limit (after retries). */
  | 'timeout'
  /** The name did not resolve or the connection failed (after retries, except for unknown names). */
  | 'network-error'
  /** More redirects than the limit, or a redirect loop. */
  | 'too-many-redirects'
  /** Not an address Thresholds fetches (not http/https, malformed, carries a password), or redirects to one. */
  | 'not-fetchable'
  /**
   * Not requested: the address (or one it redirects to) is on this machine, a private or a
   * link-local network (without --online-allow-private), or the --online deadline passed first.
   */
  | 'skipped'

/** What one address gave. Plain JSON: it is stored as it is in the link cache. */
export interface LinkProbe {
  /** The address requested, without its #fragment. */
  url: string
  outcome: ProbeOutcome
  /** The last HTTP status received, when a server answered. */
  status?: number
  /** Where the redirects led, when the address redirects. */
  finalUrl?: string
  /** True when a redirect on the way was permanent (301 or 308). */
  permanent?: boolean
  /** For failures without a status: the error code or a short explanation. */
  detail?: string
  /** How many times the address was tried (1 when there was no retry). */
  attempts: number
  /** When the result was obtained, ISO 8601. */
  checkedAt: string
  /** The address reached a private, loopback or link-local host (allowed by --online-allow-private). */
  privateAddress?: boolean
}

/** Resolves a host name to its addresses (the system's resolver by default; tests give their own). */
export type Resolver = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>

export interface ProbeOptions {
  /** Per request, in milliseconds (default 10 000). */
  timeoutMs?: number
  /** Extra attempts after a 5xx, 429, timeout or connection failure (default 2). */
  retries?: number
  /** First wait before a retry, doubled each time, in milliseconds (default 500). */
  backoffMs?: number
  /** Redirects followed before giving up (default 10). */
  maxRedirects?: number
  /** Addresses probed at the same time (default 8). */
  concurrency?: number
  userAgent?: string
  now?: () => number
  /** Request loopback, private and link-local addresses too (--online-allow-private). */
  allowPrivate?: boolean
  /** Host name resolution, checked before connecting (default: the system's). */
  resolve?: Resolver
  /** Which addresses count as private (default privateAddressKind); tests may treat their local server as public. */
  privateKind?: (address: string) => string | undefined
  /** Stops everything still running or waiting (the --online deadline): those addresses are 'skipped'. */
  signal?: AbortSignal
  /** Waits before a retry (default: a timer the signal cuts short); tests record the waits instead. */
  wait?: (ms: number) => Promise<void>
}

const WEB = new Set(['http:', 'https:'])
/** HEAD is refused this way by servers that only answer GET. */
const HEAD_REFUSED = new Set([403, 405, 501])
const REDIRECT = new Set([301, 302, 303, 307, 308])
const PERMANENT = new Set([301, 308])

export const DEFAULT_TIMEOUT_MS = 10_000

function defaultUserAgent(): string {
  return `thresholds/${toolVersion()} (link check; +https://github.com/thresholds/thresholds)`
}

/**
 * The address to request for a link as written, or why it is not requested.
 * Fragments are dropped (servers never see them), so `page#a` and `page#b` are one request.
 */
export function fetchableUrl(written: string): { url: string } | { reason: string } {
  let parsed: URL
  try {
    parsed = new URL(written.trim())
  } catch {
    return { reason: 'is not a valid web address' }
  }
  if (!WEB.has(parsed.protocol)) return { reason: `uses “${parsed.protocol}”, which Thresholds never fetches` }
  if (parsed.username || parsed.password) return { reason: 'contains a user name or password, which Thresholds never sends' }
  parsed.hash = ''
  return { url: parsed.href }
}

interface Attempt {
  outcome: ProbeOutcome
  status?: number
  finalUrl?: string
  permanent?: boolean
  detail?: string
  privateAddress?: boolean
}

/** Refusal to connect to a private address; becomes the 'skipped' outcome. */
class PrivateAddressError extends Error {
  constructor(readonly host: string, readonly address: string, readonly kind: string) {
    super(`${host} is ${address}, ${kind}`)
  }
}

/** The deadline passed; becomes the 'skipped' outcome. */
class DeadlineError extends Error {}

/** Worth asking again: the server or the network may do better in a moment. */
export function isTransient(result: Pick<LinkProbe, 'outcome' | 'status' | 'detail'>): boolean {
  // A skipped address was not asked at all: the next run decides again.
  if (result.outcome === 'timeout' || result.outcome === 'skipped') return true
  if (result.outcome === 'network-error') return result.detail !== 'ENOTFOUND'
  if (result.outcome === 'http-error') return result.status === undefined || result.status >= 500 || result.status === 429 || result.status === 408
  return false
}

function failureOf(error: unknown): Attempt {
  if (error instanceof PrivateAddressError)
    return { outcome: 'skipped', detail: `resolves to ${error.address}, ${error.kind}, which is requested only with --online-allow-private` }
  if (error instanceof DeadlineError) return { outcome: 'skipped', detail: 'was not checked before the --online deadline' }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { outcome: 'timeout' }
  const errno = error as NodeJS.ErrnoException
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  const code = typeof errno.code === 'string' ? errno.code : typeof cause?.code === 'string' ? cause.code : undefined
  const detail = code ?? (typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error))
  return { outcome: 'network-error', detail }
}

type RequestSettings = Required<Pick<ProbeOptions, 'timeoutMs' | 'userAgent'>> & Pick<ProbeOptions, 'allowPrivate' | 'resolve' | 'privateKind' | 'signal'>

/**
 * The addresses a host name resolves to, every one checked before any is connected to, so a
 * name cannot pass the check with one address and connect to another (DNS rebinding).
 */
function checkedLookup(settings: RequestSettings, reached: { privateAddress: boolean }): LookupFunction {
  const resolve = settings.resolve ?? ((hostname: string) => dnsLookup(hostname, { all: true }))
  const kindOf = settings.privateKind ?? privateAddressKind
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        if (found.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4)
        for (const { address } of found) {
          const kind = kindOf(address)
          if (!kind) continue
          if (!settings.allowPrivate) return callback(new PrivateAddressError(hostname, address, kind), '', 4)
          reached.privateAddress = true
        }
        const wanted = options.family === 4 || options.family === 6 ? found.filter((entry) => entry.family === options.family) : found
        const list = wanted.length ? wanted : found
        if (options.all) (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, list.map((entry) => ({ ...entry })))
        else callback(null, (list[0] as { address: string }).address, (list[0] as { family: number }).family)
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    )
  }
}

/** One request, status line and headers only: the body is never read. */
function request(url: string, method: 'HEAD' | 'GET', settings: RequestSettings, reached: { privateAddress: boolean }): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const host = target.hostname.replace(/^\[|\]$/g, '')
    // A literal address is connected to as it is, without a lookup: check it here.
    if (isIP(host)) {
      const kind = (settings.privateKind ?? privateAddressKind)(host)
      if (kind && !settings.allowPrivate) return reject(new PrivateAddressError(target.hostname, host, kind))
      if (kind) reached.privateAddress = true
    }
    if (settings.signal?.aborted) return reject(new DeadlineError())
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const outgoing = send(target, {
      method,
      headers: { 'user-agent': settings.userAgent, accept: '*/*' },
      lookup: checkedLookup(settings, reached),
      signal: settings.signal,
    })
    const timer = setTimeout(() => outgoing.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), settings.timeoutMs)
    outgoing.on('response', (response: IncomingMessage) => {
      clearTimeout(timer)
      const location = response.headers.location
      // Only the status line and headers matter: never download the page.
      response.destroy()
      outgoing.destroy()
      resolve({ status: response.statusCode ?? 0, location })
    })
    outgoing.on('error', (error) => {
      clearTimeout(timer)
      reject(settings.signal?.aborted ? new DeadlineError() : error)
    })
    outgoing.end()
  })
}

async function attemptOnce(url: string, options: RequestSettings & { maxRedirects: number }): Promise<Attempt> {
  let current = url
  let permanent = false
  const seen = new Set([url])
  // Set when any hop reached a private address (only possible with allowPrivate).
  const reached = { privateAddress: false }
  const marked = (attempt: Attempt): Attempt => (reached.privateAddress ? { ...attempt, privateAddress: true } : attempt)
  for (let hops = 0; ; hops++) {
    let response: { status: number; location: string | undefined }
    try {
      response = await request(current, 'HEAD', options, reached)
      if (HEAD_REFUSED.has(response.status)) response = await request(current, 'GET', options, reached)
    } catch (error) {
      return marked({ ...failureOf(error), ...(hops ? { finalUrl: current, permanent } : {}) })
    }
    const location = response.location
    if (REDIRECT.has(response.status) && location) {
      let next: URL
      try {
        next = new URL(location, current)
      } catch {
        return { outcome: 'not-fetchable', status: response.status, detail: `redirects to “${location}”, which is not a valid web address` }
      }
      if (!WEB.has(next.protocol)) return { outcome: 'not-fetchable', status: response.status, detail: `redirects to a “${next.protocol}” address, which Thresholds never fetches` }
      next.hash = ''
      if (PERMANENT.has(response.status)) permanent = true
      if (hops >= options.maxRedirects || seen.has(next.href)) return { outcome: 'too-many-redirects', status: response.status, finalUrl: next.href, permanent }
      seen.add(next.href)
      current = next.href
      continue
    }
    return marked({
      outcome: response.status < 400 ? 'ok' : 'http-error',
      status: response.status,
      ...(hops ? { finalUrl: current, permanent } : {}),
    })
  }
}

/** Waits before a retry; the deadline cuts the wait short. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done)
  })
}

/** Probes one address, retrying transient failures with exponential backoff. */
export async function probeUrl(written: string, options: ProbeOptions = {}): Promise<LinkProbe> {
  const settings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 500,
    maxRedirects: options.maxRedirects ?? 10,
    userAgent: options.userAgent ?? defaultUserAgent(),
    allowPrivate: options.allowPrivate,
    resolve: options.resolve,
    privateKind: options.privateKind,
    signal: options.signal,
  }
  const now = options.now ?? Date.now
  const target = fetchableUrl(written)
  if ('reason' in target) return { url: written, outcome: 'not-fetchable', detail: target.reason, attempts: 0, checkedAt: new Date(now()).toISOString() }
  for (let attempt = 1; ; attempt++) {
    const result = settings.signal?.aborted ? failureOf(new DeadlineError()) : await attemptOnce(target.url, settings)
    if (attempt > settings.retries || !isTransient(result) || result.outcome === 'skipped') return { url: target.url, ...result, attempts: attempt, checkedAt: new Date(now()).toISOString() }
    const ms = settings.backoffMs * 2 ** (attempt - 1)
    await (options.wait ? options.wait(ms) : sleep(ms, settings.signal))
  }
}

/** The --online deadline by default: all addresses of a run, retries included, in 2 minutes. */
export const DEFAULT_DEADLINE_MS = 120_000

/**
 * Probes distinct addresses, a few at a time, within one deadline for them all (`deadlineMs`,
 * default 2 minutes): requests still open then are stopped, and those and the addresses not yet
 * requested are 'skipped'. Keys of the result are the addresses given.
 */
export async function probeAll(urls: Iterable<string>, options: ProbeOptions & { deadlineMs?: number } = {}): Promise<Map<string, LinkProbe>> {
  const distinct = [...new Set(urls)]
  const limit = pLimit(options.concurrency ?? 8)
  const userAgent = options.userAgent ?? defaultUserAgent()
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), options.deadlineMs ?? DEFAULT_DEADLINE_MS)
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal
  try {
    const results = await limit.map(distinct, (url) => probeUrl(url, { ...options, userAgent, signal }))
    return new Map(distinct.map((url, index) => [url, results[index] as LinkProbe]))
  } finally {
    clearTimeout(timer)
  }
}
