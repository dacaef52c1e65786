import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandFor, mergeSummaries, mutatedBy, mutationTargets, readSummaries, readSummary, renderQualityDoc, scoreOf, summarise, type MutationTarget, type StrykerReport } from '../../scripts/docs/quality.ts'
import { survivorReasons } from '../../scripts/docs/quality-survivors.ts'
import { repoRoot } from '../helpers.ts'

describe('docs/quality.md', () => {
  it('is what npm run docs:quality writes from the rule tester’s tables and the last mutation run', () => {
    expect(readFileSync(path.join(repoRoot, 'docs/quality.md'), 'utf8'), 'docs/quality.md is out of date: run npm run docs:quality').toBe(renderQualityDoc(readSummaries()))
  })

  it('has measured the mutation score of the rules', () => {
    expect(readSummary('rules')).toBeDefined()
  })

  // A target not measured yet says so in docs/quality.md (“Not measured yet”) instead of a score.
  // The parser's score is recorded without a bar (issue 17 sets one for rules and change kinds).
  it.each((Object.keys(mutationTargets) as MutationTarget[]).filter((target) => mutationTargets[target].goal !== undefined && readSummary(target)))('reports a mutation score of the %s of at least 80%%', (target) => {
    const summary = readSummary(target)
    const total: Record<string, number> = {}
    for (const count of Object.values(summary?.counts ?? {})) for (const [status, n] of Object.entries(count)) total[status] = (total[status] ?? 0) + n
    const { detected, valid } = scoreOf(total)
    expect(valid).toBeGreaterThan(0)
    expect(detected / valid).toBeGreaterThanOrEqual(0.8)
  })

  it('explains the survivors of every file that has some, and of no other file', () => {
    const keys = [...new Set(Object.values(readSummaries()).flatMap((summary) => summary.survivors.map((survivor) => survivor.file)))]
    expect(keys.filter((key) => !(key in survivorReasons))).toEqual([])
    expect(Object.keys(survivorReasons).filter((key) => !keys.includes(key))).toEqual([])
  })
})

describe('the mutation summary', () => {
  it('counts each status per file and lists the survivors with the code they changed', () => {
    const report = {
      framework: { version: '9.9.9' },
      files: {
        'scripts/check/rules/b.ts': {
          source: 'const a = 1\nif (x >= y) go()\n',
          mutants: [
            { mutatorName: 'EqualityOperator', replacement: 'x > y', status: 'Survived', location: { start: { line: 2, column: 5 }, end: { line: 2, column: 11 } } },
            { mutatorName: 'BlockStatement', replacement: '{}', status: 'Killed', location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } },
            { mutatorName: 'StringLiteral', replacement: '""', status: 'Ignored', location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } },
          ],
        },
        'scripts/check/rules/a.ts': {
          source: 'go()\n',
          mutants: [{ mutatorName: 'BlockStatement', replacement: '{}', status: 'NoCoverage', location: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } } }],
        },
      },
    }
    const summary = summarise(report, '2026-11-29')
    expect(summary.counts).toEqual({ 'scripts/check/rules/a.ts': { NoCoverage: 1 }, 'scripts/check/rules/b.ts': { Survived: 1, Killed: 1, Ignored: 1 } })
    expect(summary.survivors).toEqual([
      { file: 'scripts/check/rules/a.ts', line: 1, mutator: 'BlockStatement', original: 'go()', replacement: '{}', status: 'NoCoverage' },
      { file: 'scripts/check/rules/b.ts', line: 2, mutator: 'EqualityOperator', original: 'x >= y', replacement: 'x > y', status: 'Survived' },
    ])
    expect(scoreOf(summary.counts['scripts/check/rules/b.ts'] ?? {})).toEqual({ detected: 1, valid: 2 })
    expect(summary.stryker).toBe('9.9.9')
  })
})

