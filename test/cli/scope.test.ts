import { cpSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rules } from '../../scripts/check/registry.ts'
import { edit, git, onTestDay, repoRoot, thresholds } from '../helpers.ts'

/**
 * One truth for the gate: checking one framework, one of its files, or `--changed-since` gives,
 * for that framework, exactly the messages (and suppressions) of the full check. Rules that compare
 * frameworks must still see every framework, or a suppression the full check needs is called
 * unused. Each comparing rule has a scenario here; a new one without a scenario fails the suite.
 */
interface Report {
  diagnostics: Array<{ ruleId: string; file: string; line: number; column: number; message: string; severity: string }>
  suppressed: Array<{ ruleId: string; file: string; line: number; message: string }>
}

function check(args: string[], cwd: string): Report & { status: number | null } {
  const result = thresholds(['check', '--format', 'json', '--no-cache', ...args], cwd, { env: onTestDay })
  expect(result.stderr.includes('Error:') ? result.stderr : '', 'no crash').toBe('')
  return { ...(JSON.parse(result.stdout) as Report), status: result.status }
}

/** The shipped sources in a git repository of their own, after `change` (committed before it). */
function project(change: (sources: string) => void): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-scope-'))
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  git(['init', '-q'], root)
  git(['add', '-A'], root)
  git(['commit', '-q', '-m', 'Start'], root)
  change(path.join(root, 'sources'))
  return root
}

/** For each rule that compares frameworks: changes to the shipped sources after which it speaks. */
const SCENARIOS: Record<string, Array<{ name: string; change: (sources: string) => void; framework: string; file: string; expectRule: 'reported' | 'suppressed' }>> = {
  'guidance-edition-current': [
    {
      name: 'an older edition, with the suppression the shipped sources carry',
      change: (sources) => edit(path.join(sources, 'solihull/framework.md'), 'title: Right Help', 'title:  Right Help'),
      framework: 'solihull',
      file: 'framework.md',
      expectRule: 'suppressed',
    },
    {
      name: 'an older edition, reported',
      change: (sources) => edit(path.join(sources, 'solihull/framework.md'), '# thresholds-ignore-next-line guidance-edition-current:', '# no longer suppressed:'),
      framework: 'solihull',
      file: 'framework.md',
      expectRule: 'reported',
    },
  ],
}

const forFramework = (report: Report, id: string) => ({
  diagnostics: report.diagnostics.filter((entry) => entry.file.startsWith(`sources/${id}/`)),
  suppressed: report.suppressed.filter((entry) => entry.file.startsWith(`sources/${id}/`)),
})

describe('checking part of a project', () => {
  it('has a scenario for every rule that compares frameworks', () => {
    expect(rules.filter((rule) => rule.compares).map((rule) => rule.id)).toEqual(Object.keys(SCENARIOS))
  })

  for (const [ruleId, scenarios] of Object.entries(SCENARIOS))
    for (const scenario of scenarios)
      it(`${ruleId}: ${scenario.name}: one framework, one file and --changed-since give the full check's messages`, () => {
        const root = project(scenario.change)
        const full = check([], root)
        const expected = forFramework(full, scenario.framework)
        const rule = scenario.expectRule === 'reported' ? expected.diagnostics : expected.suppressed
        // The scenario really makes the rule speak, so the comparison below is not empty.
        expect(rule.filter((entry) => entry.ruleId === ruleId)).toHaveLength(1)
        expect(expected.diagnostics.filter((entry) => entry.ruleId === 'unused-suppression')).toEqual([])
        const folder = path.join('sources', scenario.framework)
        for (const args of [[folder], [path.join(folder, scenario.file)]]) {
          const scoped = check(args, root)
          expect({ args, ...forFramework(scoped, scenario.framework) }).toEqual({ args, ...expected })
          // Only the chosen framework is reported.
          expect([...scoped.diagnostics, ...scoped.suppressed].every((entry) => entry.file.startsWith(`${folder}/`))).toBe(true)
          expect(scoped.status).toBe(expected.diagnostics.some((entry) => entry.severity === 'error') ? 1 : 0)
        }
        // --changed-since reports the changed files: there, exactly what the full check says.
        const changedFile = `${folder}/${scenario.file}`
        const since = check(['--changed-since', 'HEAD'], root)
        expect({ diagnostics: since.diagnostics, suppressed: since.suppressed }).toEqual({
          diagnostics: expected.diagnostics.filter((entry) => entry.file === changedFile),
          suppressed: expected.suppressed.filter((entry) => entry.file === changedFile),
        })
        expect([...since.diagnostics, ...since.suppressed].filter((entry) => entry.ruleId === ruleId)).toHaveLength(1)
      })
})

describe('build of one framework', () => {
  it('checks it beside its neighbours, as the full check does, and writes only it', () => {
    const root = project(() => {})
    const full = forFramework(check([], root), 'solihull')
    // Solihull's suppressions are needed only when a comparing rule sees Shropshire too.
    expect(full.suppressed.length).toBeGreaterThan(0)
    const built = thresholds(['build', 'sources/solihull', '--format', 'json', '--max-warnings', '0', '--no-cache', '--out', 'one'], root, { env: onTestDay })
    expect(built.stderr).toMatch(/^Wrote \d+ files in one\/\.\n$/)
    expect(built.status).toBe(0)
    const report = JSON.parse(built.stdout) as Report
    expect({ diagnostics: report.diagnostics, suppressed: report.suppressed }).toEqual(full)
    expect(readdirSync(path.join(root, 'one')).filter((name) => !name.includes('.')).sort()).toEqual(['solihull'])
  })
})
