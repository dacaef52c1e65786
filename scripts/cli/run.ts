import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { checkFrameworks, type CheckResult } from '../check/index.ts'
import { generateFiles } from '../generate/index.ts'
import { compareOutput, writeOutput } from '../generate/writer.ts'
import { findFrameworkFolders, loadFrameworks, UsageError } from '../parse/index.ts'
import { pinDerivedIds } from '../parse/pin-ids.ts'
import { formatJson } from '../report/json.ts'
import { formatText } from '../report/text.ts'
import { buildHelp, checkHelp, idsHelp, mainHelp } from './help.ts'
import { onlineCheckOptions, onlineOptions, type OnlineValues } from './online.ts'

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  isTTY: boolean
  cwd: string
}

const FORMATS = ['text', 'json'] as const
type Format = (typeof FORMATS)[number]

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(mainHelp)
        return command === undefined ? 2 : 0
      case '-v':
      case '--version':
        io.stdout(`${version()}\n`)
        return 0
      case 'check':
        return await checkCommand(rest, io)
      case 'build':
        return await buildCommand(rest, io)
      case 'ids':
        return idsCommand(rest, io)
      case 'diff':
        // Loaded only when used, so other commands do not pay for it.
        return await (await import('./diff.ts')).diffCommand(rest, io)
      default:
        io.stderr(`Unknown command “${command}”, expected check, build, ids or diff.\n\n${mainHelp}`)
        return 2
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`)
      return 2
    }
    // Internal failure: one plain line, never a stack trace (set THRESHOLDS_DEBUG=1 for it).
    io.stderr(`Thresholds failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`)
    if (process.env.THRESHOLDS_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`)
    return 2
  }
}

/** node:util parseArgs, with its errors turned into usage errors (exit 2, no stack trace). */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options } as T & { help: { type: 'boolean'; short: 'h' } }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/, '') : String(error))
  }
}

function formatOf(value: unknown): Format {
  const format = (value ?? 'text') as Format
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format “${String(value)}”, expected ${FORMATS.join(' or ')}`)
  return format
}

async function runCheck(positionals: string[], io: Io, online: OnlineValues = {}): Promise<CheckResult> {
  const folders = findFrameworkFolders(positionals, io.cwd)
  if (folders.length === 0) throw new UsageError('No frameworks found, expected a folder such as sources/shropshire')
  const contexts = loadFrameworks(folders)
  return checkFrameworks(contexts, await onlineCheckOptions(contexts, online, io))
}

function printReport(result: CheckResult, format: Format, quiet: boolean, io: Io): void {
  if (format === 'json') {
    io.stdout(formatJson(result.files, { suppressed: result.suppressed, quiet }))
    return
  }
  const text = formatText(result.files, { color: io.isTTY, quiet })
  if (text) io.stderr(`${text}\n`)
  else io.stderr(`${result.contexts.length} framework${result.contexts.length === 1 ? '' : 's'} checked: no problems\n`)
}

async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, quiet: { type: 'boolean' }, ...onlineOptions } as const)
  if (values.help) {
    io.stdout(checkHelp)
    return 0
  }
  const format = formatOf(values.format)
  const result = await runCheck(positionals, io, values)
  printReport(result, format, Boolean(values.quiet), io)
  return result.errors > 0 ? 1 : 0
}

async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, quiet: { type: 'boolean' }, check: { type: 'boolean' }, out: { type: 'string' }, ...onlineOptions } as const)
  if (values.help) {
    io.stdout(buildHelp)
    return 0
  }
  const format = formatOf(values.format)
  const outDir = path.resolve(io.cwd, typeof values.out === 'string' ? values.out : 'generated')
  const result = await runCheck(positionals, io, values)
  if (result.errors > 0 || format === 'json' || result.warnings > 0) printReport(result, format, Boolean(values.quiet), io)
  if (result.errors > 0) {
    io.stderr(`Nothing was written to ${path.relative(io.cwd, outDir) || outDir}/: fix the ${result.errors} error${result.errors === 1 ? '' : 's'} above first.\n`)
    return 1
  }
  const files = await generateFiles(result.contexts)
  const shownOut = path.relative(io.cwd, outDir) || outDir
  if (values.check) {
    const drift = compareOutput(outDir, files)
    if (drift.changed.length === 0 && drift.removed.length === 0) {
      io.stderr(`${shownOut}/ is up to date with the sources.\n`)
      return 0
    }
    io.stderr(`${shownOut}/ is not what the sources produce. Run “npm run build” and commit the result.\n`)
    for (const file of drift.changed) io.stderr(`  differs: ${shownOut}/${file}\n`)
    for (const file of drift.removed) io.stderr(`  stale:   ${shownOut}/${file}\n`)
    return 1
  }
  const written = writeOutput(outDir, files)
  io.stderr(
    written.changed.length || written.removed.length
      ? `Wrote ${written.changed.length} file${written.changed.length === 1 ? '' : 's'}${written.removed.length ? `, removed ${written.removed.length}` : ''} in ${shownOut}/.\n`
      : `${shownOut}/ is already up to date.\n`,
  )
  return 0
}

function idsCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { write: { type: 'boolean' } } as const)
  if (values.help) {
    io.stdout(idsHelp)
    return 0
  }
  const folders = findFrameworkFolders(positionals, io.cwd)
  const result = checkFrameworks(loadFrameworks(folders), { only: [] })
  if (result.errors > 0) {
    printReport(result, 'text', true, io)
    io.stderr('Ids were not written: fix the errors above first.\n')
    return 1
  }
  let total = 0
  for (const parsed of result.contexts) {
    const { texts, edits } = pinDerivedIds(parsed)
    total += edits.length
    for (const edit of edits) io.stdout(`${edit.file}:${edit.line}  {#${edit.id}}\n`)
    if (values.write) for (const [file, text] of texts) writeFileSync(path.resolve(io.cwd, file), text)
  }
  io.stderr(total === 0 ? 'Every id is already pinned.\n' : values.write ? `Pinned ${total} id${total === 1 ? '' : 's'}.\n` : `${total} derived id${total === 1 ? '' : 's'}; run with --write to pin them.\n`)
  return 0
}
