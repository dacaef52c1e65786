import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digests, edit, frameworkWith, git, madeOnce, thresholds } from '../helpers.ts'

/**
 * The version of @thresholds/frameworks through the real CLI: counted from the release the
 * output folder holds (generated/package.json), never lower, and held by `build --check --base`
 * to what the branch's committed release needs.
 */

const packageOf = (root: string) => JSON.parse(readFileSync(path.join(root, 'generated/package.json'), 'utf8')) as { version: string; frameworkVersions?: Record<string, string> }

function setVersion(dir: string, version: string): void {
  const file = path.join(dir, 'framework.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: .*$/m, `version: "${version}"`))
}

/** A second framework beside the first: the minimal one under another id. */
function addFramework(root: string, id: string, version = '1.0'): string {
  const dir = path.join(root, 'sources', id)
  cpSync(path.join(root, 'sources/minimal'), dir, { recursive: true })
  edit(path.join(dir, 'framework.md'), 'id: minimal', `id: ${id}`)
  setVersion(dir, version)
  return dir
}

function build(root: string, ...args: string[]) {
  return thresholds(['build', ...args], root)
}

describe('the umbrella package’s version, through build', () => {
  it('starts at 1.0.0 in an empty folder, records each framework’s version, and a second build changes no byte', () => {
    const { root } = frameworkWith()
    expect(build(root)).toMatchObject({ status: 0, stderr: 'Wrote 21 files in generated/.\n' })
    expect(packageOf(root)).toMatchObject({ version: '1.0.0', frameworkVersions: { minimal: '1.0.0' } })
    expect(readFileSync(path.join(root, 'generated/CHANGELOG.md'), 'utf8')).toContain('# Changelog of @thresholds/frameworks 1.0.0\n')
    const first = digests(path.join(root, 'generated'))
    expect(build(root, '--no-cache')).toMatchObject({ status: 0, stderr: 'generated/ is already up to date.\n' })
    expect(build(root, '--check')).toMatchObject({ status: 0, stderr: 'generated/ is up to date with the sources.\n' })
    expect(digests(path.join(root, 'generated'))).toEqual(first)
  })

  it('goes up by the largest step since the release in generated/: PATCH, MINOR, MAJOR, a framework added, a framework removed', () => {
    const { root, dir } = frameworkWith()
    expect(build(root).status).toBe(0)
    const steps: Array<[() => void, string, string]> = [
      [() => setVersion(dir, '1.0.1'), '1.0.1', '@thresholds/frameworks goes from 1.0.0 to 1.0.1, a new PATCH: minimal 1.0.0 → 1.0.1 (PATCH).\n'],
      [() => setVersion(dir, '1.1'), '1.1.0', '@thresholds/frameworks goes from 1.0.1 to 1.1.0, a new MINOR: minimal 1.0.1 → 1.1.0 (MINOR).\n'],
      [() => setVersion(dir, '2.0'), '2.0.0', '@thresholds/frameworks goes from 1.1.0 to 2.0.0, a new MAJOR: minimal 1.1.0 → 2.0.0 (MAJOR).\n'],
      [() => addFramework(root, 'second', '3.0'), '2.1.0', '@thresholds/frameworks goes from 2.0.0 to 2.1.0, a new MINOR: second added at 3.0.0 (MINOR).\n'],
      [() => rmSync(path.join(root, 'sources/second'), { recursive: true }), '3.0.0', '@thresholds/frameworks goes from 2.1.0 to 3.0.0, a new MAJOR: second removed (MAJOR).\n'],
    ]
    for (const [change, version, said] of steps) {
      change()
      const run = build(root)
      expect(run.status, run.stderr).toBe(0)
      expect(run.stderr.split('\n').slice(1).join('\n')).toBe(said)
      expect(packageOf(root).version).toBe(version)
      expect(build(root, '--check').status).toBe(0)
    }
    expect(packageOf(root).frameworkVersions).toEqual({ minimal: '2.0.0' })
  })

  it('refuses a framework version lower than the release in generated/ records, at its place, and writes nothing (check, build and build --check)', () => {
    const { root, dir } = frameworkWith()
    setVersion(dir, '1.2')
    expect(build(root).status).toBe(0)
    const before = digests(path.join(root, 'generated'))
    setVersion(dir, '1.1.9')
    const message =
      'sources/minimal/framework.md:5:10 error The version 1.1.9 is lower than 1.2.0, the version the package in generated/ has for minimal, expected 1.2.0 or higher: a framework\'s version never goes down, or apps would see it go backwards [version-not-lowered]\n'
    for (const args of [[], ['--check']]) {
      const run = build(root, ...args)
      expect(run.status).toBe(1)
      expect(run.stderr.startsWith(message), run.stderr).toBe(true)
      expect(run.stderr).toContain('Nothing was written to generated/: fix the 1 error above first.\n')
    }
    // check says it first, from the package in generated/ (only one Thresholds made: another tool's folder is left alone).
    const checked = thresholds(['check'], root)
    expect(checked.status).toBe(1)
    expect(checked.stderr.startsWith(message), checked.stderr).toBe(true)
    const marker = path.join(root, 'generated/.thresholds-output')
    const markerText = readFileSync(marker, 'utf8')
    rmSync(marker)
    expect(thresholds(['check'], root).status).toBe(0)
    writeFileSync(marker, markerText)
    const github = build(root, '--format', 'github')
    expect(github.stdout).toContain('::error file=sources/minimal/framework.md,line=5,col=10,endLine=5,endColumn=10,title=version-not-lowered::The version 1.1.9 is lower than 1.2.0')
    expect(digests(path.join(root, 'generated'))).toEqual(before)
  })

  it('counts on from output made before the frameworks’ versions were recorded: kept while the sum still fits, a new MAJOR once it does not', () => {
    const { root, dir } = frameworkWith()
    addFramework(root, 'second')
    expect(build(root).status).toBe(0)
    // As earlier builds wrote it: the sum of the versions (2.0.0 for two 1.0 frameworks), no record.
    const file = path.join(root, 'generated/package.json')
    const legacy = readFileSync(file, 'utf8').replace('"version": "1.0.0"', '"version": "2.0.0"').replace(/ {2}"frameworkVersions": \{[^}]*\},\n/, '')
    writeFileSync(file, legacy)
    expect(build(root).status).toBe(0)
    expect(packageOf(root)).toMatchObject({ version: '2.0.0', frameworkVersions: { minimal: '1.0.0', second: '1.0.0' } })
    writeFileSync(file, legacy)
    setVersion(dir, '1.0.1')
    expect(build(root).stderr).toContain('@thresholds/frameworks goes from 2.0.0 to 3.0.0, a new MAJOR: the previous build did not record its frameworks’ versions, and they are not the ones it was built from (MAJOR).\n')
  })
})

