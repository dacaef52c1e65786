import type { Framework } from '../model/types.ts'
import { timedAside } from '../shared/timing.ts'
import { renderedFields, type FieldMemo } from './markdown.ts'
import type { RenderedField } from './rendered-field.ts'

/**
 * How many characters of rendered fields may be held for generation: about 50,000 a corpus
 * framework, so a run of a few hundred frameworks renders them all early and a larger one holds
 * no more than this (about 16 MB) while it is checked.
 */
const HELD_CHARACTERS = 8_000_000

/**
 * Runs of more frameworks render nothing early. The main thread's heap then holds hundreds of
 * models, and rendering there cost more than on the render worker: a cold build of 1,000
 * frameworks that rendered its first 160 early took 93 s of CPU against 88 s, and its peak memory
 * rose from 1,181 to 1,270 MB (docs/performance.md).
 */
const MOST_FRAMEWORKS = 200

/**
 * A build's Markdown fields rendered while the sources are still being checked. During a cold
 * check the main thread mostly waits for the parse workers; each framework whose model is built
 * is queued here and its fields rendered (markdown.ts: renderedFields, the same function the
 * generator runs) one framework per turn of the event loop, between the parse workers' answers,
 * so building the next models is not held up. Generation then takes them (field-renderer.ts)
 * instead of rendering them again. Frameworks not rendered when `stop` is called, or past the
 * limit, are rendered during generation as before.
 */
export class EarlyFields {
  private readonly queue: Framework[] = []
  private readonly done = new Map<Framework, Map<string, RenderedField>>()
  private held = 0
  private scheduled = false
  private stopped = false

  /** `memo`: the content cache's rendered fields, recalled and kept as generation does. */
  constructor(
    private readonly memo?: FieldMemo,
    private readonly limit = HELD_CHARACTERS,
  ) {}

  /**
   * A framework whose model is built and final: its fields are rendered when the thread is free,
   * unless the run checks more than MOST_FRAMEWORKS `frameworks`.
   */
  readonly offer = (framework: Framework, frameworks = 1): void => {
    if (this.stopped || this.held >= this.limit || frameworks > MOST_FRAMEWORKS) return
    this.queue.push(framework)
    this.schedule()
  }

  /** No more rendering: what is queued is left to generation. */
  stop(): void {
    this.stopped = true
    this.queue.length = 0
  }

  has(framework: Framework): boolean {
    return this.done.has(framework)
  }

  /** The framework's rendered fields, once (they are let go), or undefined when it was not rendered early. */
  take(framework: Framework): Map<string, RenderedField> | undefined {
    const fields = this.done.get(framework)
    this.done.delete(framework)
    return fields
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return
    this.scheduled = true
    // setImmediate: after the answers of the parse workers that have come in, so a model waiting to be built goes first.
    setImmediate(() => {
      this.scheduled = false
      this.renderNext()
      this.schedule()
    }).unref()
  }

  private renderNext(): void {
    const framework = this.queue.shift()
    if (!framework || this.stopped || this.held >= this.limit) return
    let fields: Map<string, RenderedField>
    try {
      fields = timedAside('early-fields', () => renderedFields(framework, this.memo))
    } catch {
      // Rendered again during generation, where a failure stops the build as it always has.
      return
    }
    for (const field of fields.values()) this.held += field.markdown.length + field.html.length + field.text.length
    this.done.set(framework, fields)
  }
}
