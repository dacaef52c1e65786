import path from 'node:path'
import { findFrameworkFolders } from '../parse/index.ts'
import type { ReportInput } from '../report/input.ts'
import { compareStrings } from '../shared/text.ts'

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
