#!/usr/bin/env -S npx tsx
/**
 * The only module that touches process, argv, stdout and exit codes.
 * Exit codes: 0 clean, 1 content errors, 2 usage or internal failure.
 */
import { run } from './cli/run.ts'
import { stopOnSignals } from './cli/signals.ts'

stopOnSignals((text) => process.stderr.write(text))

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
})
