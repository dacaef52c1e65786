// Renders Markdown fields for field-renderer.ts on a worker thread, so the build's main thread
// prints the typed modules meanwhile. Compiled into dist/render-worker.js (scripts/bin/compile.ts);
// from the sources, render-worker-sources.js loads this file through tsx.
import { parentPort, workerData } from 'node:worker_threads'
import { ANSWERED, claim, ON_WORKER } from './render-claims.ts'
import { renderField } from './render-field.ts'

/** What the worker is started with: the slots (render-claims.ts) of the build's frameworks. */
export interface RenderWorkerData {
  claims: SharedArrayBuffer
}

/** One framework's Markdown values, and the final address of each `#id` (markdown.ts: addressesOf); `id` is its slot. */
export interface RenderRequest {
  id: number
  values: string[]
  addresses: Array<[string, string | undefined]>
}

/**
 * Each value's Markdown, HTML and plain text, in the order asked; or why rendering failed; or,
 * with `taken`, nothing: the main thread took the framework before the worker began it.
 */
export interface RenderReply {
  id: number
  fields?: Array<[string, string, string]>
  error?: string
  taken?: boolean
}

const claims = new Int32Array((workerData as RenderWorkerData).claims)

parentPort?.on('message', ({ id, values, addresses }: RenderRequest) => {
  if (!claim(claims, id, ON_WORKER)) {
    parentPort?.postMessage({ id, taken: true } satisfies RenderReply)
    return
  }
  let reply: RenderReply
  try {
    const known = new Map(addresses)
    reply = {
      id,
      fields: values.map((value) => {
        const field = renderField(value, known)
        return [field.markdown, field.html, field.text]
      }),
    }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  // Told before the answer arrives, so the main thread stops taking other frameworks to render meanwhile.
  Atomics.store(claims, id, ANSWERED)
  parentPort?.postMessage(reply)
})
