import { MessageChannel } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { takeReply } from '../../scripts/parse/bounded.ts'

const tree = (value: string) => ({ type: 'root' as const, children: [{ type: 'text' as const, value }] })
const channels: MessageChannel[] = []
function channel(): MessageChannel {
  const made = new MessageChannel()
  channels.push(made)
  return made
}
afterEach(() => {
  for (const made of channels.splice(0)) {
    made.port1.close()
    made.port2.close()
  }
})

// A reply that arrives after its file was given up on must never be taken as another file's tree.
describe('the bounded parser takes only the reply to its own request', () => {
  it('passes over a late reply about an earlier file and takes its own', () => {
    const { port1, port2 } = channel()
    port2.postMessage({ id: 1, tree: tree('contacts.md') })
    port2.postMessage({ id: 2, tree: tree('levels/01-early-help.md') })
    const signal = new Int32Array(new SharedArrayBuffer(4))
    expect(takeReply(port1, signal, 2, 1_000)).toEqual({ id: 2, tree: tree('levels/01-early-help.md') })
  })

  it('gives nothing, rather than an earlier file’s tree, when its own reply does not come in time', () => {
    const { port1, port2 } = channel()
    port2.postMessage({ id: 1, tree: tree('contacts.md') })
    const signal = new Int32Array(new SharedArrayBuffer(4))
    expect(takeReply(port1, signal, 2, 50)).toBeUndefined()
  })

  it('takes an error reply for its own request', () => {
    const { port1, port2 } = channel()
    port2.postMessage({ id: 7, error: 'Maximum call stack size exceeded' })
    const signal = new Int32Array(new SharedArrayBuffer(4))
    expect(takeReply(port1, signal, 7, 1_000)).toEqual({ id: 7, error: 'Maximum call stack size exceeded' })
  })
})
