import { UsageError } from '../shared/usage-error.ts'

/**
 * The parse budget of one run: how long the Markdown parser may take over all the files read
 * together, and how much memory it may hold. The parser's time grows with the square of some
 * inputs (64 kB of lines underlined with “-” take over a minute), so a limit per file still let a
 * few such files keep a run busy for minutes; a budget for the run bounds the whole.
 *
 * Time: THRESHOLDS_PARSE_SECONDS, or by default 30 s plus 30 s per MB of Markdown read. The shipped
 * frameworks parse at over 1 MB a second on an idle machine; the wide margin is for busy CI runners,
 * where 10 s for the shipped frameworks was used up at a load of 25 on two cores, failing sound content. Memory: THRESHOLDS_PARSE_MEMORY_MB (default 1024),
 * shared by the parse workers.
 */
export const BASE_PARSE_SECONDS = 30
export const PARSE_SECONDS_PER_MB = 30
export const DEFAULT_PARSE_MEMORY_MB = 1024
export const PARSE_SECONDS_VARIABLE = 'THRESHOLDS_PARSE_SECONDS'
export const PARSE_MEMORY_VARIABLE = 'THRESHOLDS_PARSE_MEMORY_MB'

export interface ParseLimits {
  /** For all the files of the run together. */
  seconds: number
  /** For the parse workers together. */
  memoryMb: number
}

/** The file was being parsed when the run's budget ran out (or its worker ran out of memory); it was stopped. */
export class ParseLimitError extends Error {}

/** The file was not parsed at all: files before it used up the run's budget. */
export class ParseBudgetUsedError extends Error {}

function setting(env: Readonly<Record<string, string | undefined>>, name: string, unit: string, minimum: number): number | undefined {
  const text = env[name]
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(value) || value < minimum)
    throw new UsageError(`${name} expects a number of ${unit} (at least ${minimum}), got “${text}”`)
  return value
}

/**
 * The limits for a run reading `totalBytes` of Markdown, with the settings of `env` (the command's
 * environment; none set by default); a malformed setting is a usage error.
 */
export function parseLimits(totalBytes: number, env: Readonly<Record<string, string | undefined>> = {}): ParseLimits {
  const seconds = setting(env, PARSE_SECONDS_VARIABLE, 'seconds', 0) ?? Math.round((BASE_PARSE_SECONDS + (PARSE_SECONDS_PER_MB * totalBytes) / 1_000_000) * 10) / 10
  const memoryMb = setting(env, PARSE_MEMORY_VARIABLE, 'megabytes', 16) ?? DEFAULT_PARSE_MEMORY_MB
  return { seconds, memoryMb }
}

/** Time left for parsing in this run; spent by the parsers as they wait for each file. */
export class ParseBudget {
  private spentMs = 0

  constructor(readonly limits: ParseLimits) {}

  static forBytes(totalBytes: number, env: Readonly<Record<string, string | undefined>> = {}): ParseBudget {
    return new ParseBudget(parseLimits(totalBytes, env))
  }

  remainingMs(): number {
    return Math.max(0, this.limits.seconds * 1000 - this.spentMs)
  }

  spend(ms: number): void {
    this.spentMs += ms
  }

  /** A file stopped at the limit uses up what was left. */
  useUp(): void {
    this.spentMs = Math.max(this.spentMs, this.limits.seconds * 1000)
  }

  isUsedUp(): boolean {
    return this.remainingMs() <= 0
  }

  /** For a file stopped while being parsed. */
  limitError(): ParseLimitError {
    return new ParseLimitError(`parsing may take ${this.limits.seconds} s for all files of the run and ${this.limits.memoryMb} MB`)
  }

  /** For a file not parsed because the budget was already used up. */
  usedError(): ParseBudgetUsedError {
    return new ParseBudgetUsedError(`${this.limits.seconds} s`)
  }
}
