import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { markdownValues } from '../model/order.ts'
import type { Framework } from '../model/types.ts'
import { compiledIsFresh } from '../shared/compiled.js'
import { toolRoot } from '../shared/paths.ts'
import { addressesOf, renderedFields, type FieldMemo } from './markdown.ts'
import type { RenderedField } from './rendered-field.ts'
import { ANSWERED, claim, ON_MAIN, ON_WORKER } from './render-claims.ts'
import type { RenderReply, RenderRequest, RenderWorkerData } from './render-worker.ts'

/** How many frameworks are sent to the worker and not yet answered, at most. */
const AHEAD = 16
/** How far past the one being generated a framework may be sent or rendered, so a large build holds few frameworks' fields at a time. */
const FURTHEST = 32

type Rendered = Map<string, RenderedField>

/** Fields rendered before generation (early-fields.ts), each framework's taken once. */
export interface RenderedBefore {
  has(framework: Framework): boolean
  take(framework: Framework): Rendered | undefined
}

/**
 * Whether a build may render Markdown fields on a worker thread: not when THRESHOLDS_WORKERS is 0
 * in the command's environment (no worker threads at all).
 */
export function renderInWorker(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.THRESHOLDS_WORKERS !== '0'
}

/**
 * Each framework's rendered Markdown fields (markdown.ts: renderedFields) for the generator.
 * Rendering parses every field again, about half of generation, while the typed modules are
 * printed on the main thread alone; so from the second framework asked for, a worker renders the
 * next ones in the build's order while the main thread generates the current one. Neither waits
 * for the other (render-claims.ts): a framework the worker has not begun when it is asked for is
 * rendered on the main thread, and while the worker renders the one asked for, the main thread
 * renders the furthest one ahead it has not begun. A build that may generate one framework (one
 * file edited, the rest from the cache) starts no worker before a second is asked for. The worker runs the same renderField, so the
 * bytes are the same either way; should it fail, the main thread renders what it had not answered.
 */
export class FieldRenderer<T extends { readonly framework: Framework } = { readonly framework: Framework }> {
  private readonly position = new Map<T, number>()
  /** Sent to the worker, in the build's order. */
  private readonly ahead = new Map<T, Promise<Rendered | undefined>>()
  /** Rendered on the main thread before being asked for, while the worker rendered another. */
  private readonly taken = new Map<T, Rendered>()
  private readonly asked = new Set<T>()
  private readonly waiting = new Map<number, (fields: RenderReply['fields']) => void>()
  private claims: Int32Array | undefined
  private worker: Worker | undefined
  private answered = 0
  /** The position in `order` of the furthest framework asked for, and of the next one to send to the worker. */
  private current = 0
  private nextToSend = 0
  private renderedHere = 0

  /**
   * `order`: the frameworks in the order the generator asks for them (some may be skipped). Each
   * one's model is read only when it is rendered: a model answered from the content cache is read
   * from disk on first use, and a build that generates one framework must not read the others.
   * With `fromFirst` (every framework of `order` is to be generated: a build without the content
   * cache), the worker starts at the first framework asked for, so it renders while the main thread
   * loads the TypeScript printer. `workerEntry` replaces the worker's script (relative to the
   * tool's folder). `early`: frameworks whose fields were rendered before generation, never sent
   * to the worker.
   */
  constructor(
    private readonly order: readonly T[],
    private useWorker: boolean,
    private readonly options: { fromFirst?: boolean; workerEntry?: string; early?: RenderedBefore } = {},
    /** Fields rendered by earlier builds, for those rendered on the main thread (a build that generates one framework). */
    private readonly memo?: FieldMemo,
  ) {
    order.forEach((item, index) => this.position.set(item, index))
  }

  /** How many frameworks the worker has rendered. */
  get renderedOnWorker(): number {
    return this.answered
  }

  /** Whether a worker was started. */
  get workerStarted(): boolean {
    return this.claims !== undefined
  }

  /** How many frameworks the worker has begun (or rendered). */
  get begunOnWorker(): number {
    return this.claims ? this.claims.filter((state) => state === ON_WORKER || state === ANSWERED).length : 0
  }

  /** How many frameworks the main thread has rendered. */
  get renderedOnMain(): number {
    return this.renderedHere
  }

