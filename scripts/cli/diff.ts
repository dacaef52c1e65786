/**
 * `thresholds diff`: reads both sides, compares them, prints the report, applies --fail-on.
 * `--help` and option mistakes are answered before the pipeline is loaded.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Change, DiffReport } from '../diff/types.ts'
import { todayUtc } from '../shared/today.ts'
import { UsageError } from '../shared/usage-error.ts'
import { didYouMean, ID_PATTERN } from '../shared/text.ts'
import { diffHelp } from './help.ts'
import type { Io } from './io.ts'

const FORMATS = ['markdown', 'json', 'html'] as const
type DiffFormat = (typeof FORMATS)[number]

/** What --fail-on accepts: an impact, the version flag, or a change kind. */
export function parseFailOn(values: readonly string[], kinds: readonly string[]): string[] {
  const known = ['practice', 'review', 'editorial', 'version-not-raised', ...kinds]
  const tokens = values.flatMap((value) => value.split(',')).map((token) => token.trim()).filter(Boolean)
  for (const token of tokens)
    if (!known.includes(token)) throw new UsageError(`Unknown --fail-on value “${token}”${didYouMean(token, known)}, expected practice, review, editorial, version-not-raised or a change kind (docs/changes.md)`)
  return tokens
}

/** How many real changes (entries, see types.ts) and flags the --fail-on tokens catch. */
export function failures(report: DiffReport, tokens: readonly string[]): number {
  if (tokens.length === 0) return 0
  let count = 0
  for (const framework of report.frameworks) {
    // `review` is the gate for “a person should look”: it catches practice changes too.
    const caught = (change: Change) => tokens.includes(change.impact) || tokens.includes(change.kind) || (change.impact === 'practice' && tokens.includes('review'))
    for (const entry of framework.entries) if (entry.changes.some((index) => caught(framework.changes[index] as Change))) count++
    for (const flag of framework.flags) if (tokens.includes(flag.id)) count++
  }
  return count
}

export async function diffCommand(args: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        format: { type: 'string' },
        framework: { type: 'string' },
        base: { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
        all: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/, '') : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(diffHelp)
    return 0
  }
  // A framework id is a folder name: never a path (`../..`) that would reach outside the sources.
  if (values.framework !== undefined && !ID_PATTERN.test(values.framework))
    throw new UsageError(`--framework expects a framework id (lower-case letters, digits and single hyphens, such as shropshire), got “${values.framework}”`)
  const format = (values.format ?? 'markdown') as DiffFormat
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format “${String(values.format)}”, expected ${FORMATS.join(', ')}`)
  const [{ diffVersions, leaveOutUnchanged }, { loadSide }, { changeKinds }, { formatDiffHtml }, { formatDiffJson }, { formatDiffMarkdown }, { BoundedParser }] = await Promise.all([
    import('../diff/index.ts'),
    import('../diff/inputs.ts'),
    import('../diff/registry.ts'),
    import('../diff/report/html.ts'),
    import('../diff/report/json.ts'),
    import('../diff/report/markdown.ts'),
    import('../parse/bounded.ts'),
  ])
  const failOn = parseFailOn(values['fail-on'] ?? [], changeKinds.map((kind) => kind.id))
  let oldSpec: string
  let newSpec: string
  if (values.base !== undefined) {
    if (positionals.length > 1) throw new UsageError('With --base, give at most one more argument (what to compare against the base; default sources)')
    oldSpec = values.base
    newSpec = positionals[0] ?? 'sources'
  } else {
    if (positionals.length !== 2) throw new UsageError(`Expected two versions to compare, e.g. thresholds diff main sources (got ${positionals.length}); or --base <ref> to compare the working tree with a ref`)
    oldSpec = positionals[0] as string
    newSpec = positionals[1] as string
  }
  const options = values.framework !== undefined ? { framework: values.framework } : {}
  // One parse worker for both sides.
  const parser = new BoundedParser()
  const sideOptions = { ...options, env: io.env, today: todayUtc(io.env), parser }
  const readSides = async () => {
    try {
      return [await loadSide(oldSpec, io.cwd, sideOptions), await loadSide(newSpec, io.cwd, sideOptions)] as const
    } finally {
      parser.close()
    }
  }
  const [before, after] = await readSides()
  if (values.base !== undefined && positionals.length === 0) after.info.label = `working tree (${path.normalize(newSpec)})`
  const compared = diffVersions(before.frameworks, after.frameworks, { old: before.info, new: after.info }, options)
  // Every format leaves out the same frameworks, so they all carry the same changes.
  const report = values.all ? compared : leaveOutUnchanged(compared)
  io.stdout(format === 'json' ? formatDiffJson(report) : format === 'html' ? formatDiffHtml(report) : formatDiffMarkdown(report))
  const failed = failures(report, failOn)
  const { summary } = report
  io.stderr(`${summary.changes} change${summary.changes === 1 ? '' : 's'} (${summary.practice} practice, ${summary.review} review, ${summary.editorial} editorial)${summary.flags ? `, ${summary.flags} version warning${summary.flags === 1 ? '' : 's'}` : ''}.\n`)
  if (failed > 0) {
    io.stderr(`Failing: ${failed} change${failed === 1 ? '' : 's'} of the kinds given to --fail-on (${failOn.join(', ')}).\n`)
    return 1
  }
  return 0
}
