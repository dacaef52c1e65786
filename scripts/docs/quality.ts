/**
 * Writes docs/quality.md: the coverage of the rule tester and the change-kind tester (from their
 * tables) and the mutation score of the rules, the change kinds, the parser and the generators, with every
 * surviving mutant (from docs/mutation-<target>.json, the summary of the last `npm run mutate`,
 * `npm run mutate:changes` or `npm run mutate:parse`). With a fresh Stryker report in
 * reports/mutation/<target>.json, the summary is refreshed from it first. Written by
 * scripts/bin/regenerate.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ruleTables } from '../../test/check/rule-tables.ts'
import { changeTables } from '../../test/diff/change-tables.ts'
import { survivorReasons } from './quality-survivors.ts'
import type { GeneratedFile } from '../shared/generated-files.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DOC = path.join(root, 'docs/quality.md')

/**
 * What each mutation run mutates (the folder), the command that runs it, where its report and
 * summary are, and the score it must reach: issue 17 sets 80% for the rules and the change kinds;
 * the parser's score is recorded without a bar.
 */
export const mutationTargets = {
  // Also measured file by file: a rule that changed is re-measured alone (`npx stryker run --mutate
  // scripts/check/rules/<rule>.ts`), and every other rule keeps the run that measured it.
  rules: { what: 'the rules', folder: 'scripts/check/rules', files: 'Rule file', tester: 'the rule tester', command: 'npm run mutate', report: 'reports/mutation/rules.json', summary: 'docs/mutation-rules.json', goal: 0.8, byFile: true },
  changes: { what: 'the change kinds', folder: 'scripts/diff/changes', files: 'Change kind', tester: 'the change-kind tables', command: 'npm run mutate:changes', report: 'reports/mutation/changes.json', summary: 'docs/mutation-changes.json', goal: 0.8 },
  // Measured file by file (`byFile`): the whole parser takes hours, so a run mutates some of its
  // files and adds them to the summary instead of replacing it.
  parse: { what: 'the parser', folder: 'scripts/parse', files: 'Parser file', tester: 'the parser tests stryker.config.mjs chooses for the files', command: 'npm run mutate:parse', report: 'reports/mutation/parse.json', summary: 'docs/mutation-parse.json', goal: undefined, byFile: true,
    notMutated: 'Not mutated: `markdown-worker.js`, which runs only in worker threads, where Stryker switches on no mutant; the test “parsing on worker threads gives the same trees as parsing in this thread” (test/parse/parse.test.ts) compares its trees with those of `markdownProcessor()` in markdown.ts. Everything else the parser does runs in the test process, on the trees the worker sends back.' },
  // The generators' fast paths, measured file by file as the parser is.
  generate: { what: 'the generators', folder: 'scripts/generate', files: 'Generator file', tester: 'the generator tests stryker.config.mjs chooses for the files', command: 'npx stryker run --mutate "scripts/generate/plain-field.ts"', report: 'reports/mutation/generate.json', summary: 'docs/mutation-generate.json', goal: undefined, byFile: true },
} as const
export type MutationTarget = keyof typeof mutationTargets
const MUTATE_COMMAND = mutationTargets.rules.command

/** The part of Stryker's JSON report (mutation-testing-report-schema) read here. */
export interface StrykerReport {
  files: Record<string, { source: string; mutants: Array<{ mutatorName: string; replacement?: string; status: string; coveredBy?: string[]; killedBy?: string[]; location: { start: { line: number; column: number }; end: { line: number; column: number } } }> }>
  testFiles?: Record<string, { tests: Array<{ id: string }> }>
  framework?: { version?: string }
  /** The run's settings: `mutate` as given, with any line ranges (`scripts/parse/build.ts:1-310`). */
  config?: { mutate?: string[] }
}

/**
 * Whether a run given these `--mutate` patterns mutated a file: an incremental run's report also
 * lists files it did not mutate, with the results of an earlier run kept in its incremental file.
 */
export function mutatedBy(file: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns) return true
  return patterns.some((written) => {
    if (written.startsWith('!')) return false
    // A line range (`scripts/parse/build.ts:10-200`) still names the file.
    const pattern = written.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '')
    const star = pattern.indexOf('*')
    return star === -1 ? file === pattern : file.startsWith(pattern.slice(0, star)) && file.endsWith(pattern.slice(pattern.lastIndexOf('*') + 1))
  })
}

