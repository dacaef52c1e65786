/**
 * Parsing on several worker threads (scripts/parse/workers.ts) on its own: how many workers a
 * run gets, results in input order (texts shared as UTF-8), a file stopped when the time runs out
 * or its worker runs out of memory, an error of the caller's, and how far the workers may parse
 * ahead of a busy caller. The budgets here are either too large for any machine to use up, run
 * out as soon as a worker is ready, or are seconds against parsing that takes milliseconds or over
 * a minute, so no result depends on the machine's speed. test/parse/parse.test.ts compares whole frameworks with parsing in
 * this thread.
 */
import { availableParallelism } from 'node:os'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { ParseBudget, ParseBudgetUsedError, ParseLimitError } from '../../scripts/parse/budget.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import { openUpTo, PARALLEL_MIN_BYTES, parseEachInWorkers, parseInWorkers, workerCount } from '../../scripts/parse/workers.ts'

const tree = (text: string) => markdownProcessor().parse(text)
const ample = (memoryMb = 256) => new ParseBudget({ seconds: 1e6, memoryMb })
// 16,000 headings underlined with “-” take the parser over a minute.
const SLOW = 'a\n-\n'.repeat(16_000)
/** Blocks this thread, as building a model does, without using the CPU. */
const block = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
/** `count` texts of exactly `bytes` bytes each, all different. */
const textsOf = (count: number, bytes: number) => Array.from({ length: count }, (_, i) => `# Text ${String(i).padStart(3, '0')}\n\n${'w'.repeat(bytes - 12)}`)

/** A budget with time left that runs out the moment the workers are ready: records what is spent. */
function runningOut(memoryMb = 256): ParseBudget & { spent: number[] } {
  const budget = Object.assign(new ParseBudget({ seconds: 7, memoryMb }), { spent: [] as number[] })
  budget.remainingMs = () => 0
  budget.isUsedUp = () => false
  budget.spend = (ms: number) => void budget.spent.push(ms)
  return budget
}

describe('workerCount', () => {
  it('gives no workers below the size where they pay, else one per core up to 4', () => {
    expect(workerCount(0, {})).toBe(0)
    expect(workerCount(PARALLEL_MIN_BYTES - 1, {})).toBe(0)
    expect(workerCount(PARALLEL_MIN_BYTES, {})).toBe(Math.min(availableParallelism(), 4))
    expect(workerCount(PARALLEL_MIN_BYTES, {})).toBeGreaterThan(0)
    expect(PARALLEL_MIN_BYTES).toBe(1_500_000)
  })

  it('takes THRESHOLDS_WORKERS when it is a whole number, at most 4, whatever the size', () => {
    expect(workerCount(0, { THRESHOLDS_WORKERS: '3' })).toBe(3)
    expect(workerCount(10_000_000, { THRESHOLDS_WORKERS: '0' })).toBe(0)
    expect(workerCount(0, { THRESHOLDS_WORKERS: '12' })).toBe(4)
    expect(workerCount(0, { THRESHOLDS_WORKERS: '2.5' })).toBe(0)
    expect(workerCount(0, { THRESHOLDS_WORKERS: 'two' })).toBe(0)
    expect(workerCount(0, { THRESHOLDS_WORKERS: ' 2' })).toBe(0)
    expect(workerCount(0, { THRESHOLDS_WORKERS: '2 ' })).toBe(0)
    expect(workerCount(0, { THRESHOLDS_WORKERS: '' })).toBe(0)
    expect(workerCount(PARALLEL_MIN_BYTES, { THRESHOLDS_WORKERS: 'x' })).toBe(Math.min(availableParallelism(), 4))
  })
})

describe('parseInWorkers', () => {
  it('gives the trees in input order, texts of any script read back exactly', async () => {
    const texts = ['# Naïve café', '- één\n- 二', '', 'Plain 🙂 *words*', '# Last']
    expect(await parseInWorkers(texts, 2, ample())).toEqual(texts.map(tree))
  })

  it('starts no more workers than there are texts, and needs none for no texts', async () => {
    expect(await parseInWorkers(['# Only'], 4, ample())).toEqual([tree('# Only')])
    expect(await parseInWorkers([], 4, ample())).toEqual([])
    expect(await parseInWorkers(['# Zero lanes asked'], 0, ample())).toEqual([tree('# Zero lanes asked')])
  })

  it('parses nothing once the budget is used up, saying how long the run had', async () => {
    const budget = new ParseBudget({ seconds: 4, memoryMb: 64 })
    budget.useUp()
    expect(await parseInWorkers(['# One', '# Two'], 2, budget)).toEqual([new ParseBudgetUsedError('4 s'), new ParseBudgetUsedError('4 s')])
  })

  it('stops the file being parsed when the time runs out, and gives the files not reached the used-up error', async () => {
    const budget = runningOut(128)
    const results = await parseInWorkers([SLOW, '# Not reached', '# Nor this'], 1, budget)
    expect(results).toEqual([new ParseLimitError('parsing may take 7 s for all files of the run and 128 MB'), new ParseBudgetUsedError('7 s'), new ParseBudgetUsedError('7 s')])
    expect(results.map((result) => result.constructor)).toEqual([ParseLimitError, ParseBudgetUsedError, ParseBudgetUsedError])
    expect(budget.spent).toHaveLength(1)
    expect(budget.spent[0]).toBeGreaterThanOrEqual(0)
  })

  it('gives a file whose worker runs out of its share of memory a ParseLimitError, and the next file to a fresh worker', async () => {
    // 400 kB of short bullet points need far more than the 16 MB each of the 2 workers may use of 32.
    const results = await parseInWorkers(['# Before', '- x\n'.repeat(100_000), '# After', '# Last'], 2, ample(32))
    expect(results[1]).toEqual(new ParseLimitError('parsing may take 1000000 s for all files of the run and 32 MB'))
    expect([results[0], results[2], results[3]]).toEqual([tree('# Before'), tree('# After'), tree('# Last')])
  })
})

