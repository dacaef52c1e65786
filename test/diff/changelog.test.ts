import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { edit, frameworkWith, git, thresholds } from '../helpers.ts'

/**
 * A repository with four commits: version 1.0; an untagged edit that keeps 1.0; 1.1, a punctuation
 * edit; 2.0, tagged, where an indicator moved to a more serious level and a number changed.
 */
describe('thresholds changelog', () => {
  let root = ''
  const commits: string[] = []

  beforeAll(() => {
    ;({ root } = frameworkWith())
    const framework = path.join(root, 'sources/minimal/framework.md')
    const health = path.join(root, 'sources/minimal/domains/01-health.md')
    git(['init', '-q'], root)
    git(['add', '-A'], root)
    git(['commit', '-q', '-m', 'Version 1.0'], root)
    edit(health, 'Untreated serious injury', 'Untreated, serious injury')
    git(['commit', '-q', '-am', 'Punctuation'], root)
    edit(framework, 'version: "1.0"', 'version: "1.1"')
    git(['commit', '-q', '-am', 'Version 1.1'], root)
    edit(health, '- Missing immunisations {#health-missing-immunisations}\n\n## Child protection\n', '## Child protection\n\n- Missing immunisations {#health-missing-immunisations}\n')
    edit(health, '## Early Help\n\n', '## Early Help\n\n- Often misses health appointments {#health-misses-appointments}\n')
    edit(path.join(root, 'sources/minimal/contacts.md'), '0121 788 4300', '0121 496 0300')
    edit(framework, 'version: "1.1"', 'version: "2.0"')
    git(['commit', '-q', '-am', 'Version 2.0'], root)
    git(['tag', 'minimal-2.0'], root)
    commits.push(...git(['log', '--reverse', '--format=%H'], root).trim().split('\n'))
  })

  it('prints each version found in git, newest first, with what affects practice', () => {
    const { status, stdout, stderr } = thresholds(['changelog', 'minimal'], root)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const short = (n: number) => (commits[n] as string).slice(0, 12)
    const date = git(['log', '-1', '--format=%cs'], root).trim()
    expect(stdout).toBe(
      [
        '# Changelog: Minimal Framework (`minimal`)',
        '',
        'Each version found in git, newest first, compared with the one before it by `thresholds diff`.',
        '',
        `## 2.0 (${date}, commit \`${short(3)}\`, tagged \`minimal-2.0\`)`,
        '',
        'From 1.1: 4 changes, 3 affecting practice, 0 for a person to review, 1 editorial.',
        '',
        '### Affects practice',
        '',
        '- Phone number changed: Front door',
        '- Indicator added: Often misses health appointments',
        '- Indicator moved level: Missing immunisations (threshold raised)',
        '',
        `1 editorial change: \`thresholds diff ${short(2)} ${short(3)} --framework minimal\` lists it.`,
        '',
        `## 1.1 (${date}, commit \`${short(2)}\`)`,
        '',
        'From 1.0: 1 change, 0 affecting practice, 0 for a person to review, 1 editorial.',
        '',
        `1 editorial change: \`thresholds diff ${short(1)} ${short(2)} --framework minimal\` lists it.`,
        '',
        // The untagged punctuation edit kept 1.0: the version is shown as it ended up.
        `## 1.0 (${date}, commit \`${short(1)}\`)`,
        '',
        'The first version found in git.',
        '',
      ].join('\n'),
    )
  })

  it('refuses what it cannot do with one plain line and exit 2', () => {
    expect(thresholds(['changelog'], root)).toMatchObject({ status: 2, stderr: 'Expected one framework id, e.g. thresholds changelog solihull (got 0)\n' })
    expect(thresholds(['changelog', 'no-such'], root)).toMatchObject({ status: 2, stderr: 'No version of “no-such” found in git, expected sources/no-such/framework.md with a version in some commit\n' })
    expect(thresholds(['changelog', '../etc'], root)).toMatchObject({ status: 2, stderr: '“../etc” is not a framework id, expected lower-case letters, digits and single hyphens\n' })
    expect(thresholds(['changelog', 'minimal'], mkdtempSync(path.join(tmpdir(), 'thresholds-no-git-')))).toMatchObject({ status: 2, stderr: 'This is not a git repository: the changelog is made from the versions found in git\n' })
  })
})
