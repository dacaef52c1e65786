import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { plainChangeLine } from '../../scripts/diff/report/line.ts'
import { diffReportValidator } from '../../scripts/diff/schema.ts'
import type { DiffReport } from '../../scripts/diff/types.ts'
import { edit, frameworkWith, git, repoRoot, thresholds } from '../helpers.ts'

function report(stdout: string): DiffReport {
  const parsed = JSON.parse(stdout) as DiffReport
  const validate = diffReportValidator()
  expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true)
  return parsed
}

const changes = (stdout: string) => report(stdout).frameworks.flatMap((framework) => framework.changes.map(plainChangeLine))

/**
 * A repository with two commits: the minimal framework, then a version where an indicator moved
 * from Early Help to Child protection and the front door's number changed.
 */
describe('thresholds diff on git refs', () => {
  let root = ''
  let health = ''

  beforeAll(() => {
    ;({ root } = frameworkWith())
    health = path.join(root, 'sources/minimal/domains/01-health.md')
    git(['init', '-q'], root)
    git(['add', '-A'], root)
    git(['commit', '-q', '-m', 'Version 1.0'], root)
    edit(health, '- Missing immunisations {#health-missing-immunisations}\n\n## Child protection\n', '## Child protection\n\n- Missing immunisations {#health-missing-immunisations}\n')
    edit(health, '## Early Help\n\n', '## Early Help\n\n- Often misses health appointments {#health-misses-appointments}\n')
    edit(path.join(root, 'sources/minimal/contacts.md'), '0121 788 4300', '0121 496 0300')
    git(['commit', '-q', '-am', 'Version 1.1'], root)
  })

  it('compares two refs, read from git without a checkout', () => {
    const { status, stdout, stderr } = thresholds(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], root)
    expect(stderr).toBe('3 changes (3 practice, 0 review, 0 editorial), 1 version warning.\n')
    expect(status).toBe(0)
    expect(changes(stdout)).toEqual([
      'contact-number-changed (practice) contact front-door phone: "0121 788 4300" → "0121 496 0300"',
      'indicator-added (practice) indicator health-misses-appointments',
      'indicator-moved-level (practice) indicator health-missing-immunisations: early-help "Early Help" → child-protection "Child protection" [raised]',
    ])
    const parsed = report(stdout)
    expect(parsed.old).toEqual({ label: 'HEAD~1', source: 'git', commit: git(['rev-parse', 'HEAD~1'], root).trim() })
    expect(parsed.frameworks[0]?.flags.map((flag) => flag.id)).toEqual(['version-not-raised'])
  })

  it('--base compares the working tree, uncommitted edits included, with a ref', () => {
    edit(health, 'Untreated serious injury', 'Untreated serious or unexplained injury')
    try {
      const { status, stdout } = thresholds(['diff', '--base', 'HEAD', '--format', 'json'], root)
      expect(status).toBe(0)
      expect(changes(stdout)).toEqual(['indicator-reworded (review) indicator health-untreated-injury: +"or unexplained"'])
      expect(report(stdout).new.label).toBe('working tree (sources)')
    } finally {
      git(['checkout', '--', '.'], root)
    }
  })

  it('--fail-on review exits 1 on a rewording that may change the criterion, 0 on one that only changes punctuation', () => {
    try {
      edit(health, 'Untreated serious injury', 'Untreated serious or unexplained injury')
      const failed = thresholds(['diff', '--base', 'HEAD', '--fail-on', 'review'], root)
      expect(failed.status).toBe(1)
      expect(failed.stderr).toBe('1 change (0 practice, 1 review, 0 editorial), 1 version warning.\nFailing: 1 change of the kinds given to --fail-on (review).\n')
      expect(thresholds(['diff', '--base', 'HEAD', '--fail-on', 'practice'], root).status).toBe(0)
      git(['checkout', '--', '.'], root)
      edit(health, 'Untreated serious injury', 'Untreated, serious injury.')
      const passed = thresholds(['diff', '--base', 'HEAD', '--fail-on', 'review'], root)
      expect(passed).toMatchObject({ status: 0, stderr: '1 change (0 practice, 0 review, 1 editorial), 1 version warning.\n' })
      // review is the gate for anything a person should look at: practice changes fail it too.
      expect(thresholds(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'review'], root).status).toBe(1)
    } finally {
      git(['checkout', '--', '.'], root)
    }
  })

  it('--fail-on version-not-raised asks for the step the change needs: PATCH for editorial, MINOR for review', () => {
    const framework = path.join(root, 'sources/minimal/framework.md')
    const diff = () => thresholds(['diff', '--base', 'HEAD', '--format', 'json', '--fail-on', 'version-not-raised'], root)
    const flags = (stdout: string) => report(stdout).frameworks[0]?.flags
    try {
      edit(health, 'Untreated serious injury', 'Untreated, serious injury.')
      const kept = diff()
      expect(kept.status).toBe(1)
      expect(flags(kept.stdout)).toEqual([{ id: 'version-not-raised', message: '1 change to the text but the version is still 1.0: raise it to 1.0.1 so apps and readers can tell the two texts apart' }])
      expect(report(kept.stdout).frameworks[0]?.suggestedVersion).toEqual({ version: '1.0.1', because: 'editorial' })
      edit(framework, 'version: "1.0"', 'version: "1.0.1"')
      expect(diff()).toMatchObject({ status: 0, stderr: '2 changes (0 practice, 0 review, 2 editorial).\n' })
      git(['checkout', '--', '.'], root)
      edit(health, 'Untreated serious injury', 'Untreated serious or unexplained injury')
      edit(framework, 'version: "1.0"', 'version: "1.0.1"')
      const patched = diff()
      expect(patched.status).toBe(1)
      expect(flags(patched.stdout)).toEqual([{ id: 'version-not-raised', message: '1 change for a person to review but the version only went from 1.0 to 1.0.1: a change a person should review needs a new minor version (1.1)' }])
      edit(framework, 'version: "1.0.1"', 'version: "1.1"')
      expect(diff().status).toBe(0)
    } finally {
      git(['checkout', '--', '.'], root)
    }
  })

  it('prints Markdown by default, with the raised threshold first', () => {
    const { status, stdout } = thresholds(['diff', 'HEAD~1', 'HEAD'], root)
    expect(status).toBe(0)
    expect(stdout).toContain('## Minimal Framework\n')
    expect(stdout).toContain('Framework id `minimal`.')
    expect(stdout.indexOf('### Thresholds raised and lowered')).toBeLessThan(stdout.indexOf('### Indicators'))
    expect(stdout).toContain('| Missing immunisations | Health | Early Help | Child protection | **raised** |')
  })

  it('--fail-on exits 1 when a change of those kinds is there, 0 when not', () => {
    const failed = thresholds(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'practice'], root)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain('Failing: 3 changes of the kinds given to --fail-on (practice).')
    expect(thresholds(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'editorial,indicator-removed'], root).status).toBe(0)
    expect(thresholds(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'indicator-moved-level'], root).status).toBe(1)
    expect(thresholds(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'version-not-raised'], root).status).toBe(1)
    const same = thresholds(['diff', 'HEAD', 'HEAD', '--fail-on', 'practice'], root)
    expect(same.status).toBe(0)
    expect(same.stdout).toBe('# What changed: `HEAD` → `HEAD`\n\nNo changes in 1 framework.\n\nUnchanged, left out (thresholds diff --all shows them): Minimal Framework.\n')
  })

  it('refuses a bad ref with a plain message and exit 2', () => {
    expect(thresholds(['diff', 'no-such-branch', 'HEAD'], root)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: '“no-such-branch” is not a folder, a framework.json file or a git ref of this repository\n',
    })
    // A ref that git would read as an option is never passed to git.
    expect(thresholds(['diff', '--', '--output=/tmp/thresholds-diff-x', 'HEAD'], root)).toMatchObject({
      status: 2,
      stderr: '“--output=/tmp/thresholds-diff-x” is not a folder, a framework.json file or a git ref of this repository\n',
    })
  })

  it('refuses a ref whose sources have errors, naming the ref and the place', () => {
    const { root: broken } = frameworkWith()
    git(['init', '-q'], broken)
    git(['add', '-A'], broken)
    git(['commit', '-q', '-m', 'Version 1.0'], broken)
    const level = path.join(broken, 'sources/minimal/levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace(/## Contacts[\s\S]*$/, ''))
    git(['commit', '-q', '-am', 'Lost its contacts'], broken)
    const { status, stderr } = thresholds(['diff', 'HEAD~1', 'HEAD'], broken)
    expect(status).toBe(2)
    expect(stderr.split('\n')[0]).toBe('The sources at “HEAD” cannot be compared: 1 error in the sources (run “thresholds check” on them for details):')
    expect(stderr).toContain('  HEAD:sources/minimal/levels/01-early-help.md:3:8  Level “Early Help” has no contacts')
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('works in a fresh clone where the base branch is only origin/main', () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'thresholds-clone-'))
    git(['clone', '-q', root, clone], tmpdir())
    git(['checkout', '-q', '-b', 'content-update'], clone)
    git(['branch', '-q', '-D', 'main'], clone)
    edit(path.join(clone, 'sources/minimal/framework.md'), 'version: "1.0"', 'version: "2.0"')
    const { status, stdout } = thresholds(['diff', '--base', 'main', '--format', 'json'], clone)
    expect(status).toBe(0)
    const parsed = report(stdout)
    expect(parsed.old.label).toBe('main (origin/main)')
    expect(changes(stdout)).toEqual(['metadata-changed (editorial) framework minimal version: "1.0" → "2.0"'])
  })
})

