/**
 * The writer's update in place (generate/in-place.ts): a build through the content cache writes
 * only the files that changed, each renamed onto its place, and removes what it no longer makes;
 * whenever that is not safe (a link on the way, a file where a folder should be) it replaces the
 * whole folder as a build without the cache does.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openOutput, writeOutput } from '../../scripts/generate/writer.ts'
import { runCleanups } from '../../scripts/shared/interrupt.ts'
import { digests } from '../helpers.ts'

const OLD = new Date('2026-01-01T00:00:00Z')

/** generated/ in a fresh folder, as a build left it with `files`, every file set to an old time. */
function outputWith(files: Record<string, string>): { parent: string; out: string } {
  const parent = mkdtempSync(path.join(tmpdir(), 'thresholds-in-place-'))
  const out = path.join(parent, 'generated')
  writeOutput(out, new Map(Object.entries(files)))
  for (const file of Object.keys(digests(out))) utimesSync(path.join(out, file), OLD, OLD)
  return { parent, out }
}

/** A build in place of `files` (with the marker the writer adds), finished. */
function buildInPlace(out: string, files: Record<string, string>) {
  const output = openOutput(out, { inPlace: true })
  for (const [relative, text] of Object.entries(files)) output.add(relative, text)
  return output.finish()
}

/** A file's stamp: size, inode, modification and change times (any write or link moves the change time). */
const stampOf = (file: string) => {
  const stat = lstatSync(file, { bigint: true })
  return `${stat.size} ${stat.ino} ${stat.mtimeNs} ${stat.ctimeNs}`
}

/** Every entry under `dir` that is a link, by path. */
function links(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isSymbolicLink()) return [relative]
    return entry.isDirectory() ? links(path.join(dir, entry.name), relative) : []
  })
}

