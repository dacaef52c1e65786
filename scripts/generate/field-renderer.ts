import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { markdownValues } from '../model/order.ts'
import type { Framework } from '../model/types.ts'
import { compiledIsFresh } from '../shared/compiled.js'
import { toolRoot } from '../shared/paths.ts'
import { addressesOf, renderedFields } from './markdown.ts'
import type { RenderedField } from './render-field.ts'
import type { RenderReply, RenderRequest } from './render-worker.ts'

/** How many frameworks past the one being generated the worker renders ahead. */
const AHEAD = 8

type Rendered = Map<string, RenderedField>

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
 * next ones in the build's order while the main thread generates the current one. A build that
 * generates one framework (one file edited, the rest from the cache) starts no worker. The worker
 * runs the same renderField, so the bytes are the same either way; should it fail, the main
 * thread renders what it had not answered.
 */
export class FieldRenderer<T extends { readonly framework: Framework } = { readonly framework: Framework }> {
  private readonly position = new Map<T, number>()
  private readonly ahead = new Map<T, Promise<Rendered | undefined>>()
  private readonly asked = new Set<T>()
  private readonly waiting = new Map<number, (fields: RenderReply['fields']) => void>()
  private worker: Worker | undefined
  private nextId = 0
  private answered = 0

  /**
   * `order`: the frameworks in the order the generator asks for them (some may be skipped). Each
   * one's model is read only when it is rendered: a model answered from the content cache is read
   * from disk on first use, and a build that generates one framework must not read the others.
   */
  constructor(
    private readonly order: readonly T[],
    private useWorker: boolean,
  ) {
    order.forEach((item, index) => this.position.set(item, index))
  }

  /** How many frameworks the worker has rendered. */
  get renderedOnWorker(): number {
    return this.answered
  }

  async rendered(item: T): Promise<Rendered> {
    this.asked.add(item)
    const early = this.ahead.get(item)
    this.ahead.delete(item)
    if (this.useWorker && this.asked.size >= 2) this.renderAhead(item)
    return (early && (await early)) ?? renderedFields(item.framework)
  }

  /** Stops the worker; anything it had not answered is rendered on the main thread if asked for. */
  close(): void {
    const worker = this.worker
    this.worker = undefined
    this.useWorker = false
    this.settleAll()
    if (worker) void worker.terminate()
  }

  private renderAhead(item: T): void {
    const at = this.position.get(item)
    if (at === undefined) return
    for (const next of this.order.slice(at + 1, at + 1 + AHEAD)) {
      if (!this.useWorker) return
      if (!this.asked.has(next) && !this.ahead.has(next)) this.ahead.set(next, this.request(next))
    }
  }

  private request(item: T): Promise<Rendered | undefined> {
    const worker = (this.worker ??= this.start())
    const framework = item.framework
    const id = this.nextId++
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
    const entry = compiled ? 'dist/render-worker.js' : 'scripts/generate/render-worker-sources.js'
    const worker = new Worker(path.join(toolRoot, entry))
    // A build that ends (or fails) without closing the renderer is not kept alive by it.
    worker.unref()
    worker.on('message', ({ id, fields }: RenderReply) => {
      const settle = this.waiting.get(id)
      this.waiting.delete(id)
      if (settle && fields) this.answered++
      settle?.(fields)
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
