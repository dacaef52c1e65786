/**
 * Worker thread: parses Markdown texts sent by scripts/parse/workers.ts and sends back the trees.
 * Only the parse runs here; everything that needs the whole framework stays on the main thread.
 */
import { parentPort } from 'node:worker_threads'
import type { Root } from 'mdast'
import { markdownProcessor, nestingTooDeep } from './markdown.ts'

parentPort?.on('message', (texts: string[]) => {
  const trees: Array<Root | null> = texts.map((text) => {
    // Too deep to parse safely: the main thread reports it and never asks for the tree.
    if (nestingTooDeep(text)) return null
    try {
      return markdownProcessor().parse(text)
    } catch {
      return null
    }
  })
  parentPort?.postMessage(trees)
})
