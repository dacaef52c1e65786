// Renders Markdown fields for field-renderer.ts on a worker thread, so the build's main thread
// prints the typed modules meanwhile. Compiled into dist/render-worker.js (scripts/bin/compile.ts);
// from the sources, render-worker-sources.js loads this file through tsx.
import { parentPort } from 'node:worker_threads'
import { renderField } from './render-field.ts'

/** One framework's Markdown values, and the final address of each `#id` (markdown.ts: addressesOf). */
export interface RenderRequest {
  id: number
  values: string[]
  addresses: Array<[string, string | undefined]>
}

/** Each value's Markdown, HTML and plain text, in the order asked; or why rendering failed. */
export interface RenderReply {
  id: number
  fields?: Array<[string, string, string]>
  error?: string
}

parentPort?.on('message', ({ id, values, addresses }: RenderRequest) => {
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
  parentPort?.postMessage(reply)
})
