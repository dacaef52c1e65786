/** The commands themselves, loaded by run.ts only when one runs. */
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CheckCache } from '../cache/check.ts'
import { openContentCache } from '../cache/store.ts'
import { checkFrameworks, type CheckedFramework, type CheckResult } from '../check/index.ts'
import { todayUtc } from '../shared/today.ts'
import { DEFAULT_OUTPUT, markerKind, refuseOutputFolder, type OutputKind } from '../generate/output-folder.ts'
import type { WriteResult } from '../generate/writer.ts'
import { findFrameworkFolders, loadFrameworksInParallel } from '../parse/index.ts'
import { checkRun, type CheckRunOptions } from '../pipeline/check.ts'
import { writeFileAtomic } from '../shared/atomic-write.ts'
import { toolVersion } from '../shared/paths.ts'
import { UsageError } from '../shared/usage-error.ts'
import { pinDerivedIds } from '../parse/pin-ids.ts'
import { colorEnabled } from '../report/color.ts'
import { FORMATS, formatReport, isFormat, type Format } from '../report/index.ts'
import { countsOf, plural, reportInput, type Counts, type ReportInput } from '../report/input.ts'
import { changedSince, onlyFiles } from './changed.ts'
import { realPathOf } from '../shared/real-path.ts'
import { onlyFrameworks, refuseDroppingNeighbours, withNeighbours } from './scope.ts'
import { buildHelp, checkHelp, idsHelp } from './help.ts'
import { onlineCheckOptions, onlineOptions, refuseOnlineSettingsAlone, type OnlineValues } from './online.ts'
import type { Io } from './io.ts'
import type { VFile } from 'vfile'
import { compareMessage } from 'vfile-sort'
import { compareStrings } from '../shared/text.ts'
import { PACKAGE_NAME } from '../generate/package.ts'
import { planUmbrella } from './umbrella.ts'

/** node:util parseArgs, with its errors turned into usage errors (exit 2, no stack trace). */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options } as T & { help: { type: 'boolean'; short: 'h' } }, allowPositionals: true, strict: true })
  } catch (error) {
    // One plain line: node's messages can run over several.
    throw new UsageError(error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ').replace(/\. To specify a positional argument.*$/, '') : String(error))
  }
}

export function formatOf(value: unknown): Format {
  const format = String(value ?? 'text')
  if (!isFormat(format)) throw new UsageError(`Unknown format “${format}”, expected ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}`)
  return format
}

export function maxWarningsOf(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const text = String(value)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got “${text}”`)
  return Number(text)
}

export function frameworkFolders(positionals: string[], io: Io): string[] {
  const folders = findFrameworkFolders(positionals, io.cwd)
  if (folders.length === 0) throw new UsageError('No frameworks found, expected a folder such as sources/shropshire')
  return folders
}

/** `--no-cache`, for every command that checks. */
export const cacheOptions = { 'no-cache': { type: 'boolean' } } as const

/** The content cache for this run, unless switched off (`--no-cache`) or results depend on the web (`--online`). */
export function contentCache(values: { 'no-cache'?: boolean; online?: boolean }, io: Io): CheckCache | undefined {
  if (values['no-cache'] || values.online) return undefined
  const { cache, warning } = openContentCache(io.cwd, io.env, io.uid)
  if (warning) io.stderr(`${warning}\n`)
  return cache && new CheckCache(cache, io.env)
}

/** What the pipeline takes from the command: its folder, its environment, and the date (THRESHOLDS_TODAY or today). */
export function runSettings(io: Io): { cwd: string; env: Io['env']; today: string } {
  return { cwd: io.cwd, env: io.env, today: todayUtc(io.env) }
}

/** The check stage of every command that checks, through the content cache when there is one. */
export async function checkFolders(folders: readonly string[], io: Io, online: OnlineValues = {}, cache?: CheckCache, modelBuilt?: CheckRunOptions['modelBuilt']): Promise<CheckResult<CheckedFramework>> {
  refuseOnlineSettingsAlone(online)
  // contentCache() gives none with --online.
  return checkRun(folders, { ...runSettings(io), memo: cache, probe: online.online ? (contexts) => onlineCheckOptions(contexts, online, io) : undefined, modelBuilt })
}

interface ReportSettings {
  format: Format
  quiet: boolean
}

/**
 * Writes the report: text (for people) to stderr, every other format to stdout so it can be
 * redirected to a file. The github format also writes the summary line to stderr, because the
 * Actions log shows annotations only on the pull request.
 */
export function printReport(input: ReportInput, settings: ReportSettings, io: Io): void {
  const options = { quiet: settings.quiet, cwd: io.cwd, version: toolVersion(), color: settings.format === 'text' && colorEnabled(io.stderrIsTTY, io.env) }
  const output = formatReport(settings.format, input, options)
  if (settings.format === 'text') {
    io.stderr(output)
    return
  }
  io.stdout(output)
  if (settings.format === 'github') io.stderr(`${summaryText(countsOf(input), input.frameworks.length)}\n`)
}

function summaryText(counts: Counts, frameworks: number): string {
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.suppressed} suppressed in ${plural(frameworks, 'framework')}`
}

