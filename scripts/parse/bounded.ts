import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { Root } from 'mdast'
import path from 'node:path'
import { toolRoot } from '../shared/paths.ts'
import type { SourceFile } from '../shared/source-file.ts'
import { parseMarkdown } from './markdown.ts'

/**
 * Limits on parsing one file. The Markdown parser's time grows with the square of some inputs:
 * 64 kB of lines underlined with “-” take over a minute, and 2 MB of short bullet points need
 * several GB. The shipped files take milliseconds and a few MB each.
 */
export const PARSE_TIME_LIMIT_MS = 10_000
export const PARSE_MEMORY_LIMIT_MB = 1024

/** The file took longer or needed more memory than the limits allow; the parser was stopped. */
export class ParseLimitError extends Error {}

interface Parser {
  worker: Worker
  port: MessagePort
  signal: Int32Array
}

let parser: Parser | undefined
let unavailable = false

function start(): Parser | undefined {
  if (unavailable) return undefined
  try {
    const signal = new Int32Array(new SharedArrayBuffer(4))
    const { port1, port2 } = new MessageChannel()
    // By path from the tool's folder: the same file whether this runs from scripts/ or dist/.
    const worker = new Worker(path.join(toolRoot, 'scripts/parse/markdown-worker.js'), {
      workerData: { port: port2, signal },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: PARSE_MEMORY_LIMIT_MB },
    })
    // Neither may keep the process alive once the run is over.
    worker.unref()
    port1.unref()
    // A worker that runs out of memory reports it here; the wait below has already given up on it.
    worker.on('error', () => undefined)
    return { worker, port: port1, signal }
  } catch {
    // No worker threads here: parse in this thread, without the limits.
    unavailable = true
    return undefined
  }
}

function stop(): void {
  void parser?.worker.terminate()
  parser?.port.close()
  parser = undefined
}

/**
 * Starts the parse worker now, so that it loads the parser while this thread goes on reading
 * files; the first parse then does not wait for it.
 */
export function prepareParser(): void {
  parser ??= start()
}

/**
 * Parses a file's Markdown in a worker thread and waits for it, at most PARSE_TIME_LIMIT_MS; the
 * worker may use at most PARSE_MEMORY_LIMIT_MB. Over either limit the worker is stopped and
 * ParseLimitError thrown; the next file gets a fresh worker. Synchronous, like the rest of the
 * loader: this thread sleeps in Atomics.wait until the worker answers.
 */
export function parseMarkdownBounded(file: SourceFile): Root {
  parser ??= start()
  if (!parser) return parseMarkdown(file)
  const { port, signal } = parser
  Atomics.store(signal, 0, 0)
  port.postMessage(file.text)
  if (Atomics.wait(signal, 0, 0, PARSE_TIME_LIMIT_MS) === 'timed-out') {
    stop()
    throw new ParseLimitError(`it took longer than ${PARSE_TIME_LIMIT_MS / 1000} s or needed more than ${PARSE_MEMORY_LIMIT_MB} MB`)
  }
  // The reply is queued before the worker signals; allow for it still being on its way.
  let received = receiveMessageOnPort(port)
  for (let tries = 0; !received && tries < 100; tries++) {
    Atomics.wait(signal, 0, 1, 10)
    received = receiveMessageOnPort(port)
  }
  const reply = received?.message as { tree?: Root; error?: string } | undefined
  if (!reply?.tree) throw new Error(reply?.error ?? 'the Markdown parser did not answer')
  return reply.tree
}