describe('thresholds diff on folders and framework.json', () => {
  it('finds nothing between the sources and the framework.json built from them', () => {
    const { status, stdout, stderr } = thresholds(['diff', 'generated/solihull/framework.json', 'sources/solihull', '--format', 'json'], repoRoot)
    expect(stderr).toBe('0 changes (0 practice, 0 review, 0 editorial).\n')
    expect(status).toBe(0)
    // Left out of every format unless --all, and named.
    expect(report(stdout).frameworks).toEqual([])
    expect(report(stdout).unchanged).toEqual([{ id: 'solihull', title: 'Right Help, Right Time, Right Response' }])
    const all = thresholds(['diff', 'generated/solihull/framework.json', 'sources/solihull', '--format', 'json', '--all'], repoRoot)
    expect(report(all.stdout).frameworks.map((framework) => [framework.id, framework.status])).toEqual([['solihull', 'unchanged']])
    expect(report(all.stdout).unchanged).toBeUndefined()
  })

  it('reads a framework.json of format 2 (one phone per contact) as today’s shape: nothing changed, and a changed number is one change', () => {
    // test/fixtures/diff/format-2: Solihull's framework.json as format 2 wrote it.
    const old = path.join(repoRoot, 'test/fixtures/diff/format-2/framework.json')
    const same = thresholds(['diff', old, 'sources/solihull', '--format', 'json'], repoRoot)
    expect(same.stderr).toBe('0 changes (0 practice, 0 review, 0 editorial).\n')
    expect(same.status).toBe(0)
    const dir = mkdtempSync(path.join(tmpdir(), 'thresholds-format-2-'))
    const edited = path.join(dir, 'framework.json')
    writeFileSync(edited, readFileSync(old, 'utf8').replace('"phone": "0121 704 8007"', '"phone": "0121 704 8008"').replace('"phoneE164": "+441217048007"', '"phoneE164": "+441217048008"'))
    const changed = thresholds(['diff', edited, 'sources/solihull', '--format', 'json'], repoRoot)
    expect(changed.status, changed.stderr).toBe(0)
    expect(report(changed.stdout).frameworks[0]?.changes.map((change) => [change.kind, change.field, change.old, change.new])).toEqual([['contact-number-changed', 'phone', '0121 704 8008', '0121 704 8007']])
  })

  it('compares every framework of two sources folders, or one with --framework', () => {
    const run = thresholds(['diff', 'sources', 'sources', '--format', 'json', '--all'], repoRoot)
    // Says why, if the command did not finish (seen once on a heavily loaded machine).
    expect(run.status, run.stderr).toBe(0)
    const all = report(run.stdout)
    expect(all.frameworks.map((framework) => framework.id)).toEqual(['shropshire', 'solihull'])
    const one = report(thresholds(['diff', 'sources', 'sources', '--framework', 'shropshire', '--format', 'json', '--all'], repoRoot).stdout)
    expect(one.frameworks.map((framework) => framework.id)).toEqual(['shropshire'])
    expect(thresholds(['diff', 'sources', 'sources', '--framework', 'nowhere'], repoRoot)).toMatchObject({
      status: 2,
      stderr: 'No framework “nowhere” in either version, expected one of “shropshire”, “solihull”\n',
    })
  })

  it('refuses a framework.json that does not follow the schema', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thresholds-json-'))
    const file = path.join(dir, 'framework.json')
    writeFileSync(file, JSON.stringify({ formatVersion: 1, id: 'x' }))
    const { status, stderr } = thresholds(['diff', file, path.join(repoRoot, 'sources/solihull')], dir)
    expect(status).toBe(2)
    expect(stderr).toMatch(/^“.*framework\.json” is not a valid framework\.json \(schema\/framework\.schema\.json\):\n  \/: must have required property 'title'/)
    writeFileSync(file, '{ not json')
    expect(thresholds(['diff', file, file], dir).stderr).toMatch(/is not valid JSON/)
  })

  it('writes a standalone, accessible HTML page', () => {
    const { status, stdout } = thresholds(['diff', 'test/fixtures/diff/solihull-next/old', 'test/fixtures/diff/solihull-next/new', '--format', 'html'], repoRoot)
    expect(status).toBe(0)
    expect(stdout).toMatch(/^<!doctype html><html lang="en-GB"><head><meta charset="utf-8">/)
    expect(stdout).toMatch(/<title>What changed: .+<\/title>/)
    expect(stdout).toContain('<th scope="col">Indicator</th>')
    expect(stdout).toContain('<th scope="row">Experimenting with alcohol or illegal substances</th>')
    expect(stdout).toContain('<caption>Indicators that moved level</caption>')
    expect(stdout).not.toMatch(/<script|<link|<img|src=|url\(/)
  })

  it('explains usage mistakes with exit 2', () => {
    expect(thresholds(['diff', 'sources'], repoRoot)).toMatchObject({ status: 2, stderr: expect.stringContaining('Expected two versions to compare') })
    expect(thresholds(['diff', 'sources', 'sources', '--format', 'pdf'], repoRoot)).toMatchObject({ status: 2, stderr: 'Unknown format “pdf”, expected markdown, json, html\n' })
    expect(thresholds(['diff', 'sources', 'sources', '--fail-on', 'practise'], repoRoot)).toMatchObject({ status: 2, stderr: expect.stringContaining('Unknown --fail-on value “practise”, did you mean “practice”?') })
    const outside = mkdtempSync(path.join(tmpdir(), 'thresholds-nogit-'))
    expect(thresholds(['diff', 'main', 'sources'], outside)).toMatchObject({ status: 2, stderr: '“main” is not a folder or a framework.json file, and this is not a git repository, so it cannot be a git ref\n' })
    const help = thresholds(['diff', '--help'], repoRoot)
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage: thresholds diff <old> <new> [options]')
  })
})

