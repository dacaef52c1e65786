import path from 'node:path'
import { startDev } from '../dev/index.ts'
import { UsageError } from '../parse/index.ts'
import { frameworkFolders, parse, printReport } from './commands.ts'
import type { Io } from './run.ts'

export const devHelp = `Usage: thresholds dev [paths...] [options]

Preview while you edit. Checks the frameworks, builds the website (as thresholds site does) and
serves it on this computer only. Then, each time you save a file, it checks again what the change
affects, prints the problems, rebuilds the pages and reloads them in the browser. While there are
errors the preview keeps the last version without errors and says so at the top of the page.

Options:
  --port <n>         Port to serve on (default 4173; 0 picks a free one)
  --host <address>   Address to serve on (default 127.0.0.1, this computer only)
  --out <dir>        Where the site is also written (default generated/site)
  -h, --help         Show this help

Stop it with Ctrl-C.

Exit codes: 0 stopped, 2 usage error (for example the port is taken) or internal failure.
`

/** Runs until Ctrl-C (SIGINT) or SIGTERM, then closes the watcher and the server and exits 0. */
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
  frameworkFolders(positionals, io) // a usage error now rather than an empty preview
  let dev
  try {
    dev = await startDev({
      paths: positionals,
      cwd: io.cwd,
      host,
      port,
      outDir: path.resolve(io.cwd, typeof values.out === 'string' ? values.out : 'generated/site'),
      report: (input) => printReport(input, { format: 'text', quiet: false }, io),
      log: (line) => io.stderr(`${line}\n`),
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${port} is already in use, expected a free port: try --port ${port + 1}, or --port 0 for any free one`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`Cannot serve on “${host}”, expected an address of this computer such as 127.0.0.1`)
    throw error
  }
  const handle = dev
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await handle.close()
  io.stderr('Stopped.\n')
  return 0
}
