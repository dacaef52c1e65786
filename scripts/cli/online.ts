/**
 * The `--online` options of check and build: checks every external address before the rules
 * run and hands the results to them (see scripts/online/).
 */
import path from 'node:path'
import type { CheckOptions } from '../check/runner.ts'
import { isWithin } from '../shared/within.ts'
import { realPathOf } from '../shared/real-path.ts'
import type { ParseContext } from '../parse/context.ts'
import { UsageError } from '../shared/usage-error.ts'
import type { Io } from './io.ts'

export const onlineOptions = {
  online: { type: 'boolean' },
  'online-cache': { type: 'string' },
  'online-max-age': { type: 'string' },
  'online-timeout': { type: 'string' },
  'online-deadline': { type: 'string' },
  'online-allow-private': { type: 'boolean' },
} as const

export interface OnlineValues {
  online?: boolean
  /** --quiet: no summary line. */
  quiet?: boolean
  'online-cache'?: string
  'online-max-age'?: string
  'online-timeout'?: string
  'online-deadline'?: string
  'online-allow-private'?: boolean
}

function number(option: string, value: string | undefined, fallback: number, unit: string, allowZero: boolean): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0 || (!allowZero && parsed === 0))
    throw new UsageError(`--${option} expects a number of ${unit}${allowZero ? ' (0 or more)' : ' above 0'}, got “${value}”`)
  return parsed
}

/** Online settings without --online are a usage error, whichever way the check then goes. */
export function refuseOnlineSettingsAlone(values: OnlineValues): void {
  const given = (['online-cache', 'online-max-age', 'online-timeout', 'online-deadline', 'online-allow-private'] as const).filter((option) => values[option] !== undefined)
  if (!values.online && given.length) throw new UsageError(`--${given[0]} only applies with --online`)
}

/** The link cache is rewritten on every run: it must never be a file of the user's (see notALinkCache). */
function refuseCacheFile(given: string | undefined, cacheFile: string, contexts: readonly ParseContext[], io: Io, { DEFAULT_CACHE_FILE, notALinkCache }: typeof import('../online/cache.ts')): void {
  const shown = `“${given ?? DEFAULT_CACHE_FILE}”`
  if (given !== undefined && given.trim() === '') throw new UsageError('--online-cache is empty, expected a file such as links-cache.json')
  const real = realPathOf(cacheFile)
  const sources = [path.join(io.cwd, 'sources'), ...contexts.map((context) => context.folder.dir)].map(realPathOf)
  if (sources.some((folder) => isWithin(real, folder))) throw new UsageError(`Cannot use ${shown} as the link cache (--online-cache): it is inside the sources; nothing was changed`)
  const problem = notALinkCache(cacheFile)
  if (problem) throw new UsageError(`Cannot use ${shown} as the link cache (--online-cache): ${problem}; nothing was changed`)
}

/** Without --online: nothing (the online rules stay silent). With it: every address probed. */
export async function onlineCheckOptions(contexts: readonly ParseContext[], values: OnlineValues, io: Io): Promise<Pick<CheckOptions, 'linkStatus'>> {
  refuseOnlineSettingsAlone(values)
  if (!values.online) return {}
  // Loaded only with --online: Node's HTTP, TLS and DNS modules are no part of an offline check's start.
  const [cache, { checkLinksOnline }, { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS }] = await Promise.all([import('../online/cache.ts'), import('../online/index.ts'), import('../online/probe.ts')])
  const { DEFAULT_CACHE_FILE, DEFAULT_MAX_AGE_HOURS } = cache
  const maxAgeHours = number('online-max-age', values['online-max-age'], DEFAULT_MAX_AGE_HOURS, 'hours', true)
  const timeoutMs = number('online-timeout', values['online-timeout'], DEFAULT_TIMEOUT_MS / 1000, 'seconds', false) * 1000
  const deadlineMs = number('online-deadline', values['online-deadline'], DEFAULT_DEADLINE_MS / 1000, 'seconds', false) * 1000
  const allowPrivate = Boolean(values['online-allow-private'])
  const cacheFile = path.resolve(io.cwd, values['online-cache'] ?? DEFAULT_CACHE_FILE)
  refuseCacheFile(values['online-cache'], cacheFile, contexts, io, cache)
  const result = await checkLinksOnline(contexts, { cacheFile, maxAgeHours, timeoutMs, deadlineMs, allowPrivate, warn: (text) => io.stderr(`${text}\n`) })
  // Never passed in silence: each address not requested, where it is written and why.
  for (const { url, detail } of result.skipped) io.stderr(`${placeOf(contexts, url, io)}warning The address “${url}” was not checked online: it ${detail}.\n`)
  const total = result.fetched + result.cached
  if (!values.quiet)
    io.stderr(
      `Checked ${total} web address${total === 1 ? '' : 'es'} online: ${result.fetched} requested, ${result.cached} from the cache (${path.relative(io.cwd, cacheFile) || cacheFile})${result.skipped.length ? `; ${result.skipped.length} not checked (above)` : ''}.\n`,
    )
  return { linkStatus: result.linkStatus }
}

/** Where an address is first written, as `file:line:column ` (empty when it cannot be found). */
function placeOf(contexts: readonly ParseContext[], url: string, io: Io): string {
  for (const parsed of contexts)
    for (const use of parsed.linkUses)
      if (use.url === url) return `${path.relative(io.cwd, path.resolve(io.cwd, use.file.path)).split(path.sep).join('/')}:${use.position.start.line}:${use.position.start.column} `
  return ''
}
