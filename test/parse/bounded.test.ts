/**
 * The bounded parser (scripts/parse/bounded.ts) on its own: it parses in one worker thread, kept
 * between files and replaced when the memory limit changes or a file is stopped, and it stops a
 * file when the run's time is used up. The budgets here are either too large for any machine to
 * use up or already used up, so no result depends on the machine's speed.
 */
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { BoundedParser } from '../../scripts/parse/bounded.ts'
import { ParseBudget, ParseBudgetUsedError, ParseLimitError } from '../../scripts/parse/budget.ts'
import { markdownProcessor, parseMarkdown } from '../../scripts/parse/markdown.ts'
import { createSourceFile } from '../../scripts/shared/source-file.ts'
import { fixtures } from '../helpers.ts'

const parsers: BoundedParser[] = []
/** A bounded parser; its parseAll parses on the worker only, as for a large run, unless `inThreadMaxBytes` is given. */
function boundedParser(workerFile?: string, inThreadMaxBytes = 0): BoundedParser {
  const made = new BoundedParser(workerFile, inThreadMaxBytes)
  parsers.push(made)
  return made
}
afterEach(() => {
  for (const made of parsers.splice(0)) made.close()
})

/** The worker a parser holds now, if any (to tell a kept worker from a fresh one). */
const workerOf = (parser: BoundedParser): Worker | undefined => (parser as unknown as { parser?: { worker: Worker } }).parser?.worker

/** A budget no machine can use up. */
const ample = (memoryMb = 256) => new ParseBudget({ seconds: 1e6, memoryMb })

/** A budget with time left that runs out the moment a parse waits on it: records what is spent. */
function runningOut(memoryMb = 256): ParseBudget & { spent: number[] } {
  const budget = Object.assign(new ParseBudget({ seconds: 5, memoryMb }), { spent: [] as number[] })
  let usedUp = false
  budget.remainingMs = () => 0
  budget.isUsedUp = () => usedUp
  budget.useUp = () => void (usedUp = true)
  budget.spend = (ms: number) => void budget.spent.push(ms)
  return budget
}

/** The parse worker, loading the parser only 3 s after its thread starts (a busy machine). */
const SLOW_START = path.join(fixtures, 'workers/slow-start.mjs')
/** Less time than the slow worker takes to start (8 s), and far more than parsing a heading takes, even on a busy machine. */
const shorterThanStart = () => new ParseBudget({ seconds: 6, memoryMb: 256 })

const file = (text: string) => createSourceFile('sources/demo/levels/01-a.md', 'levels/01-a.md', text)
// 16,000 headings underlined with “-” take the parser over a minute.
const SLOW = 'a\n-\n'.repeat(16_000)

describe('parse', () => {
  it('gives the tree the parser gives in this thread, with time left', () => {
    const parser = boundedParser()
    const budget = ample()
    const text = '# Title\n\n- one\n- two {#two}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n'
    expect(parser.parse(file(text), budget)).toEqual(parseMarkdown(file(text)))
    expect(budget.isUsedUp()).toBe(false)
  })

  it('keeps its worker from one file to the next, the one started by prepare, and starts a fresh one for another memory limit', () => {
    const parser = boundedParser()
    parser.prepare(256)
    const prepared = workerOf(parser)
    expect(prepared).toBeDefined()
    parser.prepare(256)
    expect(workerOf(parser)).toBe(prepared)
    expect(parser.parse(file('# One'), ample(256))).toEqual(parseMarkdown(file('# One')))
    expect(parser.parse(file('# Two'), ample(256))).toEqual(parseMarkdown(file('# Two')))
    expect(workerOf(parser)).toBe(prepared)
    expect(parser.parse(file('# Three'), ample(128))).toEqual(parseMarkdown(file('# Three')))
    expect(workerOf(parser)).not.toBe(prepared)
    parser.close()
    expect(workerOf(parser)).toBeUndefined()
    expect(parser.parse(file('# Four'), ample(128))).toEqual(parseMarkdown(file('# Four')))
  })

  it('parses nothing once the budget is used up, saying how long the run had', () => {
    const parser = boundedParser()
    const budget = new ParseBudget({ seconds: 2, memoryMb: 64 })
    budget.useUp()
    expect(() => parser.parse(file('# One'), budget)).toThrow(new ParseBudgetUsedError('2 s'))
    expect(workerOf(parser)).toBeUndefined()
  })

  it('stops the file when the time runs out, uses the budget up, and parses the next run’s file on a fresh worker', () => {
    const parser = boundedParser()
    const budget = runningOut()
    parser.prepare(256)
    const first = workerOf(parser)
    expect(() => parser.parse(file(SLOW), budget)).toThrow(new ParseLimitError('parsing may take 5 s for all files of the run and 256 MB'))
    expect(budget.isUsedUp()).toBe(true)
    expect(budget.spent).toHaveLength(1)
    expect(budget.spent[0]).toBeGreaterThanOrEqual(0)
    expect(workerOf(parser)).toBeUndefined()
    expect(() => parser.parse(file('# Next'), budget)).toThrow(ParseBudgetUsedError)
    expect(parser.parse(file('# Next'), ample())).toEqual(parseMarkdown(file('# Next')))
    expect(workerOf(parser)).not.toBe(first)
  })
})

