/**
 * Parsing on several worker threads (scripts/parse/workers.ts) on its own: how many workers a
 * run gets, results in input order (texts shared as UTF-8), a file stopped when the time runs out
 * or its worker runs out of memory, and an error of the caller's. The budgets here are either too
 * large for any machine to use up or run out as soon as a worker is ready, so no result depends
 * on the machine's speed. test/parse/parse.test.ts compares whole frameworks with parsing in
 * this thread.
 */
import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { ParseBudget, ParseBudgetUsedError, ParseLimitError } from '../../scripts/parse/budget.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import { PARALLEL_MIN_BYTES, parseEachInWorkers, parseInWorkers, workerCount } from '../../scripts/parse/workers.ts'

const tree = (text: string) => markdownProcessor().parse(text)
const ample = (memoryMb = 256) => new ParseBudget({ seconds: 1e6, memoryMb })
// 16,000 headings underlined with “-” take the parser over a minute.
const SLOW = 'a\n-\n'.repeat(16_000)

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