/** Exit 1 with the reason when there are more warnings than allowed; undefined when within the limit. */
export function tooManyWarnings(counts: Counts, maxWarnings: number | undefined): string | undefined {
  if (maxWarnings === undefined || counts.warnings <= maxWarnings) return undefined
  return `${plural(counts.warnings, 'warning')} found, more than --max-warnings ${maxWarnings} allows`
}

/**
 * The output folder of a command that writes (build, site, dev), refused before anything runs
 * when the command must not replace it (see generate/output-folder.ts).
 */
export function outputFolder(given: unknown, kind: OutputKind, positionals: readonly string[], io: Io, compareOnly = false): string {
  const out = typeof given === 'string' ? given : undefined
  const outDir = path.resolve(io.cwd, out ?? DEFAULT_OUTPUT[kind])
  // Without paths the sources are sources/, which refuseOutputFolder always protects.
  const sourceRoots = positionals.map((given) => path.resolve(io.cwd, given))
  refuseOutputFolder({ given: out, outDir, kind, cwd: io.cwd, sourceRoots, compareOnly })
  return outDir
}

/** The settings every command that writes (build, site) takes: report, warning limit, output folder. */
export function writerSettings(values: { format?: unknown; quiet?: boolean; 'max-warnings'?: unknown; out?: unknown; check?: boolean }, kind: OutputKind, positionals: readonly string[], io: Io) {
  const outDir = outputFolder(values.out, kind, positionals, io, Boolean(values.check))
  return {
    settings: { format: formatOf(values.format), quiet: Boolean(values.quiet) },
    maxWarnings: maxWarningsOf(values['max-warnings']),
    outDir,
    shownOut: path.relative(io.cwd, outDir) || outDir,
  }
}

/** What a command that writes says afterwards; `then` follows when something was written. */
export function reportWritten(written: WriteResult, shownOut: string, io: Io, then = ''): void {
  io.stderr(
    written.changed.length || written.removed.length
      ? `Wrote ${plural(written.changed.length, 'file')}${written.removed.length ? `, removed ${written.removed.length}` : ''} in ${shownOut}/.${then}\n`
      : `${shownOut}/ is already up to date.\n`,
  )
}

/** The report with problems found after the check (the package's version, see umbrella.ts), in files the check may not have listed. */
function withFiles(input: ReportInput, files: readonly VFile[]): ReportInput {
  const added = files.filter((file) => !input.files.includes(file))
  for (const file of files) file.messages.sort(compareMessage)
  return added.length ? { ...input, files: [...input.files, ...added].sort((a, b) => compareStrings(a.path, b.path)) } : input
}

/**
 * What `build` would refuse about the package already built in generated/ (a framework version
 * lower than it records, a damaged package.json), so `check` says it first. Only a folder
 * Thresholds made counts: another tool's generated/ is none of its business.
 */
function builtPackageProblems(contexts: readonly CheckedFramework[], chosen: readonly string[], io: Io): VFile[] {
  const outDir = path.resolve(io.cwd, DEFAULT_OUTPUT.package)
  if (markerKind(outDir) !== 'package') return []
  return planUmbrella(
    contexts.filter((context) => chosen.includes(path.resolve(context.folder.dir))),
    outDir,
    DEFAULT_OUTPUT.package,
    io.cwd,
  ).files
}

