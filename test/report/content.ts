import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { checkFrameworks, type CheckResult } from '../../scripts/check/index.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { reportInput, type ReportInput } from '../../scripts/report/input.ts'
import { frameworkWith, parser } from '../helpers.ts'

/** Replaces text in one file of a framework folder; fails loudly when the text is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const target = path.join(dir, file)
  const before = readFileSync(target, 'utf8')
  const after = before.replace(from, to)
  if (after === before) throw new Error(`“${String(from)}” not found in ${file}`)
  writeFileSync(target, after)
}

/** The minimal framework, changed by `change`, read and checked as the CLI does. */
export function checkedMinimal(change: (dir: string) => void = () => {}): { root: string; dir: string; result: CheckResult; input: ReportInput } {
  const { root, dir } = frameworkWith()
  change(dir)
  const result = checkFrameworks(loadFrameworks([dir], { parser }))
  return { root, dir, result, input: reportInput(result) }
}

/** A link with a typo and a setting with a wrong value: two errors with suggestions (“did you mean”). */
export function brokenLinkAndPolarity(dir: string): void {
  edit(dir, 'levels/01-early-help.md', '(#front-door)', '(#front-dor)')
  edit(dir, 'domains/01-health.md', '{#health-missing-immunisations}', '{#health-missing-immunisations polarity=neutral}')
}

/** Two addresses not known yet: two link-pending warnings. */
export function twoPendingLinks(dir: string): void {
  edit(dir, 'links.md', /$/, '- [Later](pending:) {#later}\n- [Much later](pending:) {#much-later}\n')
}

/** One message accepted by a comment in the source, and a rule switched off in framework.md. */
export function twoSuppressions(dir: string): void {
  twoPendingLinks(dir)
  edit(dir, 'framework.md', 'guidance:', 'rules:\n  link-pending:\n    severity: off\n    reason: The partnership is collecting the new addresses.\nguidance:')
  edit(dir, 'levels/02-child-protection.md', '- [Front door](#front-door)', '<!-- thresholds-ignore-next-line link-resolves: the heading is added in the next release -->\n- [Front door](#front-doorway)')
}
