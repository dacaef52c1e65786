import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { frameworkWith, madeOnce, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')
const runner = path.join(repoRoot, 'scripts/bin/ci-content.ts')
const tsx = import.meta.resolve('tsx')

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** A content repository on a pull-request branch: main holds the minimal framework, built (made once, copied for each test). */
const repositoryCopy = madeOnce(() => {
  const { root } = frameworkWith()
  expect(spawnSync(process.execPath, [bin, 'build'], { cwd: root }).status).toBe(0)
  writeFileSync(path.join(root, '.gitignore'), 'generated/site/\n')
  git(['init', '-q'], root)
  git(['add', '-A'], root)
  git(['commit', '-qm', 'Framework as published'], root)
  git(['checkout', '-qb', 'revision'], root)
  return root
})

function pullRequest() {
  const root = repositoryCopy()
  return { root, dir: path.join(root, 'sources/minimal') }
}

function ciContent(cwd: string, base = 'main') {
  const result = spawnSync(process.execPath, ['--import', tsx, runner, '--base', base], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: HANG_MS })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Sets the framework's version, as a pull request that raises it does. */
function raiseVersion(dir: string, version: string): void {
  const file = path.join(dir, 'framework.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, `version: "${version}"`))
}

/** Rebuilds generated/, commits the pull request's change and runs the gate on it. */
function commitBuiltAndCheck(root: string, message: string) {
  expect(spawnSync(process.execPath, [bin, 'build'], { cwd: root }).status).toBe(0)
  git(['commit', '-qam', message], root)
  return ciContent(root)
}

const diffAvailable = spawnSync(process.execPath, [bin, 'diff', '--help'], { encoding: 'utf8' }).status === 0

// Each test runs the whole workflow (two runs in one test): minutes on a busy machine.
describe('npm run ci:content', () => {
  it('runs the workflow’s steps: a clean change passes, with the change report as the summary', () => {
    const { root, dir } = pullRequest()
    const file = path.join(dir, 'domains/01-health.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Missing immunisations', 'Missing immunisations or health checks'))
    raiseVersion(dir, '1.1')
    const run = commitBuiltAndCheck(root, 'Reword an indicator')
    expect(run.stderr).toContain('── Check every framework (an annotation for every problem, in whatever file it is)\n')
    expect(run.stderr).toContain('generated/ is up to date with the sources.')
    expect(run.stderr).toContain('── Post the change report on the pull request: skipped here (runs on GitHub only)')
    expect(run.stderr).toContain('── Job summary\n### Thresholds check: 0 errors, 0 warnings, 0 suppressed in 1 framework\n')
    expect(run.stderr + run.stdout).toMatch(/thresholds-frameworks-\d+\.\d+\.\d+\.tgz/)
    expect(run.stderr + run.stdout).toMatch(/thresholds-minimal-1\.1\.0\.tgz/)
    expect(run.stderr).toContain('── Install: skipped here (dependencies are already installed)')
    expect(run.stderr).toContain('── Keep the preview website for reviewers to download: skipped here (actions/upload-artifact is for GitHub)')
    expect(run.stderr).toMatch(/Wrote \d+ files in generated\/site\//)
    if (diffAvailable) expect(run.stderr).not.toContain('No change report')
    else expect(run.stderr).toContain('── Job summary\nNo change report: this version of Thresholds has no diff command yet.\n')
    expect(run.stdout).not.toContain('::error')
    expect(run.stderr.endsWith('The content checks passed.\n')).toBe(true)
    expect(run.status).toBe(0)
  })

  it('annotates an error wherever it is, lists it in the summary, and stops the gate there (exit 1)', () => {
    const { root, dir } = pullRequest()
    const file = path.join(dir, 'levels/02-child-protection.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('[Front door](#front-door)', '[Front door](#front-dor)'))
    git(['commit', '-qam', 'Typo in a link'], root)
    // An error already on main, in a file this change does not touch, is annotated too.
    const other = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(other, readFileSync(other, 'utf8').replace('- Talk to the family.', '- Talk to the family; see [nothing](#nothing-here).'))
    const run = ciContent(root)
    expect(run.stdout).toMatch(/^::error file=sources\/minimal\/levels\/02-child-protection\.md,line=16,col=3,endLine=16,endColumn=27,title=link-resolves::The link “Front door” points to “#front-dor”/m)
    expect(run.stdout).toMatch(/^::error file=sources\/minimal\/levels\/01-early-help\.md,.*title=link-resolves::The link “nothing”/m)
    expect(run.stderr).toContain('── Check every framework (an annotation for every problem, in whatever file it is): failed (exit 1)')
    // The summary and the SARIF log still come after a failure; the gate steps do not.
    expect(run.stderr).toContain('── List every finding in the job summary (annotations are capped)\n')
    expect(run.stderr).toMatch(/\| error \| <code>sources\/minimal\/levels\/02-child-protection\.md:16:3<\/code> \|/)
    expect(run.stderr).toContain('── Write every finding as SARIF for code scanning\n')
    expect(run.stderr).not.toContain('── Check that generated/ matches the sources, and its version is not lower than the base\'s release needs\n')
    expect(run.stderr.endsWith('The content checks failed (exit 1): fix what is reported above.\n')).toBe(true)
    expect(run.status).toBe(1)
  })

  it('fails a change that moves a threshold without raising the version, and passes it once the version is raised', () => {
    const { root, dir } = pullRequest()
    const health = path.join(dir, 'domains/01-health.md')
    writeFileSync(
      health,
      readFileSync(health, 'utf8')
        .replace('- Missing immunisations {#health-missing-immunisations}\n\n## Child protection\n', '## Child protection\n\n- Missing immunisations {#health-missing-immunisations}\n')
        .replace('## Early Help\n\n', '## Early Help\n\n- Often misses health appointments {#health-misses-appointments}\n'),
    )
    const kept = commitBuiltAndCheck(root, 'Raise a threshold')
    expect(kept.stderr).toContain('── Report what changed, and refuse a change that keeps its version: failed (exit 1)')
    expect(kept.stderr).toContain('but the version is still 1.0: raise it to 2.0')
    expect(kept.status).toBe(1)
    raiseVersion(dir, '2.0')
    const raised = commitBuiltAndCheck(root, 'Version 2.0')
    expect(raised.stderr).toContain('| Missing immunisations | Health | Early Help | Child protection | **raised** |')
    expect(raised.stderr.slice(-300)).toMatch(/The content checks passed.\n$/)
    expect(raised.status).toBe(0)
  })

  it('fails a change a person should review unless the MINOR version is raised: not by keeping it, not by a PATCH', () => {
    const { root, dir } = pullRequest()
    const health = path.join(dir, 'domains/01-health.md')
    writeFileSync(health, readFileSync(health, 'utf8').replace('Missing immunisations', 'Missing immunisations or checks'))
    const kept = commitBuiltAndCheck(root, 'Reword')
    expect(kept.stderr).toContain('1 change for a person to review but the version is still 1.0: raise it to 1.1 so apps and readers can tell the two texts apart')
    expect(kept.status).toBe(1)
    raiseVersion(dir, '1.0.1')
    const patched = commitBuiltAndCheck(root, 'Version 1.0.1')
    expect(patched.stderr).toContain('1 change for a person to review but the version only went from 1.0 to 1.0.1: a change a person should review needs a new minor version (1.1)')
    expect(patched.stderr).toContain('── Report what changed, and refuse a change that keeps its version: failed (exit 1)')
    expect(patched.status).toBe(1)
    raiseVersion(dir, '1.1')
    const raised = commitBuiltAndCheck(root, 'Version 1.1')
    expect(raised.stderr.slice(-300)).toMatch(/The content checks passed.\n$/)
    expect(raised.status).toBe(0)
  })

  it('fails a package version lower than the base branch’s release, even when generated/ matches the sources', () => {
    const { root } = pullRequest()
    // Built again now that git holds the sources, so the changelogs are what build --check expects.
    expect(spawnSync(process.execPath, [bin, 'build'], { cwd: root }).status).toBe(0)
    const file = path.join(root, 'generated/package.json')
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": "1.0.0"', '"version": "0.9.0"'))
    // Lowered everywhere the version is shown, so build --check alone passes.
    for (const [name, from, to] of [['README.md', 'This is version 1.0.0.', 'This is version 0.9.0.'], ['CHANGELOG.md', 'frameworks 1.0.0\n', 'frameworks 0.9.0\n']] as const) {
      const shown = path.join(root, 'generated', name)
      expect(readFileSync(shown, 'utf8')).toContain(from)
      writeFileSync(shown, readFileSync(shown, 'utf8').replace(from, to))
    }
    expect(spawnSync(process.execPath, [bin, 'build', '--check'], { cwd: root }).status).toBe(0)
    git(['commit', '-qam', 'Lower the package version'], root)
    const run = ciContent(root)
    expect(run.stderr).toContain('generated/package.json:4:14 error The version of @thresholds/frameworks here is 0.9.0, lower than the 1.0.0 that these frameworks need after 1.0.0 at main, expected 1.0.0 or higher: restore generated/package.json from main and run “npm run build” [package-version-not-lowered]\n')
    expect(run.stderr).toContain("── Check that generated/ matches the sources, and its version is not lower than the base's release needs: failed (exit 1)")
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

  it('is the workflow GitHub runs: on every change that can change the output, pushes to main too, with full history and these commands', () => {
    const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/content.yml'), 'utf8')) as {
      on: { pull_request: { paths: string[] }; push: { branches: string[]; paths: string[] } }
      concurrency: { group: string }
      jobs: Record<string, { env?: Record<string, string>; strategy?: { matrix: { node: number[] } }; permissions?: Record<string, string>; steps: Array<{ uses?: string; run?: string; if?: string; with?: Record<string, unknown> }> }>
    }
    const watched = ['sources/**', 'generated/**', 'schema/**', 'scripts/**', 'rules.yaml', 'package.json', 'package-lock.json', 'tsconfig.json', '.gitattributes', '.github/workflows/content.yml']
    expect(workflow.on.pull_request.paths).toEqual(watched)
    expect(workflow.on.push).toEqual({ branches: ['main'], paths: watched })
    expect(workflow.concurrency.group).toBe('content-${{ github.event.pull_request.number || github.ref }}')
    const content = workflow.jobs.content
    if (!content) throw new Error('no content job')
    expect(content.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' })
    const steps = content.steps
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } })
    const runs = steps.flatMap((step) => step.run ?? [])
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm ci --no-audit --no-fund',
        'npx thresholds check --format github',
        'npx thresholds check --format markdown >> "$GITHUB_STEP_SUMMARY" || [ $? -eq 1 ]',
        'npx thresholds build --check --base "$BASE"',
        expect.stringContaining('npx thresholds diff --base "$BASE" --format markdown --fail-on version-not-raised'),
        'mkdir -p "$RUNNER_TEMP/package"\nnpm pack ./generated --pack-destination "$RUNNER_TEMP/package"\nfor manifest in generated/*/package.json; do npm pack "./$(dirname "$manifest")" --pack-destination "$RUNNER_TEMP/package"; done\n',
      ]),
    )
    expect(steps.map((step) => step.uses?.split('@')[0]).filter(Boolean)).toEqual(['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif', 'actions/upload-artifact', 'actions/upload-artifact'])
    // Values from the event never reach a shell command directly, only through the environment.
    for (const run of runs) expect(run).not.toContain('${{')
    // The Node.js versions package.json supports are the ones the matrix tests.
    const engines = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node
    expect(engines).toBe('>=20.11')
    expect(workflow.jobs.node?.strategy?.matrix.node).toEqual([20, 22, 24])
  })
})
