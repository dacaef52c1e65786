/**
 * One side of a comparison, from what the command line names: a git ref of this repository,
 * a folder of sources (a framework, or a folder of frameworks), or a generated framework.json.
 * Every side is read and checked exactly like `thresholds check` would, so both sides are valid
 * models before they are compared; a side that is not is a plain error naming it (exit 2).
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { checkFrameworks } from '../check/index.ts'
import type { Framework } from '../model/types.ts'
import { getValidators } from '../model/schemas.ts'
import { removeIfStopped } from '../shared/interrupt.ts'
import type { BoundedParser } from '../parse/bounded.ts'
import { findFrameworkFolders, loadFrameworksInParallel, type CommandSettings } from '../parse/index.ts'
import { UsageError } from '../shared/usage-error.ts'
import { severityOf } from '../shared/diagnostics.ts'
import { findRepository, materialiseSources, resolveCommit } from './git.ts'
import type { SideInfo } from './types.ts'
import { upgradeFormat } from './upgrade.ts'

/**
 * How a side is read: one framework only (`--framework`), the date its check runs on (today by
 * default), the command's environment, and the bounded parser to parse on (one of its own by default).
 */
export interface SideOptions extends Pick<CommandSettings, 'env'> {
  framework?: string
  today?: string
  parser?: BoundedParser
}

export interface LoadedSide {
  info: SideInfo
  frameworks: Framework[]
}

/** A generated framework.json is a few hundred kB; anything this large is not one. */
const MAX_JSON_BYTES = 50 * 1024 * 1024
/** How many problems an error message lists before “and N more”. */
const SHOWN_PROBLEMS = 5

/** Waits for the parse without blocking, so Ctrl-C or SIGTERM stops a comparison at once (and removes a git side's temporary folder). */
export async function loadSide(spec: string, cwd: string, options: SideOptions = {}): Promise<LoadedSide> {
  const absolute = path.resolve(cwd, spec)
  if (spec !== '' && existsSync(absolute)) {
    if (statSync(absolute).isFile() && absolute.endsWith('.json')) return { info: { label: spec, source: 'json' }, frameworks: [loadFrameworkJson(absolute, spec)] }
    return { info: { label: spec, source: 'folder' }, frameworks: await loadFolders(findFrameworkFolders([spec], cwd), `“${spec}”`, { ...options, cwd }) }
  }
  const repository = findRepository(cwd)
  if (!repository) throw new UsageError(`“${spec}” is not a folder or a framework.json file, and this is not a git repository, so it cannot be a git ref`)
  const resolved = resolveCommit(repository, spec)
  if (!resolved) throw new UsageError(`“${spec}” is not a folder, a framework.json file or a git ref of this repository`)
  const { root, sources } = materialiseSources(repository, resolved.commit, spec, options.framework)
  const forget = removeIfStopped(() => rmSync(root, { recursive: true, force: true }))
  try {
    const label = resolved.resolvedAs === spec ? spec : `${spec} (${resolved.resolvedAs})`
    // Problems are shown at <ref>:<path>, where the author can find them, not in a temporary folder.
    const shown = (file: string) => (file.startsWith(sources) ? `${spec}:${repository.prefix}sources${file.slice(sources.length).split(path.sep).join('/')}` : file)
    return { info: { label, source: 'git', commit: resolved.commit }, frameworks: await loadFolders(findFrameworkFolders([sources], cwd), `the sources at “${spec}”`, { ...options, cwd }, shown) }
  } finally {
    rmSync(root, { recursive: true, force: true })
    forget()
  }
}

async function loadFolders(folders: string[], name: string, options: SideOptions & { cwd: string }, shown: (file: string) => string = (file) => file): Promise<Framework[]> {
  const { framework: only, today, env, cwd, parser } = options
  // With --framework, read only that framework when its folder is there (ids are folder names).
  const wanted = only ? folders.filter((folder) => path.basename(folder) === only) : []
  const chosen = wanted.length ? wanted : folders
  if (chosen.length === 0) throw new UsageError(`${name} holds no framework, expected a folder with a framework.md`)
  const result = checkFrameworks(await loadFrameworksInParallel(chosen, { cwd, env, parser }), today ? { today } : {})
  if (result.errors > 0) {
    const problems: string[] = []
    for (const file of result.files)
      for (const message of file.messages)
        if (severityOf(message) === 'error') problems.push(`  ${shown(file.path)}:${message.line ?? 1}:${message.column ?? 1}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd())
    const more = problems.length > SHOWN_PROBLEMS ? [`  ... and ${problems.length - SHOWN_PROBLEMS} more`] : []
    throw new UsageError(
      [`${capitalise(name)} cannot be compared: ${result.errors} error${result.errors === 1 ? '' : 's'} in the sources (run “thresholds check” on them for details):`, ...problems.slice(0, SHOWN_PROBLEMS), ...more].join('\n'),
    )
  }
  return result.contexts.map((context) => context.framework)
}

function capitalise(text: string): string {
  return text.startsWith('“') ? text : text.charAt(0).toUpperCase() + text.slice(1)
}

/** A generated framework.json, checked against schema/framework.schema.json (its `$comment` aside). */
export function loadFrameworkJson(file: string, shown: string): Framework {
  if (statSync(file).size > MAX_JSON_BYTES) throw new UsageError(`“${shown}” is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB, expected a generated framework.json`)
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`“${shown}” is not valid JSON (${error instanceof Error ? error.message : String(error)}), expected a generated framework.json`)
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`“${shown}” does not hold a JSON object, expected a generated framework.json`)
  const { $comment: _comment, ...framework } = data as Record<string, unknown>
  // A package written in an older format is read into today's shape.
  upgradeFormat(framework)
  const validate = getValidators().framework
  if (!validate(framework)) {
    const problems = (validate.errors ?? []).map((error) => `  ${error.instancePath || '/'}: ${error.message ?? 'is not valid'}`)
    const more = problems.length > SHOWN_PROBLEMS ? [`  ... and ${problems.length - SHOWN_PROBLEMS} more`] : []
    throw new UsageError([`“${shown}” is not a valid framework.json (schema/framework.schema.json):`, ...problems.slice(0, SHOWN_PROBLEMS), ...more].join('\n'))
  }
  return framework as unknown as Framework
}
