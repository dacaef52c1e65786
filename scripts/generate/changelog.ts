/**
 * CHANGELOG.md of each package: the current version of each framework, what changed since the
 * version before and each earlier version (the history, Markdown made from git by the build, see
 * diff/package-history.ts). A build that cannot read the history (a shallow clone, no git) keeps
 * the history of the CHANGELOG.md it replaces when that was of the same version, so such a build
 * and `build --check` give the same bytes as a build with the whole history.
 */
import type { Framework } from '../model/types.ts'
import { generatedFrom } from './header.ts'
import { isStated } from '../model/not-stated.ts'
import { md, PACKAGE_NAME, frameworkPackageVersion } from './package.ts'

const HISTORY_START = '<!-- History: made from git by the build; a build without the git history keeps it as it is. -->'
const HISTORY_END = '<!-- End of history. -->'

/** What the changelog says when the history could not be read and there was none to keep. */
export const NO_HISTORY = 'Earlier versions are not listed: this build had no git history to read them from (no git repository, or a shallow clone).\n'

export const VERSION_SCHEME = 'Each framework keeps its own version, MAJOR.MINOR or MAJOR.MINOR.PATCH: MAJOR when practice changes, MINOR when a change needs a person to review it, PATCH for editorial changes only.'

function currentVersion(framework: Framework, heading: string): string[] {
  return [
    `${heading} ${md(framework.title)} (\`${framework.id}\`) ${isStated(framework.version) ? framework.version : 'version not stated'}`,
    '',
    `- Status: ${framework.status}${framework.published ? `, published ${framework.published}` : ''}${framework.reviewDue ? `, review due ${framework.reviewDue}` : ''}`,
    `- ${framework.changeNote ? `What changed: ${md(framework.changeNote)}` : 'What changed: no change note was given in the source.'}`,
    '',
  ]
}

function history(markdown: string | undefined, demote: boolean): string[] {
  const text = (markdown ?? NO_HISTORY).trimEnd()
  return [HISTORY_START, '', demote ? text.replace(/^#+ /gm, (hashes) => `#${hashes}`) : text, '', HISTORY_END, '']
}

/** `<id>/CHANGELOG.md`: the framework's own package. */
export function frameworkChangelog(framework: Framework, historyMarkdown: string | undefined): string {
  const lines = [`<!-- ${generatedFrom([framework])} -->`, '', `# Changelog of @thresholds/${framework.id} ${frameworkPackageVersion(framework)}`, '', VERSION_SCHEME, '']
  return [...lines, ...currentVersion(framework, '##'), ...history(historyMarkdown, false)].join('\n')
}

/** CHANGELOG.md of the package holding every framework: each framework's, one heading level down. */
export function umbrellaChangelog(frameworks: readonly Framework[], histories: ReadonlyMap<string, string>, version: string): string {
  const lines = [`<!-- ${generatedFrom(frameworks)} -->`, '', `# Changelog of ${PACKAGE_NAME} ${version}`, '', VERSION_SCHEME, '']
  for (const framework of frameworks) lines.push(...currentVersion(framework, '##'), ...history(histories.get(framework.id), true))
  return lines.join('\n')
}

/**
 * The history in a CHANGELOG.md generated before (`text`), when it is of `framework`'s current
 * version: what a build that cannot read git keeps.
 */
export function keptHistory(text: string | undefined, framework: Framework): string | undefined {
  if (text === undefined || !text.includes(`# Changelog of @thresholds/${framework.id} ${frameworkPackageVersion(framework)}\n`)) return undefined
  const start = text.indexOf(`${HISTORY_START}\n\n`)
  const end = text.indexOf(`\n\n${HISTORY_END}`)
  return start === -1 || end < start ? undefined : `${text.slice(start + HISTORY_START.length + 2, end)}\n`
}
