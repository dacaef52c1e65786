/**
 * Runs .github/workflows/content.yml on this machine, so a content change can be checked
 * exactly as the pull request will be: `npm run ci:content -- --base main`.
 *
 * Each `run:` step of the workflow runs in bash, in order, in the current folder, stopping at the
 * first that fails, as GitHub Actions does. The differences, and why:
 * - steps that `uses:` an action (checkout, setup-node, upload-artifact, upload-sarif) are
 *   skipped: the folder is already checked out, with Node.js, and there is nowhere to upload to;
 * - steps that run only on GitHub (an `if:` that reads `github.`, such as the pull-request
 *   comment) are skipped; `if: always()` runs after a failure, as on GitHub;
 * - `npm ci` is skipped: the dependencies are already installed, and reinstalling would replace them;
 * - `npx thresholds` runs this checkout's CLI directly (the same program, without npx's start-up);
 * - BASE is the --base revision (default main), RUNNER_TEMP a temporary folder (removed at the
 *   end, so nothing is left in the checkout), and the job summary is printed at the end instead
 *   of being shown on the pull request.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { safeForTerminal } from '../shared/terminal.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const WORKFLOW = path.join(root, '.github/workflows/content.yml')

interface Step {
  name?: string
  run?: string
  uses?: string
  if?: string
}

const { values } = parseArgs({ options: { base: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true })
if (values.help) {
  process.stdout.write('Usage: npm run ci:content -- [--base <revision>]\n\nRuns the run: steps of .github/workflows/content.yml here, as a content pull request is checked.\n--base is the branch the change goes into (default main).\n')
  process.exit(0)
}
const base = values.base ?? 'main'
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, { steps: Step[]; env?: Record<string, string> }> }
const job = workflow.jobs.content
if (!job) throw new Error(`${WORKFLOW} has no “content” job`)

const bin = path.join(root, 'scripts/bin/thresholds.js')
const temp = mkdtempSync(path.join(tmpdir(), 'thresholds-ci-'))
const summary = path.join(temp, 'summary.md')
writeFileSync(summary, '')
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', BASE: base, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: temp }

let failed = 0
for (const step of job.steps) {
  const name = step.name ?? step.run ?? step.uses ?? 'step'
  if (step.uses) {
    process.stderr.write(`\n── ${name}: skipped here (${step.uses.split('@')[0]} is for GitHub)\n`)
    continue
  }
  if (!step.run) continue
  if (/^\s*npm ci\b/.test(step.run)) {
    process.stderr.write(`\n── ${name}: skipped here (dependencies are already installed)\n`)
    continue
  }
  const condition = step.if ?? ''
  if (/\bgithub\./.test(condition)) {
    process.stderr.write(`\n── ${name}: skipped here (runs on GitHub only)\n`)
    continue
  }
  if (failed && !/\balways\(\)/.test(condition)) continue
  const script = step.run.replace(/\bnpx thresholds\b/g, `node ${JSON.stringify(bin)}`)
  process.stderr.write(`\n── ${name}\n`)
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { stdio: 'inherit', env })
  if (result.status !== 0) {
    failed = result.status ?? 1
    process.stderr.write(`── ${name}: failed (exit ${failed})\n`)
  }
}
const text = readFileSync(summary, 'utf8')
rmSync(temp, { recursive: true, force: true })
// The summary is the diff's Markdown, already escaped; the guard every printed text passes through.
process.stderr.write(safeForTerminal(`\n── Job summary\n${text || '(empty)\n'}`))
process.stderr.write(failed ? `\nThe content checks failed (exit ${failed}): fix what is reported above.\n` : '\nThe content checks passed.\n')
process.exit(failed)