describe('a mutation run over part of a target', () => {
  const parserFiles = readdirSync(path.join(repoRoot, 'scripts/parse')).filter((file) => file.endsWith('.ts')).sort()
  const folder = parserFiles.map((file) => `scripts/parse/${file}`)
  const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 3 } })
  // The first run measures names.ts and hours.ts; the second measures hours.ts again (now with a
  // survivor killed) and pin-ids.ts, each reached by other tests.
  const first: StrykerReport = {
    framework: { version: '9.0.0' },
    testFiles: { 'test/parse/folder-names.test.ts': { tests: [{ id: '0' }] }, 'test/parse/hours.test.ts': { tests: [{ id: '1' }, { id: '2' }] } },
    files: {
      'scripts/parse/names.ts': { source: 'a\nbc\n', mutants: [{ mutatorName: 'M', replacement: 'x', status: 'Survived', coveredBy: ['0'], location: at(2) }, { mutatorName: 'M', status: 'Killed', coveredBy: ['0'], killedBy: ['0'], location: at(1) }] },
      'scripts/parse/hours.ts': { source: 'hh\n', mutants: [{ mutatorName: 'M', replacement: 'y', status: 'Survived', coveredBy: ['1', '2'], location: at(1) }] },
    },
  }
  const second: StrykerReport = {
    framework: { version: '9.1.0' },
    testFiles: { 'test/parse/hours.test.ts': { tests: [{ id: '0' }] }, 'test/parse/pin-ids.test.ts': { tests: [{ id: '1' }] }, 'test/parse/unused.test.ts': { tests: [{ id: '2' }] } },
    files: {
      'scripts/parse/hours.ts': { source: 'hh\n', mutants: [{ mutatorName: 'M', replacement: 'y', status: 'Killed', coveredBy: ['0'], killedBy: ['0'], location: at(1) }] },
      'scripts/parse/pin-ids.ts': { source: 'p\n', mutants: [{ mutatorName: 'M', replacement: 'z', status: 'NoCoverage', location: at(1) }, { mutatorName: 'M', status: 'Killed', killedBy: ['1'], location: at(1) }] },
    },
  }
  const firstCommand = 'npx stryker run --mutate "scripts/parse/hours.ts,scripts/parse/names.ts"'
  const secondCommand = 'npx stryker run --mutate "scripts/parse/hours.ts,scripts/parse/pin-ids.ts"'
  const merged = mergeSummaries(mergeSummaries(undefined, summarise(first, '2026-11-28', firstCommand), folder), summarise(second, '2026-11-29', secondCommand), folder)

  it('keeps the files a newer run did not measure, with the run that measured them, and replaces the others', () => {
    expect(merged.counts).toEqual({ 'scripts/parse/hours.ts': { Killed: 1 }, 'scripts/parse/names.ts': { Survived: 1, Killed: 1 }, 'scripts/parse/pin-ids.ts': { NoCoverage: 1, Killed: 1 } })
    expect(merged.survivors).toEqual([
      { file: 'scripts/parse/names.ts', line: 2, mutator: 'M', original: 'bc', replacement: 'x', status: 'Survived' },
      { file: 'scripts/parse/pin-ids.ts', line: 1, mutator: 'M', original: 'p', replacement: 'z', status: 'NoCoverage' },
    ])
    expect(merged.runs).toEqual({
      'scripts/parse/hours.ts': { date: '2026-11-29', command: secondCommand, stryker: '9.1.0', tests: ['test/parse/hours.test.ts'] },
      'scripts/parse/names.ts': { date: '2026-11-28', command: firstCommand, stryker: '9.0.0', tests: ['test/parse/folder-names.test.ts'] },
      'scripts/parse/pin-ids.ts': { date: '2026-11-29', command: secondCommand, stryker: '9.1.0', tests: ['test/parse/pin-ids.test.ts'] },
    })
    expect([merged.command, merged.date, merged.stryker]).toEqual([secondCommand, '2026-11-29', '9.1.0'])
  })

  it('drops a file no longer in the folder, and reads a summary written before runs were kept per file as one run', () => {
    const older = { command: 'npm run mutate:parse', date: '2026-11-01', stryker: '8.0.0', counts: { 'scripts/parse/gone.ts': { Killed: 2 }, 'scripts/parse/names.ts': { Killed: 4 } }, survivors: [] }
    const summary = mergeSummaries(older, summarise(second, '2026-11-29', secondCommand), folder)
    expect(Object.keys(summary.counts)).toEqual(['scripts/parse/hours.ts', 'scripts/parse/names.ts', 'scripts/parse/pin-ids.ts'])
    expect(summary.runs?.['scripts/parse/names.ts']).toEqual({ date: '2026-11-01', command: 'npm run mutate:parse', stryker: '8.0.0', tests: [] })
  })

  it('gives the score over all files measured, and says per file when and with which tests, and which files were not measured', () => {
    const doc = renderQualityDoc({ parse: merged })
    const others = parserFiles.filter((file) => !['names.ts', 'hours.ts', 'pin-ids.ts'].includes(file)).map((file) => `\`${file}\``)
    expect(doc).toContain('Measured file by file (StrykerJS with its vitest runner, configuration in `stryker.config.mjs`): a run mutates some files and replaces just their rows; each file’s row says when it was measured and the test files that reached its mutants. **60.0%** of the mutants of the 3 files measured are killed (3 of 5; no goal is set).')
    expect(doc).toContain(`Not measured yet (${others.length} of the ${parserFiles.length} files of \`scripts/parse\`): ${others.join(', ')}.`)
    expect(doc).toContain(`The runs:\n\n- 2026-11-29, StrykerJS 9.1.0: \`${secondCommand}\`\n- 2026-11-28, StrykerJS 9.0.0: \`${firstCommand}\`\n`)
    expect(doc).toContain(
      [
        '| Parser file | Killed | Survived | No coverage | Score | Measured on | Tests reaching its mutants |',
        '| --- | ---: | ---: | ---: | ---: | --- | --- |',
        '| `hours` | 1 | 0 | 0 | 100.0% | 2026-11-29 | `hours` |',
        '| `names` | 1 | 1 | 0 | 50.0% | 2026-11-28 | `folder-names` |',
        '| `pin-ids` | 1 | 0 | 1 | 50.0% | 2026-11-29 | `pin-ids` |',
      ].join('\n'),
    )
    expect(doc).toContain('## Mutation score of the rules\n\nNot measured yet: run `npm run mutate`.')
  })
})

