/**
 * The parse workers' window (scripts/parse/workers.ts, markdown-worker.js), watched through the
 * counters the lanes share: with a window of one byte a worker takes the next text and waits for
 * room, so while this thread holds a tree every lane holds exactly one text of its own; and a
 * worker stopped while it holds a text hands that text to the fresh worker of its lane. This
 * thread waits in each handler until no lane is parsing, so what it sees does not depend on the
 * machine's speed.
 */
import type { Worker } from 'node:worker_threads'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { ParseBudget } from '../../scripts/parse/budget.ts'
import { markdownProcessor } from '../../scripts/parse/markdown.ts'
import { parseEachInWorkers } from '../../scripts/parse/workers.ts'

type Shared = Parameters<NonNullable<Parameters<typeof parseEachInWorkers>[5]>>[2]

const tree = (text: string) => markdownProcessor().parse(text)
const ample = () => new ParseBudget({ seconds: 1e6, memoryMb: 256 })
const textsOf = (count: number) => Array.from({ length: count }, (_, i) => `# Text ${i}\n\nWords of text ${i}.`)
/** Lets the workers go on a little while this thread waits. */
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)

/**
 * Waits until no lane is parsing: each holds a text, waiting for room, or has ended with every
 * text taken. Returns the texts held, in order, and how many texts were taken.
 */
function settled(shared: Shared, total: number): { held: number[]; taken: number } {
  for (;;) {
    const lanes = Array.from(shared.current)
    const taken = Atomics.load(shared.next, 0)
    if (lanes.every((on) => on <= -2 || (on === -1 && taken >= total))) {
      return { held: lanes.filter((on) => on <= -2).map((on) => -2 - on).sort((a, b) => a - b), taken: Math.min(taken, total) }
    }
    pause()
  }
}

describe('parseEachInWorkers with a window of one byte', () => {
  it('parses every text once, in order, while each lane waits holding the next text beyond the window', async () => {
    const texts = textsOf(12)
    let shared: Shared | undefined
    const seen: Array<{ index: number; open: number; held: number[]; taken: number }> = []
    await parseEachInWorkers(
      texts,
      2,
      ample(),
      (index, result) => {
        expect(result).toEqual(tree(texts[index] as string))
        const open = Atomics.load((shared as Shared).open, 0)
        seen.push({ index, open, ...settled(shared as Shared, texts.length) })
      },
      1,
      (_, __, counters) => (shared = counters),
    )
    // Handing over text i lets in text i + 1 only; each of the 2 lanes took one more and waits.
    expect(seen).toEqual(
      texts.map((_, index) => ({
        index,
        open: index + 1,
        held: [index + 1, index + 2].filter((held) => held < texts.length),
        taken: Math.min(index + 3, texts.length),
      })),
    )
  })

  it('hands the text a stopped worker held to the fresh worker of its lane: none lost, none parsed twice', async () => {
    const texts = textsOf(8)
    let shared: Shared | undefined
    const workers: Array<{ lane: number; worker: Worker }> = []
    const handed: Array<[number, Root | Error]> = []
    let stopped: { lane: number; held: number } | undefined
    await parseEachInWorkers(
      texts,
      2,
      ample(),
      (index, result) => {
        handed.push([index, result])
        if (index !== 0) return
        // Both lanes hold a text: stop the one holding text 2, which handing over text 0 does not let in.
        expect(settled(shared as Shared, texts.length)).toEqual({ held: [1, 2], taken: 3 })
        const lane = Array.from((shared as Shared).current).indexOf(-2 - 2)
        stopped = { lane, held: 2 }
        void workers.findLast((started) => started.lane === lane)?.worker.terminate()
      },
      1,
      (lane, worker, counters) => {
        shared = counters
        workers.push({ lane, worker })
      },
    )
    expect(stopped).toEqual({ lane: expect.any(Number), held: 2 })
    // The two lanes, then a fresh worker on the stopped lane.
    expect(workers.map((started) => started.lane)).toEqual([0, 1, stopped?.lane])
    expect(handed).toEqual(texts.map((text, index) => [index, tree(text)]))
  })

  it('ends the run with a plain error, instead of waiting for ever, when a text let in is lost: every lane then waits or has ended', async () => {
    const texts = textsOf(8)
    let shared: Shared | undefined
    const workers: Array<{ lane: number; worker: Worker }> = []
    const handed: number[] = []
    const run = parseEachInWorkers(
      texts,
      2,
      ample(),
      (index) => {
        handed.push(index)
        if (index !== 0) return
        expect(settled(shared as Shared, texts.length)).toEqual({ held: [1, 2], taken: 3 })
        // As a bug would: the lane holding text 2 forgets it, then its worker stops, so no fresh worker takes it.
        const lane = Array.from((shared as Shared).current).indexOf(-2 - 2)
        Atomics.store((shared as Shared).current, lane, -1)
        void workers.findLast((started) => started.lane === lane)?.worker.terminate()
      },
      1,
      (lane, worker, counters) => {
        shared = counters
        workers.push({ lane, worker })
      },
    )
    await expect(run).rejects.toThrow(new Error('the Markdown parse workers stopped with 6 files not parsed, which no worker will take (an internal error: please report it)'))
    // Text 1 was parsed and handed over; text 2 never was, so neither was any text after it.
    expect(handed).toEqual([0, 1])
    expect(workers.map((started) => started.lane)).toEqual([0, 1])
  })
})
