import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digests, onTestDay, repoRoot, thresholds } from '../helpers.ts'

/*
 * `build sources/<one framework>` makes a package of that framework alone. Into an output folder
 * that already holds the other frameworks of its sources folder it would delete their files and
 * report them removed (a new MAJOR of the package): refused instead, exit 2, one line, nothing
 * changed. Into a folder of its own it writes as before, and a framework gone from the sources is
 * removed as a full build removes it.
 */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-partial-'))
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  return root
}

const build = (args: string[], root: string) => {
  const { status, stderr } = thresholds(['build', '--no-cache', ...args], root, { env: onTestDay })
  return { status, stderr }
}

const REFUSED = 'Cannot build only solihull into generated/: it holds shropshire too, which a package of some frameworks would remove; run thresholds build for every framework, or give --out a folder of its own; nothing was changed\n'

describe('a build of one framework into a folder that holds others', () => {
  it('is refused with one plain line, exit 2, and leaves every framework’s files as they were', () => {
    const root = project()
    expect(build([], root)).toStrictEqual({ status: 0, stderr: 'Wrote 31 files in generated/.\n' })
    const before = digests(path.join(root, 'generated'))
    expect(build(['sources/solihull'], root)).toStrictEqual({ status: 2, stderr: REFUSED })
    expect(build(['sources/solihull/contacts.md'], root)).toStrictEqual({ status: 2, stderr: REFUSED })
    // Comparing only would list Shropshire's files as stale: refused the same way.
    expect(build(['sources/solihull', '--check'], root)).toStrictEqual({ status: 2, stderr: REFUSED })
    expect(digests(path.join(root, 'generated'))).toStrictEqual(before)
    // Every framework of the folder named: the same as a full build.
    expect(build(['sources/shropshire', 'sources/solihull'], root)).toStrictEqual({ status: 0, stderr: 'generated/ is already up to date.\n' })
  })

  it('is refused for the website and its preview (`dev`) too, which would lose the other frameworks’ pages', () => {
    const root = project()
    const site = (args: string[]) => {
      const { status, stderr } = thresholds(['site', '--no-cache', ...args], root, { env: onTestDay })
      return { status, stderr }
    }
    expect(site([])).toStrictEqual({ status: 0, stderr: 'Wrote 52 files in generated/site/. Open generated/site/index.html in a browser.\n' })
    const before = digests(path.join(root, 'generated/site'))
    expect(site(['sources/solihull'])).toStrictEqual({
      status: 2,
      stderr: 'Cannot make the website of only solihull into generated/site/: it holds shropshire too, which a website of some frameworks would remove; run thresholds site for every framework, or give --out a folder of its own; nothing was changed\n',
    })
    expect(digests(path.join(root, 'generated/site'))).toStrictEqual(before)
    // `dev` writes its preview to the same folder: refused the same way, before it serves anything.
    expect(thresholds(['dev', 'sources/solihull', '--port', '0'], root, { env: onTestDay })).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'Cannot make the website of only solihull into generated/site/: it holds shropshire too, which a website of some frameworks would remove; run thresholds dev for every framework, or give --out a folder of its own; nothing was changed\n',
    })
    expect(digests(path.join(root, 'generated/site'))).toStrictEqual(before)
    expect(site(['sources/solihull', '--out', 'one'])).toMatchObject({ status: 0 })
    expect(readdirSync(path.join(root, 'one')).sort()).toStrictEqual(['.thresholds-output', 'assets', 'index.html', 'solihull'])
  })

  it('writes into a folder of its own, and removes a framework gone from the sources as a full build does', () => {
    const root = project()
    expect(build(['sources/solihull', '--out', 'one'], root)).toStrictEqual({ status: 0, stderr: 'Wrote 21 files in one/.\n' })
    expect(build(['sources/solihull', '--out', 'one'], root)).toStrictEqual({ status: 0, stderr: 'one/ is already up to date.\n' })
    expect(build([], root).status).toBe(0)
    rmSync(path.join(root, 'sources/shropshire'), { recursive: true })
    const removed = build(['sources/solihull'], root)
    expect(removed.status).toBe(0)
    // After the report (Solihull's suppression about Shropshire's edition is now unused: a warning).
    expect(removed.stderr.split('\n').slice(-3)).toStrictEqual(['Wrote 10 files, removed 10 in generated/.', '@thresholds/frameworks goes from 1.0.0 to 2.0.0, a new MAJOR: shropshire removed (MAJOR).', ''])
    expect(readdirSync(path.join(root, 'generated')).filter((name) => !name.includes('.')).sort()).toStrictEqual(['solihull'])
  })
})
