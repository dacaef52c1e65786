#!/usr/bin/env -S npx tsx
/**
 * The only module that touches process, argv, stdout and exit codes.
 * Exit codes: 0 clean, 1 content errors, 2 usage or internal failure.
 */
import { run } from './cli/run.ts'
import { stopOnSignals } from './cli/signals.ts'
import { streamFailure } from './cli/streams.ts'
import { safeForTerminal } from './shared/terminal.ts'

stopOnSignals((text) => process.stderr.write(safeForTerminal(text)))

// A closed pipe (`thresholds check | head -1`) or a full disk (`> /dev/full`) on either stream:
// one plain line where it can still be read, exit 2, and nothing more is written.
let failed: { stdout?: boolean; stderr?: boolean } = {}
const onFailure = (stream: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
  if (failed[stream]) return
  failed = { ...failed, [stream]: true }
  process.exitCode = 2
  const line = streamFailure(stream, error)
  if (line && !failed.stderr) process.stderr.write(line)
}
process.stdout.on('error', onFailure('stdout'))
process.stderr.on('error', onFailure('stderr'))
const write = (stream: 'stdout' | 'stderr') => (text: string) => {
  if (failed[stream]) return
  try {
    process[stream].write(safeForTerminal(text))
  } catch (error) {
    onFailure(stream)(error as NodeJS.ErrnoException)
  }
}

// Every formatter escapes what it quotes; safeForTerminal is the guard for anything else printed.
const code = await run(process.argv.slice(2), {
  stdout: write('stdout'),
  stderr: write('stderr'),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
  uid: process.getuid?.(),
})
// A stream that failed during the run has already set 2; one that fails while the last output
// drains sets it then.
process.exitCode = failed.stdout || failed.stderr ? 2 : code