/** What the Markdown and HTML reports say of a part that neither version has. */
const NEITHER_HAS = { links: 'Neither version has links.', matrix: 'Neither version has a decision-making matrix.', narrative: 'Neither version has narrative pages.' }

describe('thresholds diff on a part neither version has', () => {
  // Each report is made once (a run takes seconds) and read by every test that needs it.
  const made = new Map<string, string>()
  const run = (fixture: string, format: string) => {
    const key = `${fixture} ${format}`
    if (!made.has(key)) {
      const result = thresholds(['diff', `test/fixtures/diff/${fixture}/old`, `test/fixtures/diff/${fixture}/new`, '--format', format], repoRoot)
      expect(result.status, result.stderr).toBe(0)
      made.set(key, result.stdout)
    }
    return made.get(key) as string
  }

  it('says Solihull has no decision-making matrix in either version, in Markdown, HTML and JSON alike', () => {
    const markdown = run('solihull-next', 'markdown')
    expect(markdown).toContain('\n### Decision-making matrix\n\nNeither version has a decision-making matrix.\n')
    expect(markdown).not.toContain('\n### Decision-making matrix\n\nNone.\n')
    expect(run('solihull-next', 'html')).toContain('<h3>Decision-making matrix</h3>\n<p>Neither version has a decision-making matrix.</p>')
    expect(report(run('solihull-next', 'json')).frameworks.map((framework) => framework.absent)).toEqual([['matrix']])
  })

  it('lists as absent only what is absent: Shropshire has a matrix, links and narrative pages', () => {
    const markdown = run('shropshire-next', 'markdown')
    expect(markdown).not.toContain('Neither version has')
    expect(report(run('shropshire-next', 'json')).frameworks.map((framework) => framework.absent)).toEqual([undefined])
  })

  it('the Markdown and HTML reports say “neither version has” of exactly the parts the JSON report lists as absent', () => {
    for (const fixture of ['solihull-next', 'shropshire-next']) {
      const absent = report(run(fixture, 'json')).frameworks.flatMap((framework) => framework.absent ?? [])
      const markdown = run(fixture, 'markdown')
      const html = run(fixture, 'html')
      for (const [part, words] of Object.entries(NEITHER_HAS)) {
        expect(markdown.includes(words), `${fixture} Markdown, ${part}`).toBe(absent.includes(part as keyof typeof NEITHER_HAS))
        expect(html.includes(words), `${fixture} HTML, ${part}`).toBe(absent.includes(part as keyof typeof NEITHER_HAS))
      }
    }
  })
})
