/**
 * Writes docs/quality.md: the rule tester's coverage (from its tables) and the mutation score of
 * the rules with every surviving mutant (from docs/mutation-rules.json, the summary of the last
 * `npm run mutate`). With a fresh Stryker report in reports/mutation/mutation.json, the summary
 * is refreshed from it first. Written by scripts/bin/regenerate.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ruleTables } from '../../test/check/rule-tables.ts'
import { survivorReasons } from './quality-survivors.ts'
import type { GeneratedFile } from '../shared/generated-files.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const REPORT = path.join(root, 'reports/mutation/mutation.json')
const SUMMARY = path.join(root, 'docs/mutation-rules.json')
const DOC = path.join(root, 'docs/quality.md')
export const MUTATE_COMMAND = 'npm run mutate'

/** The part of Stryker's JSON report (mutation-testing-report-schema) read here. */
interface StrykerReport {
  files: Record<string, { source: string; mutants: Array<{ mutatorName: string; replacement?: string; status: string; location: { start: { line: number; column: number }; end: { line: number; column: number } } }> }>
  framework?: { version?: string }
}

export interface Survivor {
  file: string
  line: number
  mutator: string
  original: string
  replacement: string
  status: 'Survived' | 'NoCoverage'
}

export interface MutationSummary {
  command: string
  date: string
  stryker: string
  counts: Record<string, Record<string, number>>
  survivors: Survivor[]
}

/** The text a mutant replaced, on one line and shortened. */
function excerpt(source: string, start: { line: number; column: number }, end: { line: number; column: number }): string {
  const lines = source.split('\n')
  const text =
    start.line === end.line
      ? (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
      : [(lines[start.line - 1] ?? '').slice(start.column - 1), ...lines.slice(start.line, end.line - 1), (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join(' ')
  return oneLine(text)
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat
}

export function summarise(report: StrykerReport, date: string): MutationSummary {
  const counts: MutationSummary['counts'] = {}
  const survivors: Survivor[] = []
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const name = file.split(path.sep).join('/')
    const count: Record<string, number> = {}
    for (const mutant of mutants) {
      count[mutant.status] = (count[mutant.status] ?? 0) + 1
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage')
        survivors.push({
          file: name,
          line: mutant.location.start.line,
          mutator: mutant.mutatorName,
          original: excerpt(source, mutant.location.start, mutant.location.end),
          replacement: oneLine(mutant.replacement ?? ''),
          status: mutant.status,
        })
    }
    counts[name] = count
  }
  survivors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
  return { command: MUTATE_COMMAND, date, stryker: report.framework?.version ?? '', counts, survivors }
}

/** Killed (or timed out) among the mutants that count: static ones and errors are left out. */
export function scoreOf(counts: Record<string, number>): { detected: number; valid: number } {
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0)
  return { detected, valid: detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0) }
}

const percent = ({ detected, valid }: { detected: number; valid: number }) => (valid === 0 ? '–' : `${((100 * detected) / valid).toFixed(1)}%`)

