import fs, { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { withoutParseDetail } from '../../scripts/check/index.ts'
import { generateFiles, generateIntoFolder } from '../../scripts/generate/index.ts'
import { openOutput, writeOutput } from '../../scripts/generate/writer.ts'
import { loadFrameworks } from '../../scripts/parse/index.ts'
import { runCleanups } from '../../scripts/shared/interrupt.ts'
import { UsageError } from '../../scripts/shared/usage-error.ts'
import { digests, frameworkWith, parser } from '../helpers.ts'

/** A folder holding generated/ with `files` in it, and the parent the writer stages beside it. */
function outputWith(files: Record<string, string>): { parent: string; out: string } {
  const parent = mkdtempSync(path.join(tmpdir(), 'thresholds-writer-'))
  const out = path.join(parent, 'generated')
  writeOutput(out, new Map(Object.entries(files)))
  return { parent, out }
}

const OLD = new Date('2026-01-01T00:00:00Z')

/** Every file under `out` set to an old time, so a rewrite shows in its modification time. */
function age(out: string): void {
  for (const file of Object.keys(digests(out))) utimesSync(path.join(out, file), OLD, OLD)
}

describe('generated files go straight to the output folder', () => {
  it('keeps the whole tree when one file among many changes, carrying the rest over', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n', 'c/three.json': '3\n', 'site/index.html': 'owned by site\n' })
    age(out)
    const output = openOutput(out)
    output.add('a/one.json', '1\n')
    output.add('b/two.json', '2, changed\n')
    output.add('c/three.json', '3\n')
    expect(output.finish()).toEqual({ changed: ['b/two.json'], removed: [] })
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1\n', 'b/two.json': '2, changed\n', 'c/three.json': '3\n', 'site/index.html': 'owned by site\n' }).out))
    // Nothing left beside it.
    expect(readdirSync(parent)).toEqual(['generated'])
  })

  it('writes nothing when nothing changed, so no timestamp moves', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n' })
    age(out)
    const output = openOutput(out)
    output.add('b/two.json', '2\n')
    output.add('a/one.json', '1\n')
    expect(output.finish()).toEqual({ changed: [], removed: [] })
    expect(statSync(path.join(out, 'a/one.json')).mtime).toEqual(OLD)
    expect(readdirSync(parent)).toEqual(['generated'])
  })

  it('removes files no longer made, even when every file made is unchanged', () => {
    const { out } = outputWith({ 'a/one.json': '1\n', 'gone/old.json': 'old\n' })
    const output = openOutput(out)
    output.add('a/one.json', '1\n')
    expect(output.finish()).toEqual({ changed: [], removed: ['gone/old.json'] })
    expect(Object.keys(digests(out))).toEqual(['.thresholds-output', 'a/one.json'])
  })

  it('only compares with --check: reports the drift and writes nothing', () => {
    const { out } = outputWith({ 'a/one.json': '1\n', 'gone/old.json': 'old\n' })
    const before = digests(out)
    const output = openOutput(out, { compareOnly: true })
    output.add('a/one.json', 'changed\n')
    output.add('new.json', 'new\n')
    expect(output.finish()).toEqual({ changed: ['a/one.json', 'new.json'], removed: ['gone/old.json'] })
    expect(digests(out)).toEqual(before)
  })

  it('refuses a path made twice instead of writing either', () => {
    const { out } = outputWith({ 'a/one.json': '1\n' })
    const output = openOutput(out)
    output.add('a/one.json', 'first\n')
    expect(() => output.add('a/one.json', 'second\n')).toThrow('a/one.json was generated twice')
  })

  it('refuses a path that would leave the output folder', () => {
    const { out } = outputWith({ 'a/one.json': '1\n' })
    const output = openOutput(out)
    for (const relative of ['../escaped.json', 'a/../../escaped.json', path.resolve(out, '../escaped.json'), 'a//one.json'])
      expect(() => output.add(relative, 'x\n'), relative).toThrow('is not a path inside the output folder')
    output.abort()
    expect(readdirSync(path.dirname(out))).toEqual(['generated'])
  })

  it('leaves the output folder as it was when generation fails part way', async () => {
    const { root, dir } = frameworkWith()
    const second = frameworkWith(undefined, 'second', root).dir
    const [first, broken] = loadFrameworks([dir, second], { parser }).map(withoutParseDetail)
    if (!first || !broken) throw new Error('both frameworks should load')
    // generated/ as an older build left it: the first framework's files differ, so they are staged.
    const out = path.join(root, 'generated')
    writeOutput(out, new Map([['first/framework.json', '{}\n']]))
    const before = digests(out)
    // JSON cannot hold a BigInt: the second framework fails after the first one's files were made.
    const failing = { folder: broken.folder, framework: { ...broken.framework, title: 10n as unknown as string } }
    await expect(generateIntoFolder(out, [first, failing])).rejects.toThrow(/BigInt/)
    expect(digests(out)).toEqual(before)
    expect(readdirSync(root).sort()).toEqual(['generated', 'sources'])
  })

  it('gives the same files as generating into memory', async () => {
    const { root, dir } = frameworkWith()
    writeOutput(path.join(root, 'generated'), new Map([['stale.json', '{}\n']]))
    const contexts = loadFrameworks([dir], { parser }).map(withoutParseDetail)
    const written = await generateIntoFolder(path.join(root, 'generated'), contexts)
    const files = await generateFiles(contexts)
    expect(written).toEqual({ changed: [...files.keys()], removed: ['stale.json'] })
    expect(digests(path.join(root, 'generated'))).toEqual(digests(outputWith(Object.fromEntries(files)).out))
  })
})

