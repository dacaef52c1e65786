import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { bin, cleanEnv, frameworkWith, repoRoot } from '../helpers.ts'
import { brokenLinkAndPolarity, edit, twoPendingLinks } from '../report/content.ts'
import { sarifValidator } from '../report/sarif-schema.ts'
import { HANG_MS } from '../limits.ts'

const ESC = '\u001b'

/** Runs the real CLI as a process; its stdout and stderr are pipes, never a terminal. */
function thresholds(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: cleanEnv(env), timeout: HANG_MS })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('check --format text', () => {
  it('writes no colour codes to a pipe, and colour when FORCE_COLOR asks (NO_COLOR still wins)', () => {
    const { root, dir } = frameworkWith()
    brokenLinkAndPolarity(dir)
    const plain = thresholds(['check'], root)
    expect(plain.status).toBe(1)
    expect(plain.stderr).toContain('sources/minimal/levels/01-early-help.md:15:3 error The link “Front door”')
    expect(plain.stderr).not.toContain(ESC)
    const forced = thresholds(['check'], root, { FORCE_COLOR: '1' })
    expect(forced.stderr).toContain(`${ESC}[31merror${ESC}[39m`)
    expect(forced.stderr.replace(/\u001b\[\d+m/g, '')).toBe(plain.stderr)
    expect(thresholds(['check'], root, { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr).not.toContain(ESC)
  })
})

describe('check --format github', () => {
  it('writes annotations to stdout with paths relative to the working directory, and the summary to stderr', () => {
    const { root, dir } = frameworkWith()
    brokenLinkAndPolarity(dir)
    const { status, stdout, stderr } = thresholds(['check', '--format', 'github'], root)
    expect(status).toBe(1)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines.every((line) => line.startsWith('::error file=sources/minimal/'))).toBe(true)
    expect(lines).toContain(
      '::error file=sources/minimal/levels/01-early-help.md,line=3,col=8,endLine=3,endColumn=18,title=level-has-contacts::Level “Early Help” has no contacts, expected at least one phone number or portal: add “## Contacts” with a link such as “- [First Point of Contact](#fpoc)”%0Ahttps://github.com/thresholds/thresholds/blob/main/docs/rules.md#level-has-contacts',
    )
    expect(stderr).toBe('3 errors, 0 warnings, 0 suppressed in 1 framework\n')
  })
})

describe('check --format sarif', () => {
  it('writes a SARIF 2.1.0 log that validates against the official schema', () => {
    const { root, dir } = frameworkWith()
    brokenLinkAndPolarity(dir)
    twoPendingLinks(dir)
    const { status, stdout, stderr } = thresholds(['check', '--format', 'sarif'], root)
    expect(status).toBe(1)
    expect(stderr).toBe('')
    const validate = sarifValidator()
    const log = JSON.parse(stdout) as { runs: Array<{ tool: { driver: { version: string } }; results: Array<{ level: string }> }> }
    expect(validate(log)).toBe(true)
    expect(log.runs[0]?.tool.driver.version).toBe((JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version)
    expect(log.runs[0]?.results.map((result) => result.level).sort()).toEqual(['error', 'error', 'error', 'warning', 'warning'])
  })
})

describe('check --format junit', () => {
  it('writes JUnit XML that parses back with a failure per message', () => {
    const { root, dir } = frameworkWith()
    brokenLinkAndPolarity(dir)
    const { status, stdout } = thresholds(['check', '--format', 'junit'], root)
    expect(status).toBe(1)
    expect(XMLValidator.validate(stdout)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout) as { testsuites: { tests: string; failures: string } }
    expect(parsed.testsuites).toMatchObject({ tests: '7', failures: '3' })
  })
})

describe('check --max-warnings', () => {
  it('passes with as many warnings as allowed and fails with one more, saying why', () => {
    const { root, dir } = frameworkWith()
    twoPendingLinks(dir)
    expect(thresholds(['check'], root).status).toBe(0)
    expect(thresholds(['check', '--max-warnings', '2'], root).status).toBe(0)
    const over = thresholds(['check', '--max-warnings', '1'], root)
    expect(over.status).toBe(1)
    expect(over.stderr.endsWith('⚠ 0 errors, 2 warnings, 0 suppressed in 1 framework\nCheck failed: 2 warnings found, more than --max-warnings 1 allows.\n')).toBe(true)
    expect(thresholds(['check', '--max-warnings=0'], root).status).toBe(1)
    // Machine formats keep stdout for the document; the reason goes to stderr.
    const json = thresholds(['check', '--format', 'json', '--max-warnings', '1'], root)
    expect(json.status).toBe(1)
    expect((JSON.parse(json.stdout) as { summary: unknown }).summary).toEqual({ errors: 0, warnings: 2, suppressed: 0 })
    expect(json.stderr).toBe('Check failed: 2 warnings found, more than --max-warnings 1 allows.\n')
  })

  it('counts warnings that --quiet does not show', () => {
    const { root, dir } = frameworkWith()
    twoPendingLinks(dir)
    const quiet = thresholds(['check', '--quiet', '--max-warnings', '1'], root)
    expect(quiet.status).toBe(1)
    expect(quiet.stderr).not.toContain(' warning The address')
    expect(quiet.stderr).toBe('⚠ 0 errors, 2 warnings (not shown: --quiet), 0 suppressed in 1 framework\nCheck failed: 2 warnings found, more than --max-warnings 1 allows.\n')
    expect(thresholds(['check', '--quiet', '--max-warnings', '2'], root).status).toBe(0)
  })

  it('refuses anything but a whole number of 0 or more (exit 2)', () => {
    for (const value of ['-1', '1.5', 'abc', '', '1e3'])
      expect(thresholds(['check', `--max-warnings=${value}`], repoRoot)).toMatchObject({ status: 2, stderr: `--max-warnings expects a whole number of 0 or more, got “${value}”\n` })
  })
})

describe('build with a report format', () => {
  it('prints the SARIF log on stdout and writes generated/ when there is no error', () => {
    const { root } = frameworkWith()
    const { status, stdout } = thresholds(['build', '--format', 'sarif'], root)
    expect(status).toBe(0)
    expect(sarifValidator()(JSON.parse(stdout))).toBe(true)
    expect(existsSync(path.join(root, 'generated/minimal/framework.json'))).toBe(true)
  })

  it('writes nothing when there are more warnings than --max-warnings allows', () => {
    const { root, dir } = frameworkWith()
    twoPendingLinks(dir)
    const { status, stderr } = thresholds(['build', '--max-warnings', '1'], root)
    expect(status).toBe(1)
    expect(stderr).toContain('Nothing was written to generated/: 2 warnings found, more than --max-warnings 1 allows.\n')
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
    expect(thresholds(['build', '--max-warnings', '2'], root).status).toBe(0)
  })
})

/** A temporary repository holding the minimal framework and a second one, committed. */
function gitRepo(): { root: string; dir: string; git: (...args: string[]) => string } {
  const { root, dir } = frameworkWith()
  cpSync(dir, path.join(root, 'sources/second'), { recursive: true })
  edit(path.join(root, 'sources/second'), 'framework.md', 'id: minimal', 'id: second')
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: root, encoding: 'utf8', env: cleanEnv() })
  git('init', '-q')
  // Problems already committed, in a file that will not change and in the other framework: not reported.
  edit(dir, 'levels/02-child-protection.md', '- [Front door](#front-door)', '- [Front door](#front-doorway)')
  edit(path.join(root, 'sources/second'), 'levels/01-early-help.md', '(#front-door)', '(#front-dor)')
  git('add', '-A')
  git('commit', '-q', '-m', 'Start')
  return { root, dir, git }
}

describe('check --changed-since', () => {
  it('checks the frameworks with changed files, whole, and reports only the changed files', () => {
    const { root, dir } = gitRepo()
    // One broken link into an unchanged file, one sound one: only the broken one is reported.
    edit(dir, 'levels/01-early-help.md', '- Talk to the family.', '- Talk to the family; see [procedures](../links.md#regional-procedures) and [guidance](../links.md#regional-guidance).')
    // A new file git does not know yet counts as changed.
    mkdirSync(path.join(dir, 'sections'))
    writeFileSync(path.join(dir, 'sections/01-new.md'), '---\nid: new\n---\n\n# New\n\nSee [the contacts](../contacts.md#front-dor).\n')
    const { status, stdout } = thresholds(['check', '--changed-since', 'HEAD', '--format', 'json'], root)
    expect(status).toBe(1)
    const report = JSON.parse(stdout) as { diagnostics: Array<{ file: string; line: number; column: number; message: string }>; summary: unknown }
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.slice(0, 60)}`)).toEqual([
      'sources/minimal/levels/01-early-help.md:11:77 The link “guidance” points to “#regional-guidance”, which is',
      'sources/minimal/sections/01-new.md:7:5 The link “the contacts” points to “#front-dor”, which is not',
    ])
    expect(report.summary).toEqual({ errors: 2, warnings: 0, suppressed: 0 })
    const text = thresholds(['check', '--changed-since', 'HEAD'], root)
    expect(text.stderr).not.toContain('02-child-protection.md')
    expect(text.stderr).not.toContain('sources/second')
    expect(text.stderr.trimEnd().split('\n').at(-1)).toBe('✖ 2 errors, 0 warnings, 0 suppressed in 1 framework')
  })

  it('exits 0 and says so when no framework file changed', () => {
    const { root, git } = gitRepo()
    writeFileSync(path.join(root, 'README.md'), 'Not a framework file.\n')
    git('add', 'README.md')
    expect(thresholds(['check', '--changed-since', 'HEAD'], root)).toMatchObject({ status: 0, stdout: '', stderr: 'No framework file changed since HEAD: nothing to check.\n' })
    const sarif = thresholds(['check', '--changed-since', 'HEAD', '--format', 'sarif'], root)
    expect(sarif.status).toBe(0)
    expect(sarifValidator()(JSON.parse(sarif.stdout))).toBe(true)
  })

  it('compares with an older commit, so committed changes count too', () => {
    const { root, dir, git } = gitRepo()
    edit(dir, 'contacts.md', '0121 788 4300', '0121 788 4301')
    git('commit', '-q', '-am', 'New number')
    expect(thresholds(['check', '--changed-since', 'HEAD'], root).stderr).toBe('No framework file changed since HEAD: nothing to check.\n')
    const since = thresholds(['check', '--changed-since', 'HEAD~1'], root)
    expect(since.status).toBe(0)
    expect(since.stderr).toBe('✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n')
  })

  it('is a usage error (exit 2) for a revision that does not exist or outside a git repository', () => {
    const { root } = gitRepo()
    expect(thresholds(['check', '--changed-since', 'no-such-branch'], root)).toMatchObject({ status: 2, stdout: '', stderr: '--changed-since: “no-such-branch” is not a commit, branch or tag in this repository\n' })
    expect(thresholds(['check', '--changed-since=--output=x'], root)).toMatchObject({ status: 2, stderr: '--changed-since expects a git revision such as main or HEAD~1, got “--output=x”\n' })
    const outside = frameworkWith()
    const result = thresholds(['check', '--changed-since', 'HEAD'], outside.root)
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`--changed-since needs a git repository, and ${outside.root} is not inside one\n`)
  })
})