/**
 * For commands that write (build, site): reports the check and, when there are errors or more
 * warnings than allowed, says that nothing was written and returns the exit code.
 */
export async function checkBeforeWriting<C extends CheckedFramework>(result: CheckResult<C>, settings: ReportSettings, maxWarnings: number | undefined, shownOut: string, io: Io, chosen?: readonly string[], extraFiles: readonly VFile[] = []): Promise<CheckResult<C> | number> {
  // Checked beside their neighbours (see checkChosen), the chosen frameworks alone are reported and written.
  const input = withFiles(chosen ? onlyFrameworks(reportInput(result), chosen) : reportInput(result), extraFiles)
  const counts = countsOf(input)
  // Tools always get their document; people get the text report only when there is something in it.
  if (settings.format !== 'text' || counts.errors > 0 || counts.warnings > 0) printReport(input, settings, io)
  if (counts.errors > 0) {
    io.stderr(`Nothing was written to ${shownOut}/: fix the ${plural(counts.errors, 'error')} above first.\n`)
    return 1
  }
  const excess = tooManyWarnings(counts, maxWarnings)
  if (excess) {
    io.stderr(`Nothing was written to ${shownOut}/: ${excess}.\n`)
    return 1
  }
  return chosen ? { ...result, contexts: result.contexts.filter((context) => chosen.includes(path.resolve(context.folder.dir))) } : result
}

/**
 * The frameworks the command names, checked with every framework beside them, so that rules that
 * compare frameworks see them all: `build sources/solihull` reports exactly what the full check
 * reports for Solihull. Give the result to checkBeforeWriting with `folders`.
 */
export async function checkChosen(positionals: readonly string[], io: Io, values: Parameters<typeof checkFolders>[2], cache: Parameters<typeof checkFolders>[3], modelBuilt?: CheckRunOptions['modelBuilt']) {
  const folders = frameworkFolders([...positionals], io)
  return { folders, result: await checkFolders(withNeighbours(folders), io, values, cache, modelBuilt) }
}

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    'changed-since': { type: 'string' },
    ...onlineOptions,
    ...cacheOptions,
  } as const)
  if (values.help) {
    io.stdout(checkHelp)
    return 0
  }
  const settings = { format: formatOf(values.format), quiet: Boolean(values.quiet) }
  const maxWarnings = maxWarningsOf(values['max-warnings'])
  let folders = frameworkFolders(positionals, io)
  let changed: Set<string> | undefined
  const ref = values['changed-since']
  if (ref !== undefined) {
    changed = changedSince(ref, io.cwd)
    const touched = (folder: string) => {
      const inside = `${realPathOf(folder)}${path.sep}`
      return [...(changed ?? [])].some((file) => file.startsWith(inside))
    }
    folders = folders.filter(touched)
    if (folders.length === 0) {
      io.stderr(`No framework file changed since ${ref}: nothing to check.\n`)
      if (settings.format !== 'text') printReport({ files: [], suppressed: [], frameworks: [] }, settings, io)
      return 0
    }
  }
  // Every framework beside the chosen ones is checked too, so comparing rules see them all; only the report is scoped.
  const result = await checkFolders(withNeighbours(folders), io, values, contentCache(values, io))
  let input = withFiles(onlyFrameworks(reportInput(result), folders), builtPackageProblems(result.contexts, folders, io))
  if (changed) {
    const files = changed
    const frameworkLevel = new Set<unknown>(result.contexts.map((parsed) => parsed.folder.folderFile.vfile))
    input = onlyFiles(input, (shown) => files.has(realPathOf(path.resolve(shown))), frameworkLevel)
  }
  printReport(input, settings, io)
  const counts = countsOf(input)
  if (counts.errors > 0) return 1
  const excess = tooManyWarnings(counts, maxWarnings)
  if (excess) {
    io.stderr(`Check failed: ${excess}.\n`)
    return 1
  }
  return 0
}

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    check: { type: 'boolean' },
    base: { type: 'string' },
    out: { type: 'string' },
    ...onlineOptions,
    ...cacheOptions,
  } as const)
  if (values.help) {
    io.stdout(buildHelp)
    return 0
  }
  if (values.base !== undefined && !values.check) throw new UsageError('--base goes with --check: build --check --base <revision> checks generated/ against the release committed there')
  const { settings, maxWarnings, outDir, shownOut } = writerSettings(values, 'package', positionals, io)
  // Before the check: a package of some frameworks must not take the others out of a folder that holds them.
  if (positionals.length > 0) refuseDroppingNeighbours(frameworkFolders(positionals, io), outDir, shownOut, 'package')
  // build --check is CI's verdict on generated/: it reads and compares every byte, never the cache.
  const cache = values.check ? undefined : contentCache(values, io)
  // Loaded only for build: check needs neither generation nor the release history (diff).
  const [{ readHistories }, { buildRun }, { BuildCache }, { EarlyFields }] = await Promise.all([import('./history.ts'), import('../pipeline/build.ts'), import('../cache/generate.ts'), import('../generate/early-fields.ts')])
  // Fields rendered while the check waits for the parser; build --check compares, so it renders nothing early.
  const early = values.check ? undefined : new EarlyFields(cache && new BuildCache(cache).fields)
  const { folders, result: checked } = await checkChosen(positionals, io, values, cache, early?.offer)
  early?.stop()
  // The package holds the chosen frameworks alone; its version is counted from the release in the output folder.
  const umbrella = planUmbrella(
    checked.contexts.filter((context) => folders.includes(path.resolve(context.folder.dir))),
    outDir,
    shownOut,
    io.cwd,
    values.base,
  )
  const result = await checkBeforeWriting(checked, settings, maxWarnings, shownOut, io, folders, umbrella.files)
  if (typeof result === 'number') return result
  if (!umbrella.next) return 1
  const histories = readHistories(result.contexts, outDir, { env: io.env, today: todayUtc(io.env) }, cache)
  const written = await buildRun(outDir, result.contexts, { memo: cache && new BuildCache(cache, histories), compareOnly: values.check, shown: shownOut, histories, umbrellaVersion: umbrella.next.version, env: io.env, early })
  if (values.check) {
    if (written.changed.length === 0 && written.removed.length === 0) {
      io.stderr(`${shownOut}/ is up to date with the sources.\n`)
      return 0
    }
    io.stderr(`${shownOut}/ is not what the sources produce. Run “npm run build” and commit the result.\n`)
    for (const file of written.changed) io.stderr(`  differs: ${shownOut}/${file}\n`)
    for (const file of written.removed) io.stderr(`  stale:   ${shownOut}/${file}\n`)
    return 1
  }
  reportWritten(written, shownOut, io)
  const { next, previous } = umbrella
  if (next.bump && written.changed.includes('package.json')) io.stderr(`${PACKAGE_NAME} goes from ${previous ?? 'no release'} to ${next.version}, a new ${next.bump.toUpperCase()}: ${next.reasons.join('; ')}.\n`)
  return 0
}