describe('an update in place that fails part-way', () => {
  it('says so in one plain line naming the folder as shown, with its trailing slash as other messages have it', () => {
    const { out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n' })
    const output = openOutput(out, { inPlace: true, shown: 'my output' })
    output.add('a/one.json', '1, changed\n')
    output.add('b/two.json', '2, changed\n')
    // The rename of a staged file onto its place fails, as a lost network drive would make it fail.
    const renameSync = fs.renameSync
    fs.renameSync = (from, to) => {
      if (String(from).includes('.staging-') && String(to).endsWith('two.json')) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' })
      renameSync(from, to)
    }
    syncBuiltinESMExports()
    try {
      expect(() => output.finish()).toThrow(new UsageError('Cannot finish writing my output/ (EIO): some of its files are new and the rest as they were; run the build again'))
    } finally {
      fs.renameSync = renameSync
      syncBuiltinESMExports()
    }
    expect(readFileSync(path.join(out, 'a/one.json'), 'utf8')).toBe('1, changed\n')
    expect(readFileSync(path.join(out, 'b/two.json'), 'utf8')).toBe('2\n')
  })
})

describe('the writer replaces only folders Thresholds made', () => {
  it('refuses a folder that is not empty and has no marker, or holds the other kind of output, and leaves it as it was', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'thresholds-writer-'))
    const mine = path.join(parent, 'mine')
    mkdirSync(mine)
    writeFileSync(path.join(mine, 'notes.md'), 'Notes of my own.\n')
    const before = digests(mine)
    expect(() => writeOutput(mine, new Map([['a.json', '1\n']]), { shown: 'mine' })).toThrow(
      'Cannot write to mine/: it is not empty and Thresholds did not make it (it has no .thresholds-output file), expected a new or empty folder; nothing was changed',
    )
    expect(digests(mine)).toEqual(before)
    const site = path.join(parent, 'site')
    writeOutput(site, new Map([['index.html', '<p>site</p>\n']]), { kind: 'site' })
    const siteBefore = digests(site)
    expect(() => writeOutput(site, new Map([['a.json', '1\n']]), { kind: 'package', shown: 'site' })).toThrow(
      'Cannot write to site/: it holds the website that thresholds site writes, expected a new or empty folder; nothing was changed',
    )
    expect(digests(site)).toEqual(siteBefore)
    expect(readdirSync(parent).sort()).toEqual(['mine', 'site'])
  })

  it('fills an empty folder, and marks it', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'thresholds-writer-'))
    const out = path.join(parent, 'empty')
    mkdirSync(out)
    expect(writeOutput(out, new Map([['a.json', '1\n']]), { kind: 'site' })).toEqual({ changed: ['.thresholds-output', 'a.json'], removed: [] })
    expect(Object.keys(digests(out))).toEqual(['.thresholds-output', 'a.json'])
  })
})

describe('a run stopped while writing', () => {
  it('removes the staging folder beside the output folder when the run is stopped (Ctrl-C, SIGTERM), leaving the output as it was', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'thresholds-stop-'))
    const out = path.join(parent, 'generated')
    writeOutput(out, new Map([['a.json', 'old\n']]))
    const writer = openOutput(out)
    writer.add('a.json', 'new\n')
    const [staging, ...rest] = readdirSync(parent).sort()
    expect(staging).toMatch(/^\.generated\.staging-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(rest).toEqual(['generated'])
    // What the signal handler does before exiting.
    runCleanups()
    expect(readdirSync(parent)).toEqual(['generated'])
    expect(readFileSync(path.join(out, 'a.json'), 'utf8')).toBe('old\n')
  })
})
