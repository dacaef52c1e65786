import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { frameworkWith, repoRoot } from '../helpers.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
const runner = path.join(repoRoot, 'scripts/ci/content.ts')
const tsx = import.meta.resolve('tsx')

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** A content repository on a pull-request branch: main holds the minimal framework, built. */
function pullRequest() {
  const { root, dir } = frameworkWith()
  spawnSync(process.execPath, [bin, 'build'], { cwd: root })
  writeFileSync(path.join(root, '.gitignore'), 'generated/site/\n')
  git(['init', '-q'], root)
  git(['add', '-A'], root)
  git(['commit', '-qm', 'Framework as published'], root)
  git(['checkout', '-qb', 'revision'], root)
  return { root, dir }
}

function ciContent(cwd: string, base = 'main') {
  const result = spawnSync(process.execPath, ['--import', tsx, runner, '--base', base], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const diffAvailable = spawnSync(process.execPath, [bin, 'diff', '--help'], { encoding: 'utf8' }).status === 0

describe('npm run ci:content', () => {
  it('runs the workflow’s steps: a clean change passes, with the change report as the summary', () => {
    const { root, dir } = pullRequest()
    const file = path.join(dir, 'domains/01-health.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Missing immunisations', 'Missing immunisations or health checks'))
    expect(spawnSync(process.execPath, [bin, 'build'], { cwd: root }).status).toBe(0)
    git(['commit', '-qam', 'Reword an indicator'], root)
    const run = ciContent(root)
    expect(run.stderr).toContain('── Check the changed files (problems show on the pull request\'s lines)\n')
    expect(run.stderr).toContain('generated/ is up to date with the sources.')
    expect(run.stderr).toContain('── Install: skipped here (dependencies are already installed)')
    expect(run.stderr).toContain('── Keep the preview website for reviewers to download: skipped here (actions/upload-artifact is for GitHub)')
    expect(run.stderr).toMatch(/Wrote \d+ files in generated\/site\//)
    if (diffAvailable) expect(run.stderr).not.toContain('No change report')
    else expect(run.stderr).toContain('── Job summary\nNo change report: this version of Thresholds has no diff command yet.\n')
    expect(run.stdout).not.toContain('::error')
    expect(run.stderr.endsWith('The content checks passed.\n')).toBe(true)
    expect(run.status).toBe(0)
  })

  it('annotates an error on the changed line and stops there (exit 1)', () => {
    const { root, dir } = pullRequest()
    const file = path.join(dir, 'levels/02-child-protection.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('[Front door](#front-door)', '[Front door](#front-dor)'))
    git(['commit', '-qam', 'Typo in a link'], root)
    const run = ciContent(root)
    expect(run.stdout).toMatch(/^::error file=sources\/minimal\/levels\/02-child-protection\.md,line=16,col=3,endLine=16,endColumn=27,title=link-resolves::The link “Front door” points to “#front-dor”/m)
    expect(run.stderr).toContain('── Check the changed files (problems show on the pull request\'s lines): failed (exit 1)')
    expect(run.stderr).not.toContain('── Check that generated/ matches the sources\n')
    expect(run.stderr.endsWith('The content checks failed (exit 1): fix what is reported above.\n')).toBe(true)
    expect(run.status).toBe(1)
  })

  it('fails when generated/ was not rebuilt with the change', () => {
    const { root, dir } = pullRequest()
    const file = path.join(dir, 'domains/01-health.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Missing immunisations', 'Missing vaccinations'))
    git(['commit', '-qam', 'Reword without building'], root)
    const run = ciContent(root)
    expect(run.stderr).toContain('generated/ is not what the sources produce. Run “npm run build” and commit the result.')
    expect(run.stderr).toContain('  differs: generated/minimal/framework.json')
    expect(run.status).toBe(1)
  })

  it('is the workflow GitHub runs: on pull requests touching sources/, with full history, Node 20 and these commands', () => {
    const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/content.yml'), 'utf8')) as {
      on: { pull_request: { paths: string[] } }
      jobs: { content: { env: Record<string, string>; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> } }
    }
    expect(workflow.on.pull_request.paths).toEqual(['sources/**'])
    const steps = workflow.jobs.content.steps
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } })
    expect(steps[1]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } })
    expect(workflow.jobs.content.env.BASE).toBe('origin/${{ github.base_ref }}')
    const runs = steps.flatMap((step) => step.run ?? [])
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm ci --no-audit --no-fund',
        'npx thresholds check --format github --changed-since "$BASE"',
        'npx thresholds build --check',
        expect.stringContaining('npx thresholds diff --base "$BASE" --format markdown >> "$GITHUB_STEP_SUMMARY"'),
      ]),
    )
    // Values from the event never reach a shell command directly, only through the environment.
    for (const run of runs) expect(run).not.toContain('${{')
  })
})