  async rendered(item: T): Promise<Rendered> {
    this.asked.add(item)
    const early = this.ahead.get(item)
    this.ahead.delete(item)
    const mine = this.taken.get(item)
    this.taken.delete(item)
    this.current = Math.max(this.current, this.position.get(item) ?? 0)
    if (this.useWorker && this.asked.size >= (this.options.fromFirst ? 1 : 2)) this.sendAhead()
    if (mine) return mine
    const before = this.options.early?.take(item.framework)
    if (before) return before
    const claims = this.claims
    const at = this.position.get(item)
    if (early && claims && at !== undefined) {
      // Not begun on the worker: rendered here at once (the worker will leave it).
      if (claim(claims, at, ON_MAIN)) return this.renderHere(item)
      // Begun: frameworks further ahead are rendered here until the worker answers.
      while (Atomics.load(claims, at) !== ANSWERED) if (!this.takeFurthest(claims)) break
    }
    return (early && (await early)) ?? this.renderHere(item)
  }

  /** Stops the worker; anything it had not answered is rendered on the main thread if asked for. */
  close(): void {
    const worker = this.worker
    this.worker = undefined
    this.useWorker = false
    this.settleAll()
    if (worker) void worker.terminate()
  }

  private renderHere(item: T): Rendered {
    this.renderedHere++
    return renderedFields(item.framework, this.memo)
  }

  /** Renders here the furthest framework sent to the worker that it has not begun; false when there is none. */
  private takeFurthest(claims: Int32Array): boolean {
    for (const item of [...this.ahead.keys()].reverse()) {
      if (!claim(claims, this.position.get(item) as number, ON_MAIN)) continue
      this.ahead.delete(item)
      this.taken.set(item, this.renderHere(item))
      this.sendAhead()
      return true
    }
    return false
  }

  /**
   * Keeps AHEAD frameworks sent to the worker and not yet answered (so it is not left without work
   * while the main thread takes some), from the one after the framework being generated on, none
   * further than FURTHEST past it.
   */
  private sendAhead(): void {
    this.nextToSend = Math.max(this.nextToSend, this.current + 1)
    const end = Math.min(this.order.length, this.current + 1 + FURTHEST)
    while (this.useWorker && this.waiting.size < AHEAD && this.nextToSend < end) {
      const next = this.order[this.nextToSend++] as T
      if (!this.asked.has(next) && !this.ahead.has(next) && !this.taken.has(next) && !this.options.early?.has(next.framework)) this.ahead.set(next, this.request(next))
    }
  }

  private request(item: T): Promise<Rendered | undefined> {
    const worker = (this.worker ??= this.start())
    const framework = item.framework
    const id = this.position.get(item) as number
    const values = [...markdownValues(framework)]
    const request: RenderRequest = { id, values, addresses: [...addressesOf(framework)] }
    return new Promise((resolve) => {
      this.waiting.set(id, (fields) => resolve(fields && new Map(values.map((value, index) => {
        const [markdown, html, text] = fields[index] as [string, string, string]
        return [value, { markdown, html, text }]
      }))))
      worker.postMessage(request)
    })
  }

  private start(): Worker {
    // The compiled CLI has the worker compiled beside it. Run from the TypeScript sources, it takes
    // that one too while it is up to date: tsx in a worker costs about 0.7 s of CPU to start.
    const compiled = !import.meta.url.endsWith('.ts') || compiledIsFresh(toolRoot)
    const entry = this.options.workerEntry ?? (compiled ? 'dist/render-worker.js' : 'scripts/generate/render-worker-sources.js')
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * Math.max(1, this.order.length))
    this.claims = new Int32Array(shared)
    const worker = new Worker(path.join(toolRoot, entry), { workerData: { claims: shared } satisfies RenderWorkerData })
    // A build that ends (or fails) without closing the renderer is not kept alive by it.
    worker.unref()
    worker.on('message', ({ id, fields }: RenderReply) => {
      const settle = this.waiting.get(id)
      this.waiting.delete(id)
      if (settle && fields) this.answered++
      settle?.(fields)
      this.sendAhead()
    })
    const fail = () => {
      if (this.worker !== worker) return
      this.close()
    }
    worker.on('error', fail)
    worker.on('exit', fail)
    return worker
  }

  /** Whatever the worker has not answered goes to the main thread. */
  private settleAll(): void {
    for (const settle of this.waiting.values()) settle(undefined)
    this.waiting.clear()
  }
}
