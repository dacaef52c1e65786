// Builds whole frameworks for framework-workers.ts on a worker thread: parses each file, builds the
// model and runs the framework's own rules here, so both cores share the model work and no syntax
// tree crosses threads. The rules that compare frameworks run here too, once the main thread sends
// what every framework gives them. Compiled into dist/framework-worker.js (scripts/bin/compile.ts);
// from the sources, framework-worker-sources.js loads this file through tsx.
import { workerData } from 'node:worker_threads'
import type { Root } from 'mdast'
import { comparedOf, startRules, type ComparedParts, type StartedRules } from '../check/runner.ts'
import { storeMessage, type StoredMessage } from '../shared/diagnostics.ts'
import { createSourceFile, type SourceFile } from '../shared/source-file.ts'
import { buildFramework } from '../parse/build.ts'
import { markdownProcessor } from '../parse/markdown.ts'
import { sourcesOf, type FrameworkFile, type FrameworkFolder } from '../parse/read.ts'
import { PARSED, PARSING, type FileShape, type FolderShape, type FrameworkWorkerData, type WorkerReply } from './framework-work.ts'

const { port, queue, lane, folders, rules } = workerData as FrameworkWorkerData
const whole = Buffer.from(queue.bytes)
const textOf = (index: number) => (index < 0 ? '' : whole.toString('utf8', index === 0 ? 0 : (queue.ends[index - 1] as number), queue.ends[index]))
const processor = markdownProcessor()
const now = () => performance.timeOrigin + performance.now()

/** The folder as the main thread read it, each source file knowing its text's index. */
function rebuild(shape: FolderShape): { folder: FrameworkFolder; textIndex: Map<SourceFile, number> } {
  const textIndex = new Map<SourceFile, number>()
  const source = (file: FileShape) => {
    const made = createSourceFile(file.path, file.relative, textOf(file.text))
    textIndex.set(made, file.text)
    return made
  }
  const files: FrameworkFile[] = shape.files.map((file) => ({ kind: file.kind, source: source(file), readable: file.readable, ...(file.digest ? { digest: file.digest } : {}) }))
  return { folder: { id: shape.id, dir: shape.dir, folderFile: source(shape.folderFile), files, unread: shape.unread.map(source) }, textIndex }
}

/** Parses one file, saying which it is and how long it takes, for the main thread's budget. */
function parser(textIndex: Map<SourceFile, number>): (source: SourceFile) => Root {
  return (source) => {
    const index = textIndex.get(source) ?? -1
    Atomics.store(queue.status, index, PARSING)
    const since = now()
    queue.parseSince[lane] = since
    try {
      return processor.parse(source.text)
    } catch (error) {
      throw error instanceof Error ? error : new Error(String(error))
    } finally {
      queue.parseMs[lane] = (queue.parseMs[lane] as number) + now() - since
      queue.parseSince[lane] = 0
      Atomics.store(queue.status, index, PARSED)
    }
  }
}

/** Each file's messages from `from` on, stored (see storeMessage). */
function messagesFrom(sources: readonly SourceFile[], from: readonly number[]): StoredMessage[][] {
  return sources.map((source, i) => source.vfile.messages.slice(from[i] ?? 0).map(storeMessage))
}

const held: Array<{ index: number; sources: SourceFile[]; counts: number[]; started: StartedRules }> = []

port.postMessage({ ready: true } satisfies WorkerReply)
for (;;) {
  const index = Atomics.add(queue.next, 0, 1)
  if (index >= folders.length) break
  const { folder, textIndex } = rebuild(folders[index] as FolderShape)
  const context = buildFramework(folder, { parse: parser(textIndex) })
  const sources = sourcesOf(folder)
  const parseCounts = sources.map((source) => source.vfile.messages.length)
  const started = startRules(context, rules)
  const compared = comparedOf(context.framework)
  const counts = sources.map((source) => source.vfile.messages.length)
  held.push({ index, sources, counts, started })
  port.postMessage({ built: { index, framework: context.framework, compared, messages: messagesFrom(sources, []), parseCounts } } satisfies WorkerReply)
}
port.postMessage({ done: true } satisfies WorkerReply)

port.on('message', ({ compared }: { compared: ComparedParts[] }) => {
  try {
    const finished = held.map(({ index, sources, counts, started }) => {
      const suppressed = started.finish(compared)
      return { index, messages: messagesFrom(sources, counts), suppressed }
    })
    port.postMessage({ finished } satisfies WorkerReply)
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies WorkerReply)
  }
  port.close()
})
