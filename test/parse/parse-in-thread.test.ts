/**
 * A small run's Markdown parsed on the main thread first (BoundedParser.parseAll, parseInThread):
 * the same trees as the worker gives, none sent to the worker, and a text the parser is slow on
 * stopped after IN_THREAD_MS and left to the worker, which stops it within the run's budget. The
 * slow text takes the parser over a minute, far more than any limit here.
 */
import type { MessagePort, Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { BoundedParser, IN_THREAD_MAX_BYTES } from '../../scripts/parse/bounded.ts'
import { ParseBudget, ParseBudgetUsedError, ParseLimitError } from '../../scripts/parse/budget.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'

const parsers: BoundedParser[] = []
afterEach(() => {
  for (const made of parsers.splice(0)) made.close()
})

/** A bounded parser, its worker started, that records the texts sent to the worker. */
function recorded(): { parser: BoundedParser; sent: string[] } {
  const parser = new BoundedParser()
  parsers.push(parser)
  parser.prepare(256)
  const inner = (parser as unknown as { parser: { port: MessagePort } }).parser
  const sent: string[] = []
  const post = inner.port.postMessage.bind(inner.port)
  inner.port.postMessage = (message: { text: string }) => {
    sent.push(message.text)
    post(message)
  }
  return { parser, sent }
}

const workerOf = (parser: BoundedParser): Worker | undefined => (parser as unknown as { parser?: { worker: Worker } }).parser?.worker

/** A budget no machine can use up, recording what is spent from it. */
function ample(): ParseBudget & { spent: number[] } {
  const budget = Object.assign(new ParseBudget({ seconds: 1e6, memoryMb: 256 }), { spent: [] as number[] })
  const spend = budget.spend.bind(budget)
  budget.spend = (ms: number) => {
    budget.spent.push(ms)
    spend(ms)
  }
  return budget
}

// 16,000 headings underlined with “-” take the parser over a minute.
const SLOW = 'a\n-\n'.repeat(16_000)

describe('a small run parsed on this thread', () => {
  it('gives the trees the parser gives, sends the worker nothing, and spends the time from the budget', async () => {
    const { parser, sent } = recorded()
    const texts = ['# One', '- two\n- three', '| a | b |\n| - | - |\n| 1 | 2 |\n']
    const budget = ample()
    const meanwhile: string[] = []
    expect(await parser.parseAll(texts, budget, () => meanwhile.push('meanwhile'))).toEqual(texts.map((text) => markdownProcessor().parse(text)))
    expect(sent).toEqual([])
    expect(budget.spent).toHaveLength(1)
    expect(meanwhile).toEqual(['meanwhile'])
  })

  it('is only a run of at most IN_THREAD_MAX_BYTES: a larger one is parsed on the worker', async () => {
    const { parser, sent } = recorded()
    const texts = ['# One', `${'word '.repeat(IN_THREAD_MAX_BYTES / 5)}\n`]
    expect(await parser.parseAll(texts, ample())).toEqual(texts.map((text) => markdownProcessor().parse(text)))
    expect(sent).toEqual(texts)
  })

  it('stops a text the parser is slow on and leaves it, and those after it, to the worker, which stops it when the budget runs out', async () => {
    const { parser, sent } = recorded()
    const budget = new ParseBudget({ seconds: 3, memoryMb: 256 })
    const results = await parser.parseAll(['# One', SLOW, '# After'], budget)
    expect(results).toEqual([markdownProcessor().parse('# One'), new ParseLimitError('parsing may take 3 s for all files of the run and 256 MB'), new ParseBudgetUsedError('3 s')])
    expect(results.slice(1).map((result) => result.constructor)).toEqual([ParseLimitError, ParseBudgetUsedError])
    expect(sent.at(-1)).toBe(SLOW)
    expect(workerOf(parser)).toBeUndefined()
  })
})