describe('a damaged generated/package.json (untrusted input)', () => {
  /** The minimal framework, built: one build for every case. */
  const built = madeOnce(() => {
    const { root } = frameworkWith()
    expect(build(root).status).toBe(0)
    return root
  })
  const restore = 'restore it from git rather than delete it, which would start the version again at 1.0.0'
  it.each([
    ['not JSON', (file: string) => writeFileSync(file, '{\n  "version": "2.0.0",\n  oops\n}\n'), `generated/package.json:3:3 error The package.json is not valid JSON, expected the file as “npm run build” writes it: ${restore} [release-record]`],
    ['a hostile version', (file: string) => writeFileSync(file, '{"version": "9.9.9\\u001b[2J"}'), `generated/package.json:1:13 error The package version is missing or not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “2.1.0”: ${restore} [release-record]`],
    ['a version too large to raise exactly', (file: string) => writeFileSync(file, '{"version": "99999999999999999999.0.0", "frameworkVersions": {}}'), `generated/package.json:1:13 error The package version is missing or not MAJOR.MINOR.PATCH in whole numbers, expected a version such as “2.1.0”: ${restore} [release-record]`],
    ['over 16 MB', (file: string) => writeFileSync(file, `{"version": "1.0.0", "x": "${'a'.repeat(16 * 1024 * 1024)}"}`), `generated/package.json:1:1 error The package.json of the package already built is larger than 16 MB, expected the file “npm run build” writes (a few kilobytes): ${restore} [release-record]`],
    ['a folder', (file: string) => mkdirSync(file), `generated/package.json:1:1 error The package.json of the package already built is not a regular file (a folder, a link or a device), expected the file “npm run build” writes: ${restore} [release-record]`],
    ['a link to a file elsewhere', (file: string) => symlinkSync('/etc/hostname', file), `generated/package.json:1:1 error The package.json of the package already built is not a regular file (a folder, a link or a device), expected the file “npm run build” writes: ${restore} [release-record]`],
  ])('%s: a positioned error, exit 1, nothing written, no stack trace', (_, damage, message) => {
    const root = built()
    const file = path.join(root, 'generated/package.json')
    rmSync(file)
    damage(file)
    const before = digests(path.join(root, 'generated'))
    for (const args of [[], ['--check']]) {
      const run = build(root, ...args)
      expect(run.status).toBe(1)
      expect(run.stderr.split('\n')[0]).toBe(message)
      expect(run.stderr).toContain('Nothing was written to generated/: fix the 1 error above first.\n')
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
    expect(digests(path.join(root, 'generated'))).toEqual(before)
  })
})

describe('build --check --base: never lower than the branch’s committed release needs', () => {
  /** A repository whose main holds two frameworks, built and committed, and a branch for the change (made once, copied for each test). */
  const repositoryCopy = madeOnce(() => {
    const { root } = frameworkWith()
    addFramework(root, 'second')
    git(['init', '-q'], root)
    git(['add', '-A'], root)
    git(['commit', '-qm', 'Two frameworks'], root)
    // Built once the sources are in git, so the changelogs hold their history.
    expect(build(root).status).toBe(0)
    git(['add', '-A'], root)
    git(['commit', '-qm', 'Built'], root)
    git(['checkout', '-qb', 'change'], root)
    return root
  })
  function repository() {
    const root = repositoryCopy()
    return { root, dir: path.join(root, 'sources/minimal') }
  }

  it('passes a removal built on the branch (a new MAJOR), and refuses the same removal with the version edited back down', () => {
    const { root } = repository()
    rmSync(path.join(root, 'sources/second'), { recursive: true })
    expect(build(root).status).toBe(0)
    expect(packageOf(root).version).toBe('2.0.0')
    expect(build(root, '--check', '--base', 'main')).toMatchObject({ status: 0, stderr: 'generated/ is up to date with the sources.\n' })
    // The record matches the sources and the version is edited down everywhere it is shown, so build --check alone cannot tell; the branch's release can.
    edit(path.join(root, 'generated/package.json'), '"version": "2.0.0"', '"version": "1.0.0"')
    edit(path.join(root, 'generated/README.md'), 'This is version 2.0.0.', 'This is version 1.0.0.')
    edit(path.join(root, 'generated/CHANGELOG.md'), '# Changelog of @thresholds/frameworks 2.0.0', '# Changelog of @thresholds/frameworks 1.0.0')
    expect(build(root, '--check').status).toBe(0)
    const run = build(root, '--check', '--base', 'main')
    expect(run.status).toBe(1)
    expect(run.stderr.split('\n')[0]).toBe(
      'generated/package.json:4:14 error The version of @thresholds/frameworks here is 1.0.0, lower than the 2.0.0 that these frameworks need after 1.0.0 at main (second removed (MAJOR)), expected 2.0.0 or higher: restore generated/package.json from main and run “npm run build” [package-version-not-lowered]',
    )
  })

  it('refuses a framework version lower than the branch’s release records, even when generated/ was rebuilt to match', () => {
    const { root, dir } = repository()
    setVersion(dir, '0.9')
    // Rebuilt from an output folder that no longer holds the release (deleted), so only the branch can tell.
    rmSync(path.join(root, 'generated'), { recursive: true })
    expect(build(root).status).toBe(0)
    const run = build(root, '--check', '--base', 'main')
    expect(run.status).toBe(1)
    expect(run.stderr.split('\n')[0]).toBe(
      "sources/minimal/framework.md:5:10 error The version 0.9 is lower than 1.0.0, the version the package at main has for minimal, expected 1.0.0 or higher: a framework's version never goes down, or apps would see it go backwards [version-not-lowered]",
    )
  })

  it('takes a branch with no release yet as the first one', () => {
    const { root } = repository()
    git(['checkout', '-qb', 'empty', 'main'], root)
    git(['rm', '-rq', 'generated'], root)
    git(['commit', '-qm', 'Sources only'], root)
    git(['checkout', '-q', 'change'], root)
    expect(build(root, '--check', '--base', 'empty')).toMatchObject({ status: 0 })
  })

  it('is a usage error without --check, or with a revision that is not there (exit 2, one line)', () => {
    const { root } = repository()
    expect(build(root, '--base', 'main')).toMatchObject({ status: 2, stderr: '--base goes with --check: build --check --base <revision> checks generated/ against the release committed there\n' })
    expect(build(root, '--check', '--base', 'nowhere')).toMatchObject({ status: 2, stderr: '--base: “nowhere” is not a commit, branch or tag in this repository\n' })
  })
})
