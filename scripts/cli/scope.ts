import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { findFrameworkFolders } from '../parse/index.ts'
import type { ReportInput } from '../report/input.ts'
import { compareStrings } from '../shared/text.ts'
import { UsageError } from '../shared/usage-error.ts'
import type { OutputKind } from '../generate/output-folder.ts'

/**
 * Checking part of a project (one framework, a file, `--changed-since`) must give, for that part,
 * exactly the messages of the full check: rules that compare frameworks read every framework, and
 * a suppression that the full check needs is never “unused”. So every framework beside the chosen
 * ones (the other folders of their sources folder) is checked too, and only the report is scoped.
 */
export function withNeighbours(chosen: readonly string[]): string[] {
  const all = new Set(chosen)
  for (const parent of new Set(chosen.map((folder) => path.dirname(folder)))) {
    let siblings: string[]
    try {
      siblings = findFrameworkFolders([parent], parent)
    } catch {
      continue
    }
    // Only a folder of frameworks: a framework given on its own, outside one, has no neighbours.
    if (siblings.every((folder) => path.dirname(folder) === parent)) for (const folder of siblings) all.add(folder)
  }
  return [...all].sort(compareStrings)
}

/**
 * The report of the chosen frameworks only (their folders, as absolute paths), with what is
 * reported beside them in their sources folder (a symbolic link there, parse/symbolic-links.ts).
 */
export function onlyFrameworks(input: ReportInput, chosen: readonly string[]): ReportInput {
  const inside = (file: string) => chosen.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`) || path.dirname(file) === path.dirname(folder))
  return {
    files: input.files.filter((file) => inside(path.resolve(file.path))),
    suppressed: input.suppressed.filter((entry) => inside(path.resolve(entry.file))),
    frameworks: input.frameworks.filter((framework) => chosen.includes(path.resolve(framework.dir))),
  }
}

/** What each kind of output holds per framework: a folder with this file. */
const FRAMEWORK_FILE: Readonly<Record<OutputKind, string>> = { package: 'framework.json', site: 'index.html' }

/** Ids of the frameworks an output folder holds: its folders with their framework's file. */
function frameworksBuiltIn(outDir: string, kind: OutputKind): Set<string> {
  const ids = new Set<string>()
  try {
    for (const entry of readdirSync(outDir, { withFileTypes: true })) if (entry.isDirectory() && statSync(path.join(outDir, entry.name, FRAMEWORK_FILE[kind]), { throwIfNoEntry: false })?.isFile()) ids.add(entry.name)
  } catch {
    // No folder yet (or none to read): it holds no framework.
  }
  return ids
}

/** “a”, “a and b”, “a, b and c”; past four, the first three and how many more. */
function idList(ids: readonly string[]): string {
  if (ids.length > 4) return `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`
  return ids.length < 2 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`
}

/**
 * A build of some frameworks makes a package (or `site` and `dev` a website) of those alone: into an output folder that already
 * holds a framework beside them (one still in their sources folder), it would delete that
 * framework's files and report it removed. Refused before the check, with nothing changed. A
 * framework the folder holds that has gone from the sources is not beside them: a build removes it.
 * `command` is the one the message tells the author to run for every framework.
 */
export function refuseDroppingNeighbours(chosen: readonly string[], outDir: string, shownOut: string, kind: OutputKind, command: string = kind === 'package' ? 'build' : 'site'): void {
  const ids = new Set(chosen.map((folder) => path.basename(folder)))
  const built = frameworksBuiltIn(outDir, kind)
  const others = withNeighbours(chosen)
    .map((folder) => path.basename(folder))
    .filter((id) => !ids.has(id) && built.has(id))
  if (others.length === 0) return
  throw new UsageError(
    `Cannot ${kind === 'package' ? 'build only' : 'make the website of only'} ${idList([...ids].sort(compareStrings))} into ${shownOut}/: it holds ${idList(others)} too, which a ${kind === 'package' ? 'package' : 'website'} of some frameworks would remove; run thresholds ${command} for every framework, or give --out a folder of its own; nothing was changed`,
  )
}
