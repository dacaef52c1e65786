import { describe, expect, it } from 'vitest'
import { BoundedParser } from '../../scripts/parse/bounded.ts'
import { ParseBudget, ParseBudgetUsedError, ParseLimitError, parseLimits } from '../../scripts/parse/budget.ts'
import { parseMarkdown } from '../../scripts/parse/markdown.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'
import { UsageError } from '../../scripts/shared/usage-error.ts'

describe('the parse budget of a run', () => {
  it('is 30 s plus 30 s per MB of Markdown by default, and 1024 MB', () => {
    expect(parseLimits(0, {})).toEqual({ seconds: 30, memoryMb: 1024 })
    expect(parseLimits(1_000_000, {})).toEqual({ seconds: 60, memoryMb: 1024 })
    expect(parseLimits(123_456, {})).toEqual({ seconds: 33.7, memoryMb: 1024 })
  })

  it('is set by THRESHOLDS_PARSE_SECONDS and THRESHOLDS_PARSE_MEMORY_MB, whatever the size', () => {
    expect(parseLimits(5_000_000, { THRESHOLDS_PARSE_SECONDS: '2.5', THRESHOLDS_PARSE_MEMORY_MB: '256' })).toEqual({ seconds: 2.5, memoryMb: 256 })
    expect(parseLimits(0, { THRESHOLDS_PARSE_SECONDS: '' })).toEqual({ seconds: 30, memoryMb: 1024 })
  })

  it('refuses a setting that is not a number, or too small, as a usage error naming it', () => {
    expect(() => parseLimits(0, { THRESHOLDS_PARSE_SECONDS: 'ten' })).toThrow(new UsageError('THRESHOLDS_PARSE_SECONDS expects a number of seconds (at least 0), got “ten”'))
    expect(() => parseLimits(0, { THRESHOLDS_PARSE_SECONDS: '-1' })).toThrow(UsageError)
    expect(() => parseLimits(0, { THRESHOLDS_PARSE_SECONDS: 'Infinity' })).toThrow(UsageError)
    expect(() => parseLimits(0, { THRESHOLDS_PARSE_MEMORY_MB: '8' })).toThrow(new UsageError('THRESHOLDS_PARSE_MEMORY_MB expects a number of megabytes (at least 16), got “8”'))
  })

  it('is spent by each file and shared: once used up, no file is parsed', () => {
    const budget = new ParseBudget({ seconds: 1, memoryMb: 1024 })
    budget.spend(400)
    expect(budget.remainingMs()).toBe(600)
    expect(budget.isUsedUp()).toBe(false)
    budget.useUp()
    expect(budget.isUsedUp()).toBe(true)
    const file = createSourceFile('x.md', 'x.md', '# Title\n')
    expect(() => new BoundedParser().parse(file, budget)).toThrow(ParseBudgetUsedError)
    expect(() => new BoundedParser().parse(file, budget)).toThrow('1 s')
  })

  it('accepts the smallest settings and spaces around a number, and refuses a number with a bare point', () => {
    expect(parseLimits(0, { THRESHOLDS_PARSE_SECONDS: '0', THRESHOLDS_PARSE_MEMORY_MB: ' 16 ' })).toEqual({ seconds: 0, memoryMb: 16 })
    expect(parseLimits(0, { THRESHOLDS_PARSE_SECONDS: '2.25' })).toEqual({ seconds: 2.25, memoryMb: 1024 })
    expect(() => parseLimits(0, { THRESHOLDS_PARSE_SECONDS: '1.' })).toThrow(new UsageError('THRESHOLDS_PARSE_SECONDS expects a number of seconds (at least 0), got “1.”'))
    expect(() => parseLimits(0, { THRESHOLDS_PARSE_SECONDS: '1e3' })).toThrow(UsageError)
    expect(() => parseLimits(0, { THRESHOLDS_PARSE_MEMORY_MB: '15.9' })).toThrow(UsageError)
  })

  it('never has less than nothing left, and is not given back by a file stopped late', () => {
    const budget = ParseBudget.forBytes(0, { THRESHOLDS_PARSE_SECONDS: '2', THRESHOLDS_PARSE_MEMORY_MB: '64' })
    budget.spend(2000)
    expect(budget.remainingMs()).toBe(0)
    expect(budget.isUsedUp()).toBe(true)
    budget.spend(500)
    budget.useUp()
    budget.spend(-600)
    expect(budget.remainingMs()).toBe(100)
    expect(budget.limitError()).toEqual(new ParseLimitError('parsing may take 2 s for all files of the run and 64 MB'))
    expect(budget.limitError()).toBeInstanceOf(ParseLimitError)
    expect(budget.usedError().message).toBe('2 s')
  })

  it('parses as the parser does while there is budget left', () => {
    const file = createSourceFile('x.md', 'x.md', '# Title\n\n- one\n- two\n')
    const budget = new ParseBudget({ seconds: 1e6, memoryMb: 1024 })
    expect(new BoundedParser().parse(file, budget)).toEqual(parseMarkdown(file))
    expect(budget.remainingMs()).toBeGreaterThan(0)
  })
})