describe('a build in place', () => {
  it('writes only the changed file and leaves every other file untouched, not even linked', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n', 'site/index.html': 'owned by site\n' })
    const before = stampOf(path.join(out, 'a/one.json'))
    const siteBefore = stampOf(path.join(out, 'site/index.html'))
    expect(buildInPlace(out, { 'a/one.json': '1\n', 'b/two.json': '2, changed\n' })).toEqual({ changed: ['b/two.json'], removed: [] })
    expect(stampOf(path.join(out, 'a/one.json'))).toBe(before)
    expect(stampOf(path.join(out, 'site/index.html'))).toBe(siteBefore)
    expect(readFileSync(path.join(out, 'b/two.json'), 'utf8')).toBe('2, changed\n')
    expect(readdirSync(parent)).toEqual(['generated'])
  })

  it('removes the files and folders of what is no longer made, and makes the folders of what is new', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'gone/deep/old.json': 'old\n', 'gone/old.md': 'old\n', 'a/stale.json': 'stale\n' })
    expect(buildInPlace(out, { 'a/one.json': '1\n', 'new/three.json': '3\n' })).toEqual({ changed: ['new/three.json'], removed: ['a/stale.json', 'gone/deep/old.json', 'gone/old.md'] })
    expect(readdirSync(out).sort()).toEqual(['.thresholds-output', 'a', 'new'])
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1\n', 'new/three.json': '3\n' }).out))
    expect(readdirSync(parent)).toEqual(['generated'])
  })

  it('rewrites a file edited by hand or deleted since, and replaces a link in a file’s place', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n', 'c/three.json': '3\n' })
    writeFileSync(path.join(out, 'a/one.json'), 'edited by hand\n')
    const elsewhere = path.join(parent, 'elsewhere.json')
    writeFileSync(elsewhere, '2\n')
    symlinkSync(elsewhere, path.join(out, 'b/two.json.link'))
    renameSync(path.join(out, 'b/two.json.link'), path.join(out, 'b/two.json'))
    const c = path.join(out, 'c/three.json')
    renameSync(c, `${c}.moved`)
    expect(buildInPlace(out, { 'a/one.json': '1\n', 'b/two.json': '2\n', 'c/three.json': '3\n' })).toEqual({ changed: ['a/one.json', 'b/two.json', 'c/three.json'], removed: ['c/three.json.moved'] })
    expect(links(out)).toEqual([])
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n', 'c/three.json': '3\n' }).out))
    expect(readFileSync(elsewhere, 'utf8')).toBe('2\n')
  })

  it('never writes through a link in a folder’s place: the whole folder is replaced instead, and what the link points at is left as it was', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n' })
    // The folder moved outside generated/ and a link to it left in its place.
    const outside = path.join(parent, 'outside')
    renameSync(path.join(out, 'a'), outside)
    symlinkSync(outside, path.join(out, 'a'))
    const outsideBefore = digests(outside)
    // The link itself is gone, a folder in its place.
    expect(buildInPlace(out, { 'a/one.json': '1, changed\n', 'b/two.json': '2\n' })).toEqual({ changed: ['a/one.json'], removed: ['a'] })
    expect(digests(outside)).toEqual(outsideBefore)
    expect(links(out)).toEqual([])
    expect(lstatSync(path.join(out, 'a')).isDirectory()).toBe(true)
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1, changed\n', 'b/two.json': '2\n' }).out))
    expect(readdirSync(parent).sort()).toEqual(['generated', 'outside'])
  })

  it('never keeps an unchanged file reached through a link in a folder’s place', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n' })
    const outside = path.join(parent, 'outside')
    renameSync(path.join(out, 'b'), outside)
    symlinkSync(outside, path.join(out, 'b'))
    // The link itself is gone, a folder in its place.
    expect(buildInPlace(out, { 'a/one.json': '1, changed\n', 'b/two.json': '2\n' })).toEqual({ changed: ['a/one.json'], removed: ['b'] })
    expect(links(out)).toEqual([])
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1, changed\n', 'b/two.json': '2\n' }).out))
    expect(digests(outside)).toEqual({ 'two.json': digests(out)['b/two.json'] })
  })

  it('replaces a file standing where a folder of the build goes', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b': 'a file, not a folder\n' })
    expect(buildInPlace(out, { 'a/one.json': '1\n', 'b/two.json': '2\n' })).toEqual({ changed: ['b/two.json'], removed: ['b'] })
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n' }).out))
    expect(readdirSync(parent)).toEqual(['generated'])
  })

  it('replaces a folder standing where a file of the build goes', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json/inside.json': 'in a folder named like a file\n' })
    expect(buildInPlace(out, { 'a/one.json': '1\n', 'b/two.json': '2\n' })).toEqual({ changed: ['b/two.json'], removed: ['b/two.json/inside.json'] })
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n' }).out))
    expect(readdirSync(parent)).toEqual(['generated'])
  })

  it('leaves the folder as it was when the run fails or is stopped after changed files were staged', () => {
    const { parent, out } = outputWith({ 'a/one.json': '1\n', 'b/two.json': '2\n' })
    const before = digests(out)
    const failed = openOutput(out, { inPlace: true })
    failed.add('a/one.json', '1, changed\n')
    expect(readdirSync(parent).sort()).toEqual([expect.stringMatching(/^\.generated\.staging-/), 'generated'])
    failed.abort()
    expect(digests(out)).toEqual(before)
    expect(readdirSync(parent)).toEqual(['generated'])
    const stopped = openOutput(out, { inPlace: true })
    stopped.add('new/three.json', '3\n')
    // What the signal handler does before exiting.
    runCleanups()
    expect(digests(out)).toEqual(before)
    expect(readdirSync(parent)).toEqual(['generated'])
  })

  it('creates the folder on a first build, as the whole-folder write does', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'thresholds-in-place-'))
    const out = path.join(parent, 'generated')
    expect(buildInPlace(out, { 'a/one.json': '1\n' })).toEqual({ changed: ['.thresholds-output', 'a/one.json'], removed: [] })
    mkdirSync(path.join(parent, 'other'))
    expect(digests(out)).toEqual(digests(outputWith({ 'a/one.json': '1\n' }).out))
  })
})
