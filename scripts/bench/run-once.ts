/**
 * One measured run in a fresh process, so every run pays the same start-up and the peak memory
 * is this run's alone. Prints one JSON line. Modes:
 *   floor  read every file and run unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(): nothing else
 *   check  what `thresholds check` does
 *   build  what `thresholds build` does, writing into a fresh folder
 *   check-cached, build-cached  the same through the content cache (in CACHE_DIR), as the CLI runs
 *          them by default; the build writes into `out` as it stands, as a repeated build does
 *   velite  Velite's build of the same files (velite.config.ts beside this file) into `out`; its
 *          module is loaded before timing starts, like Thresholds' own
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import { CheckCache } from '../cache/check.ts'
import { BuildCache } from '../cache/generate.ts'
import { EarlyFields } from '../generate/early-fields.ts'
import { openCache, type ContentCache } from '../cache/store.ts'
import { findFrameworkFolders } from '../parse/index.ts'
import { buildRun } from '../pipeline/build.ts'
import { checkRun } from '../pipeline/check.ts'
import { StageTimer } from '../shared/timing.ts'

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name)
      return statSync(full).isDirectory() ? filesUnder(full) : [full]
    })
}

const [mode = 'check', sources = 'sources', out = ''] = process.argv.slice(2)
const velite = mode === 'velite' ? await import('velite') : undefined
// A cold build (and Velite's) writes into a fresh folder: the last run's output is removed before
// timing starts, as deleting a thousand files is no part of a build. A cached build writes into
// the folder as it stands.
if (mode === 'build' || velite) rmSync(out, { recursive: true, force: true })
let errors = 0
const timer = new StageTimer()
const start = performance.now()
await timer.measure(async () => {
  if (velite) {
    process.env.VELITE_ROOT = path.resolve(sources)
    process.env.VELITE_OUT = path.resolve(out)
    const config = path.relative(process.cwd(), fileURLToPath(new URL('velite.config.ts', import.meta.url)))
    const result = await velite.build({ config, clean: true, logLevel: 'silent', strict: true })
    errors = Object.keys(result).length === 7 ? 0 : 1
  } else if (mode === 'floor') {
    const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)
    for (const file of filesUnder(sources)) processor.parse(readFileSync(file, 'utf8'))
  } else {
    // The pipeline as the CLI runs it (cli/commands.ts): through the content cache for the cached modes.
    const cached = mode === 'check-cached' || mode === 'build-cached'
    const cache = cached ? new CheckCache(openCache(process.cwd(), process.env, process.getuid?.()) as ContentCache, process.env) : undefined
    // As `thresholds build` does: fields rendered while the check waits for the parser.
    const early = mode === 'build' || mode === 'build-cached' ? new EarlyFields(cache && new BuildCache(cache).fields) : undefined
    const result = await checkRun(findFrameworkFolders([sources], process.cwd()), { cwd: process.cwd(), env: process.env, memo: cache, modelBuilt: early?.offer })
    errors = result.errors
    if (mode === 'build' || mode === 'build-cached') {
      if (errors > 0) throw new Error('the corpus has errors')
      // splice(0) empties the result, so nothing else holds the frameworks.
      await buildRun(out, result.contexts.splice(0), { memo: cache && new BuildCache(cache), env: process.env, early })
    }
  }
})
const wallMs = performance.now() - start
process.stdout.write(`${JSON.stringify({ mode, wallMs, stages: mode === 'floor' || velite ? {} : timer.times(), maxRssKb: process.resourceUsage().maxRSS, errors })}\n`)