describe('parseEachInWorkers', () => {
  it('hands each result over in input order, once every one before it is in', async () => {
    const texts = ['# One', '- two', 'Three', '# Four', '- five']
    const handed: Array<[number, unknown]> = []
    await parseEachInWorkers(texts, 3, ample(), (index, result) => handed.push([index, result]))
    expect(handed).toEqual(texts.map((text, index) => [index, tree(text)]))
  })

  it('throws the error of the caller’s handler, once, and hands over nothing after it', async () => {
    const handed: number[] = []
    const failure = new Error('the handler failed')
    await expect(
      parseEachInWorkers(['# One', '# Two', '# Three'], 2, ample(), (index) => {
        handed.push(index)
        if (index === 1) throw failure
      }),
    ).rejects.toBe(failure)
    expect(handed).toEqual([0, 1])
  })

  it('hands over the used-up error for every file of a used-up budget', async () => {
    const budget = new ParseBudget({ seconds: 1, memoryMb: 64 })
    budget.useUp()
    const handed: Array<[number, string]> = []
    await parseEachInWorkers(['# One', '# Two'], 2, budget, (index, result) => handed.push([index, (result as Error).message]))
    expect(handed).toEqual([
      [0, '1 s'],
      [1, '1 s'],
    ])
  })
})

describe('openUpTo', () => {
  // Texts of 10 bytes each: they start at 0, 10, 20, 30 and 40.
  const ends = [10, 20, 30, 40, 50]

  it('lets in the texts that start less than the given bytes after the last text handed over', () => {
    expect(openUpTo(ends, 0, 25)).toBe(3)
    expect(openUpTo(ends, 2, 5)).toBe(3)
    expect(openUpTo(ends, 2, 11)).toBe(4)
    expect(openUpTo(ends, 1, 1_000)).toBe(5)
  })

  it('always lets in the next text, which the caller waits for, and never more than there are', () => {
    expect(openUpTo(ends, 0, 0)).toBe(1)
    expect(openUpTo(ends, 3, 0)).toBe(4)
    expect(openUpTo(ends, 5, 100)).toBe(5)
    expect(openUpTo([], 0, 100)).toBe(0)
  })

  it('goes on from what was let in before, which it never takes back', () => {
    expect(openUpTo(ends, 0, 0, 4)).toBe(4)
    expect(openUpTo(ends, 2, 5, 3)).toBe(3)
  })
})

describe('parseEachInWorkers while this thread is busy with each tree', () => {
  it('lets the workers take no more than the given Markdown beyond the texts handed over', async () => {
    const texts = textsOf(60, 1_000)
    expect(texts.every((text) => Buffer.byteLength(text) === 1_000)).toBe(true)
    const handed: number[] = []
    const { mostAheadBytes } = await parseEachInWorkers(
      texts,
      2,
      ample(),
      (index, result) => {
        expect(result).toEqual(tree(texts[index] as string))
        handed.push(index)
        block(10)
      },
      3_000,
    )
    expect(handed).toEqual(texts.map((_, index) => index))
    // The room (3 texts) and at most one text held by each of the 2 lanes, waiting for room, besides the one handed over.
    expect(mostAheadBytes).toBeGreaterThanOrEqual(1_000)
    expect(mostAheadBytes).toBeLessThanOrEqual(6_000)
  })

  it('does not count the time the workers wait for room against the parse budget', async () => {
    // The handler takes 24 × 300 ms, well over the 5 s budget; parsing 24 short texts takes a fraction of it.
    const budget = new ParseBudget({ seconds: 5, memoryMb: 128 })
    const texts = textsOf(24, 100)
    const handed: Array<Root | Error> = []
    await parseEachInWorkers(
      texts,
      2,
      budget,
      (_, result) => {
        handed.push(result)
        block(300)
      },
      1,
    )
    expect(handed).toEqual(texts.map(tree))
    expect(budget.isUsedUp()).toBe(false)
  })

  it('still stops a file that outlasts the budget while the other lane waits for room', async () => {
    const budget = new ParseBudget({ seconds: 2, memoryMb: 128 })
    const results: Array<[number, string]> = []
    await parseEachInWorkers([SLOW, '# Waits for room', '# Not reached'], 2, budget, (index, result) => results.push([index, `${result.constructor.name}: ${(result as Error).message}`]), 1)
    expect(results).toEqual([
      [0, 'ParseLimitError: parsing may take 2 s for all files of the run and 128 MB'],
      [1, 'ParseBudgetUsedError: 2 s'],
      [2, 'ParseBudgetUsedError: 2 s'],
    ])
    expect(budget.isUsedUp()).toBe(true)
  })
})