export interface Survivor {
  file: string
  line: number
  mutator: string
  original: string
  replacement: string
  status: 'Survived' | 'NoCoverage'
}

/** The run that measured a file: when, with what command and Stryker, and the test files that reached its mutants. */
export interface FileRun {
  date: string
  command: string
  stryker: string
  tests: string[]
}

export interface MutationSummary {
  /** The last run's command, date and Stryker version. */
  command: string
  date: string
  stryker: string
  counts: Record<string, Record<string, number>>
  survivors: Survivor[]
  /** Per file, the run that measured it (runs of a target measured by file each add their files). */
  runs?: Record<string, FileRun>
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

const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0)

export function summarise(report: StrykerReport, date: string, command: string = MUTATE_COMMAND): MutationSummary {
  const stryker = report.framework?.version ?? ''
  const counts: MutationSummary['counts'] = {}
  const survivors: Survivor[] = []
  const runs: Record<string, FileRun> = {}
  const testFileOf = new Map(Object.entries(report.testFiles ?? {}).flatMap(([file, { tests }]) => tests.map(({ id }) => [id, file.split(path.sep).join('/')] as const)))
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(byName)) {
    const name = file.split(path.sep).join('/')
    const count: Record<string, number> = {}
    const tests = new Set<string>()
    for (const mutant of mutants) {
      count[mutant.status] = (count[mutant.status] ?? 0) + 1
      for (const id of [...(mutant.coveredBy ?? []), ...(mutant.killedBy ?? [])]) {
        const testFile = testFileOf.get(id)
        if (testFile) tests.add(testFile)
      }
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
    runs[name] = { date, command, stryker, tests: [...tests].sort() }
  }
  survivors.sort(bySurvivorPlace)
  return { command, date, stryker, counts, survivors, runs }
}

const bySurvivorPlace = (a: Survivor, b: Survivor) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)

/**
 * A summary of a target measured by file, after a run of some of its files: each file the newer
 * run measured takes its counts, survivors and run from it; every other file still in the folder
 * keeps what its own last run found. The last run's command and date head the summary.
 */
export function mergeSummaries(older: MutationSummary | undefined, newer: MutationSummary, files: readonly string[]): MutationSummary {
  if (!older) return newer
  const kept = (file: string) => files.includes(file) && !(file in newer.counts)
  // A summary written before runs were kept per file: all its files were measured by its one run.
  const olderRuns = older.runs ?? Object.fromEntries(Object.keys(older.counts).map((file) => [file, { date: older.date, command: older.command, stryker: older.stryker, tests: [] }]))
  return {
    ...newer,
    counts: Object.fromEntries([...Object.entries(older.counts).filter(([file]) => kept(file)), ...Object.entries(newer.counts)].sort(byName)),
    survivors: [...older.survivors.filter((survivor) => kept(survivor.file)), ...newer.survivors].sort(bySurvivorPlace),
    runs: Object.fromEntries([...Object.entries(olderRuns).filter(([file]) => kept(file)), ...Object.entries(newer.runs ?? {})].sort(byName)),
  }
}

/** Killed (or timed out) among the mutants that count: static ones and errors are left out. */
export function scoreOf(counts: Record<string, number>): { detected: number; valid: number } {
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0)
  return { detected, valid: detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0) }
}

const percent = ({ detected, valid }: { detected: number; valid: number }) => (valid === 0 ? '–' : `${((100 * detected) / valid).toFixed(1)}%`)

/** The TypeScript files under a folder of the repository, as repository paths in name order. */
function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')))
    .sort()
}

/**
 * The command that mutates just the files a report covers: the target's own when it covers all,
 * and the run's own `--mutate` when it measured only some lines of a file, which the report's
 * file list alone would hide.
 */
export function commandFor(target: MutationTarget, files: string[], given: readonly string[] = []): string {
  const { folder, command } = mutationTargets[target]
  if (given.some((glob) => /:\d+(?::\d+)?-\d+(?::\d+)?$/.test(glob))) return `npx stryker run --mutate "${given.join(',')}"`
  return sourceFiles(folder).every((file) => files.includes(file)) ? command : `npx stryker run --mutate "${files.join(',')}"`
}