describe('a worker slow to start', () => {
  it('is waited for without spending the budget: a file is parsed though the thread took longer to start than the whole budget', () => {
    const parser = boundedParser(SLOW_START)
    const budget = shorterThanStart()
    expect(parser.parse(file('# One'), budget)).toEqual(parseMarkdown(file('# One')))
    expect(budget.isUsedUp()).toBe(false)
  })

  it('is waited for without spending the budget when files are parsed in turn', async () => {
    const parser = boundedParser(SLOW_START)
    const budget = shorterThanStart()
    expect(await parser.parseAll(['# One', '- two'], budget)).toEqual([markdownProcessor().parse('# One'), markdownProcessor().parse('- two')])
    expect(budget.isUsedUp()).toBe(false)
  })
})

describe('parseAll', () => {
  it('gives the trees in input order, on one kept worker', async () => {
    const parser = boundedParser()
    const texts = ['# One', '- two\n- three', 'Four *five*']
    parser.prepare(256)
    const prepared = workerOf(parser)
    expect(await parser.parseAll(texts, ample())).toEqual(texts.map((text) => markdownProcessor().parse(text)))
    expect(workerOf(parser)).toBe(prepared)
  })

  it('runs the caller’s work once while the worker parses, and parses the same whether that work succeeds or fails', async () => {
    const parser = boundedParser()
    const texts = ['# One', '- two']
    const calls: string[] = []
    expect(await parser.parseAll(texts, ample(), () => calls.push('meanwhile'))).toEqual(texts.map((text) => markdownProcessor().parse(text)))
    expect(calls).toEqual(['meanwhile'])
    const failing = () => {
      calls.push('failing')
      throw new Error('could not load')
    }
    expect(await parser.parseAll(texts, ample(), failing)).toEqual(texts.map((text) => markdownProcessor().parse(text)))
    expect(calls).toEqual(['meanwhile', 'failing'])
  })

  it('stops the file the time runs out on and parses none after it, saying why for each', async () => {
    const parser = boundedParser()
    const budget = runningOut(128)
    const results = await parser.parseAll([SLOW, '# After'], budget)
    expect(results).toEqual([new ParseLimitError('parsing may take 5 s for all files of the run and 128 MB'), new ParseBudgetUsedError('5 s')])
    expect(results.map((result) => result.constructor)).toEqual([ParseLimitError, ParseBudgetUsedError])
    expect(budget.spent).toHaveLength(1)
    expect(workerOf(parser)).toBeUndefined()
  })

  it('gives a used-up budget’s error for every file, parsing none', async () => {
    const parser = boundedParser()
    const budget = new ParseBudget({ seconds: 3, memoryMb: 64 })
    budget.useUp()
    expect(await parser.parseAll(['# One', '# Two'], budget)).toEqual([new ParseBudgetUsedError('3 s'), new ParseBudgetUsedError('3 s')])
    expect(workerOf(parser)).toBeUndefined()
  })
})
