import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mutationTargets, readSummaries, readSummary, renderQualityDoc, scoreOf, summarise, type MutationTarget } from '../../scripts/docs/quality.ts'
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
  it('says which files of the folder were not measured, and that the parser has no goal', () => {
    const parserFiles = readdirSync(path.join(repoRoot, 'scripts/parse')).filter((file) => file.endsWith('.ts')).sort()
    const summary = { command: 'npx stryker run --mutate "scripts/parse/names.ts"', date: '2026-11-29', stryker: '9.9.9', counts: { 'scripts/parse/names.ts': { Killed: 3, Survived: 1 } }, survivors: [] }
    const doc = renderQualityDoc({ parse: summary })
    const others = parserFiles.filter((file) => file !== 'names.ts').map((file) => `\`${file}\``)
    expect(doc).toContain('Measured with `npx stryker run --mutate "scripts/parse/names.ts"` (StrykerJS 9.9.9 with its vitest runner, configuration in `stryker.config.mjs`) on 2026-11-29: **75.0%** of the mutants of the parser are killed by the parser tests stryker.config.mjs chooses for the files (3 of 4; no goal is set).')
    expect(doc).toContain(`Only 1 of the ${parserFiles.length} files of \`scripts/parse\` were measured (the run’s time was limited); not measured yet: ${others.join(', ')}.`)
    expect(doc).toContain('## Mutation score of the rules\n\nNot measured yet: run `npm run mutate`.')
  })
})
