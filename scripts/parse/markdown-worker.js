// Parses Markdown for scripts/parse/bounded.ts and scripts/parse/workers.ts in a worker thread, so
// that a file the parser reads slowly (its running time grows with the square of some inputs) can
// be stopped instead of stopping the whole run. Plain JavaScript: the worker needs no TypeScript loader.
// Keep the plugins in step with markdownProcessor() in markdown.ts (a test compares the two).
import { workerData } from 'node:worker_threads'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const { port, signal, queue, ready } = workerData

function parse(text) {
  try {
    return { tree: processor.parse(text) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

if (queue) {
  // A queue shared by every worker of a run (workers.ts): each takes the next file itself, so no
  // worker waits for the main thread between files, and says which file it is on, so the main
  // thread knows which file to blame if it has to stop it.
  const { bytes, ends, next, current, lane } = queue
  const whole = Buffer.from(bytes)
  // The parser is loaded: the run's parse budget counts from here, not from the thread's start,
  // which on a busy machine can take longer than a small budget.
  port.postMessage({ ready: true })
  for (;;) {
    const index = Atomics.add(next, 0, 1)
    if (index >= ends.length) break
    Atomics.store(current, lane, index)
    const start = index === 0 ? 0 : ends[index - 1]
    const reply = parse(whole.toString('utf8', start, ends[index]))
    reply.id = index
    port.postMessage(reply)
  }
  Atomics.store(current, lane, -1)
  port.postMessage({ done: true })
} else {
  // The parser is loaded: bounded.ts counts the run's parse budget from here, not from the
  // thread's start (which on a busy machine can take longer than a small budget), and may have
  // started this thread before it had anything to parse.
  if (ready) {
    Atomics.store(ready, 0, 1)
    Atomics.notify(ready, 0)
    port.postMessage({ ready: true })
  }
  // A request is the text, or { id, text }: the reply then carries the id, so a reply that arrives
  // late can never be taken for the answer about another file.
  port.on('message', (request) => {
    const reply = parse(typeof request === 'string' ? request : request.text)
    if (typeof request !== 'string') reply.id = request.id
    port.postMessage(reply)
    Atomics.store(signal, 0, 1)
    Atomics.notify(signal, 0)
  })
}
