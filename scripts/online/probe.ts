/**
 * Asks web servers whether the framework's external addresses still work (`check --online`).
 * Only http: and https: addresses are ever requested. HEAD first, GET when HEAD is refused,
 * redirects followed by hand so every hop is checked, bodies never read.
 */
import pLimit from 'p-limit'
import { toolVersion } from '../shared/paths.ts'

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
}

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
}

/** Worth asking again: the server or the network may do better in a moment. */
export function isTransient(result: Pick<LinkProbe, 'outcome' | 'status' | 'detail'>): boolean {
  if (result.outcome === 'timeout') return true
  if (result.outcome === 'network-error') return result.detail !== 'ENOTFOUND'
  if (result.outcome === 'http-error') return result.status === undefined || result.status >= 500 || result.status === 429 || result.status === 408
  return false
}

function failureOf(error: unknown): Attempt {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { outcome: 'timeout' }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  const detail = code ?? (typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error))
  return { outcome: 'network-error', detail }
}

async function request(url: string, method: 'HEAD' | 'GET', options: Required<Pick<ProbeOptions, 'timeoutMs' | 'userAgent'>>): Promise<Response> {
  const response = await fetch(url, {
    method,
    redirect: 'manual',
    headers: { 'user-agent': options.userAgent, accept: '*/*' },
    signal: AbortSignal.timeout(options.timeoutMs),
  })
  // Only the status line and headers matter: never download the page.
  await response.body?.cancel().catch(() => undefined)
  return response
}

async function attemptOnce(url: string, options: Required<Omit<ProbeOptions, 'now' | 'concurrency'>>): Promise<Attempt> {
  let current = url
  let permanent = false
  const seen = new Set([url])
  for (let hops = 0; ; hops++) {
    let response: Response
    try {
      response = await request(current, 'HEAD', options)
      if (HEAD_REFUSED.has(response.status)) response = await request(current, 'GET', options)
    } catch (error) {
      return { ...failureOf(error), ...(hops ? { finalUrl: current, permanent } : {}) }
    }
    const location = response.headers.get('location')
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
    return {
      outcome: response.status < 400 ? 'ok' : 'http-error',
      status: response.status,
      ...(hops ? { finalUrl: current, permanent } : {}),
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Probes one address, retrying transient failures with exponential backoff. */
export async function probeUrl(written: string, options: ProbeOptions = {}): Promise<LinkProbe> {
  const settings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 500,
    maxRedirects: options.maxRedirects ?? 10,
    userAgent: options.userAgent ?? defaultUserAgent(),
  }
  const now = options.now ?? Date.now
  const target = fetchableUrl(written)
  if ('reason' in target) return { url: written, outcome: 'not-fetchable', detail: target.reason, attempts: 0, checkedAt: new Date(now()).toISOString() }
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(target.url, settings)
    if (attempt > settings.retries || !isTransient(result)) return { url: target.url, ...result, attempts: attempt, checkedAt: new Date(now()).toISOString() }
    await sleep(settings.backoffMs * 2 ** (attempt - 1))
  }
}

/** Probes distinct addresses, a few at a time. Keys of the result are the addresses given. */
export async function probeAll(urls: Iterable<string>, options: ProbeOptions = {}): Promise<Map<string, LinkProbe>> {
  const distinct = [...new Set(urls)]
  const limit = pLimit(options.concurrency ?? 8)
  const userAgent = options.userAgent ?? defaultUserAgent()
  const results = await limit.map(distinct, (url) => probeUrl(url, { ...options, userAgent }))
  return new Map(distinct.map((url, index) => [url, results[index] as LinkProbe]))
}