function writeSourceFile(file: string, text: string, shown: string): void {
  try {
    writeFileAtomic(file, text)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : code === 'EFBIG' ? 'the file is larger than this system allows' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (error as Error).message
    throw new UsageError(`Cannot write ${shown}: ${reason}; the file was left as it was`)
  }
}

export async function idsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { write: { type: 'boolean' } } as const)
  if (values.help) {
    io.stdout(idsHelp)
    return 0
  }
  const folders = findFrameworkFolders(positionals, io.cwd)
  const result = checkFrameworks(await loadFrameworksInParallel(folders, runSettings(io)), { only: [], today: todayUtc(io.env) })
  if (result.errors > 0) {
    printReport(reportInput(result), { format: 'text', quiet: true }, io)
    io.stderr('Ids were not written: fix the errors above first.\n')
    return 1
  }
  let total = 0
  for (const parsed of result.contexts) {
    const { texts, edits } = pinDerivedIds(parsed)
    total += edits.length
    for (const edit of edits) io.stdout(`${edit.file}:${edit.line}  {#${edit.id}}\n`)
    // Each source is replaced whole (temporary file and rename): a failed write leaves it as it was.
    if (values.write) for (const [file, text] of texts) writeSourceFile(path.resolve(io.cwd, file), text, file)
  }
  io.stderr(total === 0 ? 'Every id is already pinned.\n' : values.write ? `Pinned ${total} id${total === 1 ? '' : 's'}.\n` : `${total} derived id${total === 1 ? '' : 's'}; run with --write to pin them.\n`)
  return 0
}