function mutationSection(target: MutationTarget, summary: MutationSummary): string[] {
  const { what, folder, files: fileHeading, tester, goal } = mutationTargets[target]
  const byFile = 'byFile' in mutationTargets[target]
  const unmeasured = sourceFiles(folder).filter((file) => !(file in summary.counts))
  const total: Record<string, number> = {}
  for (const count of Object.values(summary.counts)) for (const [status, n] of Object.entries(count)) total[status] = (total[status] ?? 0) + n
  const score = scoreOf(total)
  const goalText = goal === undefined ? 'no goal is set' : `the goal is at least ${100 * goal}%`
  const measured = Object.keys(summary.counts).length
  const row = (file: string, count: Record<string, number>) => `| \`${path.posix.basename(file, '.ts')}\` | ${(count.Killed ?? 0) + (count.Timeout ?? 0)} | ${count.Survived ?? 0} | ${count.NoCoverage ?? 0} | ${percent(scoreOf(count))} |`
  const runOf = (file: string): FileRun => summary.runs?.[file] ?? { date: summary.date, command: summary.command, stryker: summary.stryker, tests: [] }
  const runs = [...new Set(Object.keys(summary.counts).map((file) => JSON.stringify([runOf(file).date, runOf(file).command, runOf(file).stryker])))].map((key) => JSON.parse(key) as [string, string, string])
  const lines = [
    `## Mutation score of ${what}`,
    '',
    ...(byFile
      ? [
          `Measured file by file (StrykerJS with its vitest runner, configuration in \`stryker.config.mjs\`): a run mutates some files and replaces just their rows; each file’s row says when it was measured and the test files that reached its mutants. **${percent(score)}** of the mutants of the ${measured === 1 ? 'one file' : `${measured} files`} measured are killed (${score.detected} of ${score.valid}; ${goalText}).`,
          '',
          ...(unmeasured.length ? [`Not measured yet (${unmeasured.length} of the ${measured + unmeasured.length} files of \`${folder}\`): ${unmeasured.map((file) => `\`${path.posix.basename(file)}\``).join(', ')}.`, ''] : []),
          ...('notMutated' in mutationTargets[target] ? [String(mutationTargets[target].notMutated), ''] : []),
          'The runs:',
          '',
          ...runs.map(([date, command, stryker]) => `- ${date}, StrykerJS ${stryker}: \`${command}\``),
        ]
      : [
          `Measured with \`${summary.command}\` (StrykerJS ${summary.stryker} with its vitest runner, configuration in \`stryker.config.mjs\`) on ${summary.date}: **${percent(score)}** of the mutants of ${what} are killed by ${tester} (${score.detected} of ${score.valid}; ${goalText}).`,
          '',
          ...(unmeasured.length ? [`Only ${measured} of the ${measured + unmeasured.length} files of \`${folder}\` were measured (the run’s time was limited); not measured yet: ${unmeasured.map((file) => `\`${path.posix.basename(file)}\``).join(', ')}.`] : []),
        ]),
    ...(unmeasured.length || byFile ? [''] : []),
    `Static mutants (${total.Ignored ?? 0}: ids, severities or impacts and descriptions, module-level lists and patterns) are evaluated once at import, so each needs every test re-run; they are left out (\`ignoreStatic\`), and the registry tests check that metadata instead.`,
    '',
    ...(byFile
      ? [
          `| ${fileHeading} | Killed | Survived | No coverage | Score | Measured on | Tests reaching its mutants |`,
          '| --- | ---: | ---: | ---: | ---: | --- | --- |',
          ...Object.entries(summary.counts).map(([file, count]) => {
            const { date, tests } = runOf(file)
            return `${row(file, count)} ${date} | ${tests.length ? tests.map((test) => `\`${path.posix.basename(test, '.test.ts')}\``).join(', ') : 'not recorded'} |`
          }),
        ]
      : [`| ${fileHeading} | Killed | Survived | No coverage | Score |`, '| --- | ---: | ---: | ---: | ---: |', ...Object.entries(summary.counts).map(([file, count]) => row(file, count))]),
    '',
    '### Surviving mutants',
    '',
    `Each file’s survivors, with why they survive: a gap in ${tester} (a case to add), or an equivalent mutant (no input can tell it apart).`,
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

function changeCoverageSection(): string[] {
  const unchanged = changeTables.reduce((sum, table) => sum + table.unchanged.length, 0)
  const changed = changeTables.reduce((sum, table) => sum + table.changed.length, 0)
  return [
    '## Change-kind tester coverage',
    '',
    `\`test/diff/change-kinds.test.ts\` runs one table per change kind (\`test/diff/change-cases/<kind>.ts\`): ${changeTables.length} kinds, ${unchanged} cases with no change and ${changed} with changes. Each case is two versions of the minimal framework and runs only its own kind. A case with no change must give no change of that kind; a case with changes must give exactly its listed changes, in report order, each with its impact, subject (old and new id and label, and an indicator's domain and level), field and values. Each table also holds the kind's fixture pair shown in docs/changes.md.`,
    '',
    '| Change kind | No-change cases | Change cases | Changes expected |',
    '| --- | ---: | ---: | ---: |',
    ...changeTables.map((table) => `| \`${table.kind}\` | ${table.unchanged.length} | ${table.changed.length} | ${table.changed.reduce((sum, testCase) => sum + testCase.changes.length, 0)} |`),
  ]
}

export function renderQualityDoc(summaries: Partial<Record<MutationTarget, MutationSummary>>): string {
  return `${[
    '# Quality: how the tests are tested',
    '',
    `For contributors. Generated by \`npm run docs:quality\` from the tables of the rule tester and the change-kind tester and from ${Object.values(mutationTargets).map(({ summary }) => `\`${summary}\``).join(', ').replace(/, ([^,]*)$/, ' and $1')}, the summaries of the last mutation runs; a test fails when this file is out of date.`,
    '',
    ...coverageSection(),
    '',
    ...changeCoverageSection(),
    '',
    ...(Object.keys(mutationTargets) as MutationTarget[]).flatMap((target) => {
      const summary = summaries[target]
      return summary ? [...mutationSection(target, summary), ''] : [`## Mutation score of ${mutationTargets[target].what}`, '', `Not measured yet: run \`${mutationTargets[target].command}\`.`, '']
    }),
  ]
    .join('\n')
    .trimEnd()}\n`
}

/** The committed summary of a target's last mutation run, if it has been measured. */
export function readSummary(target: MutationTarget = 'rules'): MutationSummary | undefined {
  const file = path.join(root, mutationTargets[target].summary)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MutationSummary) : undefined
}

export function readSummaries(): Partial<Record<MutationTarget, MutationSummary>> {
  return Object.fromEntries((Object.keys(mutationTargets) as MutationTarget[]).flatMap((target) => {
    const summary = readSummary(target)
    return summary ? [[target, summary]] : []
  }))
}

/**
 * docs/quality.md. With `refreshSummary`, each target whose Stryker report is newer than its
 * summary gets its summary made from the report first, written with it.
 */
export function qualityFiles({ refreshSummary }: { refreshSummary: boolean }): GeneratedFile[] {
  const files: GeneratedFile[] = []
  const summaries = readSummaries()
  for (const target of Object.keys(mutationTargets) as MutationTarget[]) {
    const { report: reportFile, summary: summaryFile } = mutationTargets[target]
    const report = path.join(root, reportFile)
    const summary = path.join(root, summaryFile)
    if (!refreshSummary || !existsSync(report) || (existsSync(summary) && statSync(report).mtimeMs <= statSync(summary).mtimeMs)) continue
    const whole = JSON.parse(readFileSync(report, 'utf8')) as StrykerReport
    const parsed = { ...whole, files: Object.fromEntries(Object.entries(whole.files).filter(([file]) => mutatedBy(file.split(path.sep).join('/'), whole.config?.mutate))) }
    const measured = Object.keys(parsed.files).map((file) => file.split(path.sep).join('/'))
    const fresh = summarise(parsed, statSync(report).mtime.toISOString().slice(0, 10), commandFor(target, measured, parsed.config?.mutate))
    const text = `${JSON.stringify('byFile' in mutationTargets[target] ? mergeSummaries(summaries[target], fresh, sourceFiles(mutationTargets[target].folder)) : fresh, null, 2)}\n`
    files.push({ file: summaryFile, text })
    summaries[target] = JSON.parse(text) as MutationSummary
  }
  return [...files, { file: path.relative(root, DOC), text: renderQualityDoc(summaries) }]
}
