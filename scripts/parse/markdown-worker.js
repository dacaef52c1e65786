// Parses Markdown for scripts/parse/bounded.ts and scripts/parse/workers.ts in a worker thread, so
// that a file the parser reads slowly (its running time grows with the square of some inputs) can
// be stopped instead of stopping the whole run. Plain JavaScript: the worker needs no TypeScript loader.
// Keep the plugins in step with markdownProcessor() in markdown.ts (a test compares the two).
import { workerData } from 'node:worker_threads'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import { plainMarkdownFirst } from './plain-markdown.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(plainMarkdownFirst).freeze()
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
  const { bytes, ends, next, current, open, parseMs, parseSince, lane } = queue
  // A text the lane's last worker had taken but not started when it ended: this one's first.
  let held = queue.held
  const whole = Buffer.from(bytes)
  const now = () => performance.timeOrigin + performance.now()
  // The parser is loaded: the main thread's guard of a start that never ends is over.
  port.postMessage({ ready: true })
  for (;;) {
    const index = held ?? Atomics.add(next, 0, 1)
    held = undefined
    if (index >= ends.length) break
    // The main thread has not yet taken enough of the trees sent: wait until it lets this text in
    // (-1: the run is over), so parsed trees never pile up while it builds models. Waiting, the
    // lane says which text it holds (-2 - index), so a lane that ends meanwhile gives it back.
    Atomics.store(current, lane, -2 - index)
    let opened = Atomics.load(open, 0)
    // Told, so the main thread sees a run where every lane waits or has ended while a text let in has no tree.
    if (opened >= 0 && index >= opened) port.postMessage({ waiting: true })
    while (opened >= 0 && index >= opened) {
      Atomics.wait(open, 0, opened)
      opened = Atomics.load(open, 0)
    }
    if (opened < 0) break
    Atomics.store(current, lane, index)
    // The run's parse budget counts the time each lane spends parsing, not waiting.
    const since = now()
    parseSince[lane] = since
    const start = index === 0 ? 0 : ends[index - 1]
    const reply = parse(whole.toString('utf8', start, ends[index]))
    parseMs[lane] += now() - since
    parseSince[lane] = 0
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
