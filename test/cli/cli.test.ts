import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digests, edit, frameworkWith, repoRoot, thresholds, withoutContacts } from '../helpers.ts'

describe('thresholds check', () => {
  it('exits 0 on the shipped sources with 0 errors in JSON', () => {
    const { status, stdout } = thresholds(['check', '--format', 'json'], repoRoot)
    expect(status).toBe(0)
    const report = JSON.parse(stdout) as { summary: { errors: number }; diagnostics: unknown[] }
    expect(report.summary.errors).toBe(0)
  })

  it('reports a level without contacts at its file, line and column, as JSON, and exits 1', () => {
    const { root } = frameworkWith()
    withoutContacts(path.join(root, 'sources/minimal'))
    const { status, stdout, stderr } = thresholds(['check', 'sources/minimal', '--format', 'json'], root)
    expect(status).toBe(1)
    expect(stderr).toBe('')
    const report = JSON.parse(stdout) as { diagnostics: Array<Record<string, unknown>>; summary: Record<string, number> }
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: 'level-has-contacts',
        severity: 'error',
        file: 'sources/minimal/levels/01-early-help.md',
        line: 3,
        column: 8,
        message: 'Level “Early Help” has no contacts, expected at least one phone number or portal: add “## Contacts” with a link such as “- [First Point of Contact](#fpoc)”',
      }),
    )
    expect(report.summary).toEqual({ errors: 1, warnings: 0, suppressed: 0 })
  })

  it('reports an email address that is not one at the address as written, not at the contact', () => {
    const { root, dir } = frameworkWith()
    edit(path.join(dir, 'contacts.md'), '- Hours: Mon-Fri 09:00-17:00', '- Hours: Mon-Fri 09:00-17:00\n- Email: <mailto:frontdoor.example.org>')
    const { status, stderr } = thresholds(['check', '--format', 'text'], root)
    expect(status).toBe(1)
    expect(stderr).toBe(
      'sources/minimal/contacts.md:9:18 error The email address of contact “Front door” is “frontdoor.example.org”, which has no “@”, expected an address such as help@example.org [model-schema]\n' +
        '   8 | - Hours: Mon-Fri 09:00-17:00\n' +
        '>  9 | - Email: <mailto:frontdoor.example.org>\n' +
        '     |                  ^^^^^^^^^^^^^^^^^^^^^\n' +
        '  10 |\n' +
        '  docs: https://github.com/thresholds/thresholds/blob/main/docs/rules.md#model-schema\n' +
        '\n✖ 1 error, 0 warnings, 0 suppressed in 1 framework\n',
    )
  })

  it('reports a link to a missing heading in text with file:line:column and the rule id', () => {
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'levels/02-child-protection.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('A child is suffering', 'See [the steps](#what-to-doo). A child is suffering'))
    const { status, stderr } = thresholds(['check'], root)
    expect(status).toBe(1)
    expect(stderr).toContain(
      'sources/minimal/levels/02-child-protection.md:7:5 error The link “the steps” points to “#what-to-doo”, which is neither an id in this framework nor a heading in this file [link-resolves]\n' +
        '  6 |\n' +
        '> 7 | See [the steps](#what-to-doo). A child is suffering, or likely to suffer, significant harm.\n' +
        '    |     ^^^^^^^^^^^^^^^^^^^^^^^^^\n' +
        '  8 |\n' +
        '  did you mean “#what-to-do”?\n',
    )
    expect(stderr).toContain('  docs: https://github.com/thresholds/thresholds/blob/main/docs/rules.md#link-resolves\n')
    expect(stderr.endsWith('\n✖ 1 error, 0 warnings, 0 suppressed in 1 framework\n')).toBe(true)
    expect(stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('reports related ids written with a space after the comma once, with the list as it should be', () => {
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'domains/01-health.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('{#health-missing-immunisations}', '{#health-missing-immunisations related=health-untreated-injury, health-untreated-injury}'))
    const { status, stderr } = thresholds(['check', '--no-cache'], root)
    expect(status).toBe(1)
    expect(stderr).toBe(
      'sources/minimal/domains/01-health.md:8:25 error “related=health-untreated-injury, health-untreated-injury” separates its values with spaces, expected commas alone between them [invalid-attributes]\n' +
        '  7 |\n' +
        '> 8 | - Missing immunisations {#health-missing-immunisations related=health-untreated-injury, health-untreated-injury}\n' +
        `    |                         ${'^'.repeat(88)}\n` +
        '  9 |\n' +
        '  did you mean “related=health-untreated-injury,health-untreated-injury”?\n' +
        '  docs: https://github.com/thresholds/thresholds/blob/main/docs/rules.md#invalid-attributes\n' +
        '\n✖ 1 error, 0 warnings, 0 suppressed in 1 framework\n',
    )
  })

  it('reports a misspelt front-matter key once, at the key, with the name it was meant to be', () => {
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'framework.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^partnership:/m, 'partnershp:'))
    const { status, stderr } = thresholds(['check', '--no-cache'], root)
    expect(status).toBe(1)
    expect(stderr).toBe(
      'sources/minimal/framework.md:4:1 error Unknown setting “partnershp”, and “partnership” is missing, expected “partnership” in its place [frontmatter-schema]\n' +
        '  3 | title: Minimal Framework\n' +
        '> 4 | partnershp: Example Safeguarding Partnership\n' +
        '    | ^^^^^^^^^^\n' +
        '  5 | version: "1.0"\n' +
        '  did you mean “partnership”?\n' +
        '  docs: https://github.com/thresholds/thresholds/blob/main/docs/rules.md#frontmatter-schema\n' +
        '\n✖ 1 error, 0 warnings, 0 suppressed in 1 framework\n',
    )
  })

  it('accepts the flag of Wales in a level title, and refuses tag characters that hide words', () => {
    const tags = (letters: string) => [...letters].map((letter) => String.fromCodePoint(0xe0000 + letter.charCodeAt(0))).join('')
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'levels/01-early-help.md')
    const minimal = readFileSync(file, 'utf8')
    writeFileSync(file, minimal.replace('title: Early Help', `title: Early Help \u{1F3F4}${tags('gbwls')}\u{E007F}`))
    expect(thresholds(['check', '--no-cache'], root)).toMatchObject({ status: 0, stderr: '✔ 0 errors, 0 warnings, 0 suppressed in 1 framework\n' })
    writeFileSync(file, minimal.replace('title: Early Help', `title: Early Help \u{1F3F4}${tags('gbwls')}\u{E007F}${tags('hidden')}`))
    const refused = thresholds(['check', '--no-cache'], root)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('sources/minimal/levels/01-early-help.md:3:33 error “levels/01-early-help.md” contains the tag character U+E0068, which is invisible: a reader cannot see what it says, expected plain text: delete it or replace it with a space [file-unreadable]\n')
  })

  it('warns at a heading whose bold would be lost, and still exits 0', () => {
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'contacts.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Front door {#front-door}', '## **Front door** {#front-door}'))
    const { status, stderr } = thresholds(['check', '--no-cache'], root)
    expect(status).toBe(0)
    expect(stderr.split('\n')[0]).toBe(
      'sources/minimal/contacts.md:5:1 warning The heading “Front door” has bold, which is not kept: this heading is read as its words alone, expected plain words (put the emphasis in the text under the heading) [heading-plain-words]',
    )
    expect(stderr.endsWith('\n⚠ 0 errors, 1 warning, 0 suppressed in 1 framework\n')).toBe(true)
  })

  it('refuses a footnote on an indicator at its marker and its note, and build writes nothing', () => {
    const { root, dir } = frameworkWith()
    const file = path.join(dir, 'domains/01-health.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('- Missing immunisations {#health-missing-immunisations}', '- Missing immunisations[^imm] {#health-missing-immunisations}\n\n[^imm]: As set out in the NHS schedule.'))
    const { status, stderr } = thresholds(['build', '--no-cache'], root)
    expect(status).toBe(1)
    const note = 'error The footnote “[^imm]” is not carried into the framework (apps and the package would show the marker without its note), expected the note’s words in the text itself [content-placed]'
    expect(stderr.split('\n').filter((line) => line.startsWith('sources/'))).toEqual([`sources/minimal/domains/01-health.md:8:24 ${note}`, `sources/minimal/domains/01-health.md:10:1 ${note}`])
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })

  it('exits 2 with a plain message on usage errors', () => {
    expect(thresholds(['check', '--formt', 'json'], repoRoot)).toMatchObject({ status: 2, stderr: expect.stringContaining("Unknown option '--formt'") })
    expect(thresholds(['check', 'sources/nowhere'], repoRoot)).toMatchObject({ status: 2, stderr: '“sources/nowhere” does not exist, expected a framework folder such as sources/shropshire\n' })
    expect(thresholds(['frobnicate'], repoRoot).status).toBe(2)
    expect(thresholds(['check', '--format', 'xml'], repoRoot)).toMatchObject({ status: 2, stderr: 'Unknown format “xml”, expected text, json, github, sarif, junit or markdown\n' })
  })

  it('prints help for each command', () => {
    for (const command of ['check', 'build', 'ids']) {
      const { status, stdout } = thresholds([command, '--help'], repoRoot)
      expect(status).toBe(0)
      expect(stdout).toContain(`Usage: thresholds ${command}`)
    }
  })
})

describe('thresholds build', () => {
  it('writes generated/<id>/framework.json, byte-identical on a second run', () => {
    const { root } = frameworkWith()
    expect(thresholds(['build'], root).status).toBe(0)
    const output = path.join(root, 'generated/minimal/framework.json')
    const first = readFileSync(output, 'utf8')
    expect(JSON.parse(first)).toMatchObject({ id: 'minimal', levels: [{ id: 'early-help' }, { id: 'child-protection' }] })
    const again = thresholds(['build'], root)
    expect(again.stderr).toContain('already up to date')
    expect(readFileSync(output, 'utf8')).toBe(first)
  })

  it('writes nothing when the check fails', () => {
    const { root, dir } = frameworkWith()
    expect(thresholds(['build'], root).status).toBe(0)
    const before = digests(path.join(root, 'generated'))
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['package.json', 'index.d.ts', 'minimal/framework.json', 'minimal/index.js', 'minimal/index.d.ts']))
    withoutContacts(dir)
    writeFileSync(path.join(dir, 'domains/01-health.md'), readFileSync(path.join(dir, 'domains/01-health.md'), 'utf8').replace('Missing immunisations', 'Missing vaccinations'))
    const failed = thresholds(['build'], root)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain('Nothing was written to generated/')
    expect(digests(path.join(root, 'generated'))).toEqual(before)
  })

  it('removes a framework that left sources/, and --check reports drift', () => {
    const { root } = frameworkWith()
    cpSync(path.join(root, 'sources/minimal'), path.join(root, 'sources/second'), { recursive: true })
    const framework = path.join(root, 'sources/second/framework.md')
    writeFileSync(framework, readFileSync(framework, 'utf8').replace('id: minimal', 'id: second'))
    expect(thresholds(['build'], root).status).toBe(0)
    expect(existsSync(path.join(root, 'generated/second/framework.json'))).toBe(true)
    cpSync(path.join(root, 'sources/second'), path.join(root, 'elsewhere'), { recursive: true })
    spawnSync('rm', ['-rf', path.join(root, 'sources/second')])
    const drift = thresholds(['build', '--check'], root)
    expect(drift.status).toBe(1)
    expect(drift.stderr).toContain('stale:   generated/second/framework.json')
    expect(thresholds(['build'], root).status).toBe(0)
    expect(existsSync(path.join(root, 'generated/second'))).toBe(false)
    writeFileSync(path.join(root, 'generated/minimal/framework.json'), '{}\n')
    const edited = thresholds(['build', '--check'], root)
    expect(edited.status).toBe(1)
    expect(edited.stderr).toContain('differs: generated/minimal/framework.json')
  })

  it('generated/ in the repository is what the shipped sources produce', () => {
    const { status, stderr } = thresholds(['build', '--check'], repoRoot)
    expect(stderr).toContain('up to date')
    expect(status).toBe(0)
  })
})

describe('generated documentation and types', () => {
  it('scripts/model/types.ts and scripts/model/validators.cjs (precompiled schema validators) match schema/, and the checker uses those validators', async () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bin/regenerate.ts', 'schema', '--check'], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const { getValidators } = await import('../../scripts/model/schemas.ts')
    const { createRequire } = await import('node:module')
    const compiled = createRequire(import.meta.url)(path.join(repoRoot, 'scripts/model/validators.cjs')) as { framework: unknown }
    expect(getValidators().framework).toBe(compiled.framework)
  })

  it('docs/rules.md matches the registry and fixtures', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bin/regenerate.ts', 'rules', '--check'], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})

