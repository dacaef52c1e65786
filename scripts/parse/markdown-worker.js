// Parses Markdown for scripts/parse/bounded.ts in a worker thread, so that a file the parser reads
// slowly (its running time grows with the square of some inputs) can be stopped instead of
// stopping the whole run. Plain JavaScript: the worker needs no TypeScript loader.
// Keep the plugins in step with markdownProcessor() in markdown.ts (a test compares the two).
import { workerData } from 'node:worker_threads'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const { port, signal } = workerData

// A request is the text, or { id, text }: the reply then carries the id, so a reply that arrives
// late can never be taken for the answer about another file.
port.on('message', (request) => {
  const text = typeof request === 'string' ? request : request.text
  let reply
  try {
    reply = { tree: processor.parse(text) }
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) }
  }
  if (typeof request !== 'string') reply.id = request.id
  port.postMessage(reply)
  Atomics.store(signal, 0, 1)
  Atomics.notify(signal, 0)
})