function mutationSection(summary: MutationSummary): string[] {
  const total: Record<string, number> = {}
  for (const count of Object.values(summary.counts)) for (const [status, n] of Object.entries(count)) total[status] = (total[status] ?? 0) + n
  const score = scoreOf(total)
  const lines = [
    '## Mutation score of the rules',
    '',
    `Measured with \`${summary.command}\` (StrykerJS ${summary.stryker} with its vitest runner, configuration in \`stryker.config.mjs\`) on ${summary.date}: **${percent(score)}** of the rules' mutants are killed by the rule tester (${score.detected} of ${score.valid}; the goal is at least 80%).`,
    '',
    `Static mutants (${total.Ignored ?? 0}: a rule's id, severity and description, module-level lists and patterns) are evaluated once when a rule is imported, so each needs every test re-run; they are left out (\`ignoreStatic\`), and the rule tester's registry tests check that metadata instead.`,
    '',
    '| Rule file | Killed | Survived | No coverage | Score |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(summary.counts).map(([file, count]) => `| \`${path.posix.basename(file, '.ts')}\` | ${(count.Killed ?? 0) + (count.Timeout ?? 0)} | ${count.Survived ?? 0} | ${count.NoCoverage ?? 0} | ${percent(scoreOf(count))} |`),
    '',
    '### Surviving mutants',
    '',
    'Each file’s survivors, with why they survive: a gap in the rule tester (a case to add), or an equivalent mutant (no input can tell it apart).',
    '',
  ]
  const code = (text: string) => (text ? `\`${text.replace(/`/g, 'ˋ')}\`` : '(removed)')
  const files = [...new Set(summary.survivors.map((survivor) => survivor.file))]
  if (files.length === 0) lines.push('None.')
  for (const file of files) {
    const survivors = summary.survivors.filter((survivor) => survivor.file === file)
    lines.push(`#### \`${path.posix.basename(file)}\` (${survivors.length})`, '', survivorReasons[file] ?? 'Not explained yet.', '')
    for (const survivor of survivors)
      lines.push(`- line ${survivor.line}${survivor.status === 'NoCoverage' ? ' (no case reaches it)' : ''}: ${survivor.mutator}, ${code(survivor.original)} → ${code(survivor.replacement)}`)
    lines.push('')
  }
  return lines
}

function coverageSection(): string[] {
  const valid = ruleTables.reduce((sum, table) => sum + table.valid.length, 0)
  const invalid = ruleTables.reduce((sum, table) => sum + table.invalid.length, 0)
  return [
    '## Rule tester coverage',
    '',
    `\`test/check/rule-tester.test.ts\` runs one table per rule (\`test/check/rule-cases/<rule>.ts\`): ${ruleTables.length} rules, ${valid} valid and ${invalid} invalid cases. A valid case must give no message at all; an invalid case must give exactly its listed messages, each with its rule, severity, message id and data, text, start and end, suggestions and “first defined here” place; every message a rule declares is shown by at least one invalid case.`,
    '',
    '| Rule | Valid cases | Invalid cases | Messages expected |',
    '| --- | ---: | ---: | ---: |',
    ...ruleTables.map((table) => `| \`${table.rule}\` | ${table.valid.length} | ${table.invalid.length} | ${table.invalid.reduce((sum, testCase) => sum + testCase.errors.length, 0)} |`),
  ]
}

export function renderQualityDoc(summary: MutationSummary): string {
  return `${[
    '# Quality: how the tests are tested',
    '',
    'For contributors. Generated by `npm run docs:quality` from the rule tester’s tables and from `docs/mutation-rules.json`, the summary of the last mutation run; a test fails when this file is out of date.',
    '',
    ...coverageSection(),
    '',
    ...mutationSection(summary),
  ]
    .join('\n')
    .trimEnd()}\n`
}

export function readSummary(): MutationSummary {
  return JSON.parse(readFileSync(SUMMARY, 'utf8')) as MutationSummary
}

/**
 * docs/quality.md. With `refreshSummary` and a Stryker report newer than the summary, the summary
 * is made from the report first and written with it.
 */
export function qualityFiles({ refreshSummary }: { refreshSummary: boolean }): GeneratedFile[] {
  if (refreshSummary && existsSync(REPORT) && (!existsSync(SUMMARY) || statSync(REPORT).mtimeMs > statSync(SUMMARY).mtimeMs)) {
    const report = JSON.parse(readFileSync(REPORT, 'utf8')) as StrykerReport
    const text = `${JSON.stringify(summarise(report, statSync(REPORT).mtime.toISOString().slice(0, 10)), null, 2)}\n`
    return [
      { file: path.relative(root, SUMMARY), text },
      { file: path.relative(root, DOC), text: renderQualityDoc(JSON.parse(text) as MutationSummary) },
    ]
  }
  return [{ file: path.relative(root, DOC), text: renderQualityDoc(readSummary()) }]
}
