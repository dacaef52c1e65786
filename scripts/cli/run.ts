/**
 * Command dispatch. Kept light on purpose: `--help` and usage errors never load the pipeline,
 * which each command imports when it runs (start-up is measured by npm run bench).
 */
import { parseLimits } from '../parse/budget.ts'
import { toolVersion } from '../shared/paths.ts'
import { SourcesChanged } from '../shared/sources-changed.ts'
import { UsageError } from '../shared/usage-error.ts'
import type { Io } from './io.ts'
import { buildHelp, changelogHelp, checkHelp, devHelp, diffHelp, idsHelp, mainHelp, newHelp, siteHelp } from './help.ts'

/** Each command's help, printed without loading the command. */
const COMMAND_HELP: Readonly<Record<string, string>> = { check: checkHelp, build: buildHelp, ids: idsHelp, diff: diffHelp, changelog: changelogHelp, site: siteHelp, dev: devHelp, new: newHelp }

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  // `<command> --help` alone needs none of the command's modules (for check, the whole pipeline).
  if (command && Object.hasOwn(COMMAND_HELP, command) && rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) {
    io.stdout(COMMAND_HELP[command] as string)
    return 0
  }
  try {
    // A malformed parse budget is a usage error even when every result comes from the cache.
    if (command && ['check', 'build', 'ids', 'diff', 'site', 'dev'].includes(command)) parseLimits(0, io.env)
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(mainHelp)
        return command === undefined ? 2 : 0
      case '-v':
      case '--version':
        io.stdout(`${toolVersion()}\n`)
        return 0
      case 'check':
        return await (await import('./commands.ts')).checkCommand(rest, io)
      case 'build':
        return await (await import('./commands.ts')).buildCommand(rest, io)
      case 'ids':
        return await (await import('./commands.ts')).idsCommand(rest, io)
      case 'diff':
        // Loaded only when used, so other commands do not pay for it.
        return await (await import('./diff.ts')).diffCommand(rest, io)
      case 'changelog':
        return await (await import('./changelog.ts')).changelogCommand(rest, io)
      case 'site':
        return await (await import('./site.ts')).siteCommand(rest, io)
      case 'dev':
        return await (await import('./dev.ts')).devCommand(rest, io)
      case 'new':
        return (await import('./new.ts')).newCommand(rest, io)
      default:
        io.stderr(`Unknown command “${command}”, expected check, build, ids, diff, changelog, site, dev or new.\n\n${mainHelp}`)
        return 2
    }
  } catch (error) {
    // Not a fault: a source file was edited during the run. Plain, like a usage error; running again reads it afresh.
    if (error instanceof UsageError || error instanceof SourcesChanged) {
      io.stderr(`${error.message}\n`)
      return 2
    }
    // Internal failure: one plain line, never a stack trace (set THRESHOLDS_DEBUG=1 for it).
    io.stderr(`Thresholds failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`)
    if (process.env.THRESHOLDS_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`)
    return 2
  }
}