describe('the command a parser summary records', () => {
  it('is the run’s own --mutate when it measured only some lines of a file, so a partial measurement is not taken for the whole file', () => {
    expect(commandFor('parse', ['scripts/parse/build.ts'], ['scripts/parse/build.ts:1-310'])).toBe('npx stryker run --mutate "scripts/parse/build.ts:1-310"')
    expect(commandFor('parse', ['scripts/parse/build.ts'], ['scripts/parse/build.ts'])).toBe('npx stryker run --mutate "scripts/parse/build.ts"')
    expect(commandFor('parse', ['scripts/parse/build.ts'])).toBe('npx stryker run --mutate "scripts/parse/build.ts"')
  })
})

describe('the files a run mutated', () => {
  // An incremental run's report also lists files it did not mutate, with earlier results.
  it('are those its --mutate patterns name: files, files with a line range and folder patterns, none excluded', () => {
    const run = ['scripts/parse/characters.ts', 'scripts/parse/build.ts:10-200', 'scripts/diff/changes/**/*.ts', '!scripts/parse/hours.ts']
    expect(['scripts/parse/characters.ts', 'scripts/parse/build.ts', 'scripts/diff/changes/a/b.ts', 'scripts/parse/hours.ts', 'scripts/parse/budget.ts', 'scripts/diff/changes/a.js'].filter((file) => mutatedBy(file, run))).toEqual([
      'scripts/parse/characters.ts',
      'scripts/parse/build.ts',
      'scripts/diff/changes/a/b.ts',
    ])
    expect(mutatedBy('scripts/parse/budget.ts', undefined)).toBe(true)
  })
})
