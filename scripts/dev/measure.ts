/**
 * Measures watch mode on the shipped frameworks: the re-check after a one-file edit (the
 * pipeline time `DevSession.recheck` reports) and the site rebuild after it, plus a full site
 * build. Works on a copy of sources/, so the real files are never touched.
 *
 *   npm run bench:dev [-- --runs 30]
 *
 * For a benchmark harness: `createDevSession({ paths, cwd })` then `session.recheck(file)` after
 * each edit; `timings.total` is the pipeline time (parse + check) in milliseconds.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkFrameworks } from '../check/index.ts'
import { findFrameworkFolders, loadFrameworks } from '../parse/index.ts'
import { renderFramework, renderSite } from '../site/index.ts'
import { createDevSession } from './session.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({ options: { runs: { type: 'string' } } })
const runs = Math.max(5, Number(values.runs ?? 30))

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`
}

// A full site build, in this process: read, check, render (what thresholds site does before writing).
const siteSamples: number[] = []
for (let run = 0; run < 5; run++) {
  const start = performance.now()
  const result = checkFrameworks(loadFrameworks(findFrameworkFolders([], root)))
  renderSite(result.contexts.map((parsed) => parsed.framework))
  siteSamples.push(performance.now() - start)
}

const work = mkdtempSync(path.join(tmpdir(), 'thresholds-measure-'))
try {
  cpSync(path.join(root, 'sources'), path.join(work, 'sources'), { recursive: true })
  const { session, first } = createDevSession({ paths: ['sources'], cwd: work })
  const edits = [
    ['sources/solihull/domains/01-health.md', 'Physically well'],
    ['sources/shropshire/levels/03-getting-family-help.md', 'Talk to the family'],
    ['sources/shropshire/contacts.md', 'Emergency services'],
  ] as const
  for (const [file, words] of edits) {
    const full = path.join(work, file)
    const original = readFileSync(full, 'utf8')
    if (!original.includes(words)) throw new Error(`${file} no longer says “${words}”: update scripts/dev/measure.ts`)
    const totals: number[] = []
    const parses: number[] = []
    const checks: number[] = []
    const pages: number[] = []
    for (let run = 0; run < runs + 3; run++) {
      writeFileSync(full, original.replace(words, `${words}${run % 2 ? ' (edited)' : ''}`))
      const change = session.recheck(full)
      const start = performance.now()
      for (const context of change.result.contexts) if (change.reparsed.includes(context.framework.id)) renderFramework(context.framework)
      const rendered = performance.now() - start
      if (run < 3) continue // warm-up
      totals.push(change.timings.total)
      parses.push(change.timings.parse)
      checks.push(change.timings.check)
      pages.push(rendered)
    }
    writeFileSync(full, original)
    process.stdout.write(`${file}, ${runs} edits:\n  re-check (pipeline)  ${stats(totals)}\n    parse              ${stats(parses)}\n    rules              ${stats(checks)}\n  pages rebuilt        ${stats(pages)}\n`)
  }
  session.close()
  process.stdout.write(`first check of both frameworks: ${first.timings.total.toFixed(0)} ms\n`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.stdout.write(`full site build in process (read, check and render every page): ${stats(siteSamples.slice(1))}\n`)
