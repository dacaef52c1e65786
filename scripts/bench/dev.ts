/**
 * Benchmark: watch mode on the shipped frameworks. Edits one file of each framework again and
 * again (on a copy of sources/, so the real files are never touched) and times `DevSession.recheck`
 * (parse + rules, the pipeline time `thresholds dev` prints), plus rebuilding the edited
 * framework's pages and, for reference, a full site build in the same process.
 *
 *   npx tsx scripts/bench/dev.ts [--runs 30]           JSON, read by `npm run bench`
 *   npm run bench:dev [-- --runs 30]                    a readable table instead
 *
 * The JSON's `ms` is the re-check time over every edit of every file: median, min and max.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkFrameworks } from '../check/index.ts'
import { createDevSession } from '../dev/session.ts'
import { findFrameworkFolders, loadFrameworks } from '../parse/index.ts'
import { renderFramework, renderSite } from '../site/index.ts'
import { summarise, type Summary } from './stats.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** One file per kind that authors edit most: a domain's indicators, a level's advice, the contacts. */
const EDITS = [
  ['sources/solihull/domains/01-health.md', 'Physically well'],
  ['sources/shropshire/levels/03-getting-family-help.md', 'Talk to the family'],
  ['sources/shropshire/contacts.md', 'Emergency services'],
] as const

const WARM_UP = 3

interface FileResult {
  file: string
  recheckMs: Summary
  parseMs: Summary
  rulesMs: Summary
  pagesMs: Summary
  /** Markdown files parsed per edit (the rest come from the session's tree cache). */
  filesParsed: number
}

export async function benchDev(runs: number) {
  // A full site build, in this process: read, check, render (what `thresholds site` does before writing).
  const site: number[] = []
  for (let run = 0; run < 6; run++) {
    const start = performance.now()
    const result = checkFrameworks(loadFrameworks(findFrameworkFolders([], root)))
    renderSite(result.contexts.map((parsed) => parsed.framework))
    if (run > 0) site.push(performance.now() - start)
  }

  const work = mkdtempSync(path.join(tmpdir(), 'thresholds-bench-dev-'))
  try {
    cpSync(path.join(root, 'sources'), path.join(work, 'sources'), { recursive: true })
    const { session, first } = await createDevSession({ paths: ['sources'], cwd: work })
    const files: FileResult[] = []
    const all: number[] = []
    for (const [file, words] of EDITS) {
      const full = path.join(work, file)
      const original = readFileSync(full, 'utf8')
      if (!original.includes(words)) throw new Error(`${file} no longer says “${words}”: update scripts/bench/dev.ts`)
      const totals: number[] = []
      const parses: number[] = []
      const checks: number[] = []
      const pages: number[] = []
      let filesParsed = 0
      for (let run = 0; run < runs + WARM_UP; run++) {
        writeFileSync(full, original.replace(words, `${words}${run % 2 ? ' (edited)' : ''}`))
        const change = await session.recheck(full)
        const start = performance.now()
        for (const context of change.result.contexts) if (change.reparsed.includes(context.framework.id)) renderFramework(context.framework)
        const rendered = performance.now() - start
        if (run < WARM_UP) continue
        totals.push(change.timings.total)
        parses.push(change.timings.parse)
        checks.push(change.timings.check)
        pages.push(rendered)
        filesParsed = Math.max(filesParsed, change.filesParsed)
      }
      writeFileSync(full, original)
      all.push(...totals)
      files.push({ file, recheckMs: summarise(totals), parseMs: summarise(parses), rulesMs: summarise(checks), pagesMs: summarise(pages), filesParsed })
    }
    session.close()
    return { ms: summarise(all), editsPerFile: runs, files, firstCheckMs: Math.round(first.timings.total), fullSiteBuildMs: summarise(site) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, table: { type: 'boolean' } } })
  const result = await benchDev(Math.max(5, Number(values.runs ?? 30)))
  if (!values.table) process.stdout.write(`${JSON.stringify(result)}\n`)
  else {
    const ms = (s: Summary) => `${s.median} ms (${s.min}–${s.max})`
    const lines = ['| Edited file | Re-check | of which parse | of which rules | Files parsed | Pages rebuilt |', '| --- | --- | --- | --- | --- | --- |']
    for (const f of result.files) lines.push(`| ${f.file} | ${ms(f.recheckMs)} | ${ms(f.parseMs)} | ${ms(f.rulesMs)} | ${f.filesParsed} | ${ms(f.pagesMs)} |`)
    lines.push('', `Re-check over all ${result.files.length * result.editsPerFile} edits: ${ms(result.ms)} (target < 100 ms).`)
    lines.push(`First check of every shipped framework: ${result.firstCheckMs} ms. Full site build in process: ${ms(result.fullSiteBuildMs)}.`)
    process.stdout.write(`${lines.join('\n')}\n`)
  }
}
