/**
 * The history each framework's CHANGELOG.md ships (see generate/changelog.ts), read from git by
 * the build. Where git cannot tell it (no repository, git not installed, a shallow clone such as
 * CI's default checkout), the history of the CHANGELOG.md already in the output folder is kept
 * when it is of the same version, so `build --check` there compares what it can and passes on a
 * correct checkout.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CheckedFramework } from '../check/checked-framework.ts'
import { packageHistory } from '../diff/package-history.ts'
import { keptHistory, NO_HISTORY } from '../generate/changelog.ts'
import type { Histories } from '../generate/index.ts'

export function readHistories(contexts: readonly CheckedFramework[], outDir: string): Histories {
  const histories = new Map<string, string>()
  for (const { framework, folder } of contexts) {
    const read = packageHistory(framework, folder.dir)
    if ('markdown' in read) {
      histories.set(framework.id, read.markdown)
      continue
    }
    const file = path.join(outDir, framework.id, 'CHANGELOG.md')
    histories.set(framework.id, keptHistory(existsSync(file) ? readFileSync(file, 'utf8') : undefined, framework) ?? NO_HISTORY)
  }
  return histories
}
