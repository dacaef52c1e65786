import type { VFile } from 'vfile'
import { compareMessage } from 'vfile-sort'
import type { ParseContext } from '../parse/context.ts'
import { sourcesOf } from '../parse/read.ts'
import { severityOf } from '../shared/diagnostics.ts'
import { timed } from '../shared/timing.ts'
import type { CheckedFramework } from './checked-framework.ts'
import { runRules, type CheckOptions, type Suppression } from './runner.ts'

export type { CheckedFramework }

/**
 * A checked run. `contexts` are full parse contexts when the frameworks were parsed in this run;
 * the CLI's commands may answer from the content cache, which keeps only files and model.
 */
export interface CheckResult<C extends CheckedFramework = ParseContext> {
  contexts: C[]
  /** Every source file that has messages, in path order, messages sorted by place. */
  files: VFile[]
  suppressed: Suppression[]
  errors: number
  warnings: number
}

/**
 * A checked framework without its parse detail (trees, places, link uses): all that generating,
 * the site and the report need. Dropping the rest once rules have run frees most of a large run's
 * memory before generation (1,000 frameworks: see docs/performance.md).
 */
export function withoutParseDetail(context: CheckedFramework): CheckedFramework {
  return { folder: context.folder, framework: context.framework }
}

/** Runs the rules over parsed frameworks and gathers every message. */
export function checkFrameworks(contexts: ParseContext[], options: CheckOptions = {}): CheckResult {
  return gatherResult(contexts, timed('rules', () => runRules(contexts, options)))
}

/** Gathers the messages of checked frameworks into one result (watch mode runs the rules itself). */
export function gatherResult<C extends CheckedFramework>(contexts: C[], suppressed: Suppression[]): CheckResult<C> {
  const files: VFile[] = []
  for (const parsed of contexts) {
    for (const source of sourcesOf(parsed.folder)) {
      if (source.vfile.messages.length === 0) continue
      source.vfile.messages.sort(compareMessage)
      files.push(source.vfile)
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  let errors = 0
  let warnings = 0
  for (const file of files)
    for (const message of file.messages) {
      const severity = severityOf(message)
      if (severity === 'error') errors++
      else if (severity === 'warning') warnings++
    }
  return { contexts, files, suppressed, errors, warnings }
}
