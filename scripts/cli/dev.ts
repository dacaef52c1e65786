import { startDev } from '../dev/index.ts'
import { UsageError } from '../shared/usage-error.ts'
import path from 'node:path'
import { frameworkFolders, outputFolder, parse, printReport } from './commands.ts'
import type { Io } from './io.ts'
import { devHelp } from './help.ts'
import { refuseDroppingNeighbours } from './scope.ts'

/**
 * Runs until Ctrl-C (SIGINT) or SIGTERM, which stop it like every command (cli/signals.ts: exit
 * 130 or 143, a staging folder of a rebuild removed).
 */
export async function devCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    out: { type: 'string' },
  } as const)
  if (values.help) {
    io.stdout(devHelp)
    return 0
  }
  const portText = typeof values.port === 'string' ? values.port : '4173'
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port expects a number from 0 to 65535, got “${portText}”`)
  const port = Number(portText)
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1'
  const chosen = frameworkFolders(positionals, io) // a usage error now rather than an empty preview
  const outDir = outputFolder(values.out, 'site', positionals, io)
  // The preview is written to the site folder too: one framework's must not take the others' pages out of it.
  if (positionals.length > 0) refuseDroppingNeighbours(chosen, outDir, path.relative(io.cwd, outDir) || outDir, 'site', 'dev')
  try {
    await startDev({
      paths: positionals,
      cwd: io.cwd,
      env: io.env,
      host,
      port,
      outDir,
      report: (input) => printReport(input, { format: 'text', quiet: false }, io),
      log: (line) => io.stderr(`${line}\n`),
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${port} is already in use, expected a free port: try --port ${port + 1}, or --port 0 for any free one`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`Cannot serve on “${host}”, expected an address of this computer such as 127.0.0.1`)
    throw error
  }
  // The server keeps the process alive until a signal ends it.
  await new Promise<never>(() => undefined)
  return 0
}
