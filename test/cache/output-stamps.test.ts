/**
 * Each framework's files in the output folder are trusted by their own stamps (cache/generate.ts:
 * frameworkStamps): with one framework edited, the others' files are kept without being read,
 * so long as nothing touched them since the last build. Through the real CLI, with the cache in
 * the project as users have it; every build is compared with one made without the cache.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { digests, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

function thresholds(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', THRESHOLDS_TODAY: '2026-06-30', CACHE_DIR: '' }, timeout: HANG_MS })
  return { status: result.status, stderr: result.stderr }
}

/** A project with the shipped frameworks, built once through the cache into generated/. */
function builtProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'thresholds-output-stamps-'))
  writeFileSync(path.join(root, 'package.json'), '{ "name": "partnership-frameworks", "private": true }\n')
  cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
  expect(thresholds(['build'], root)).toEqual({ status: 0, stderr: expect.stringMatching(/^Wrote \d+ files in generated\/\.\n$/) })
  return root
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  expect(text).toContain(from)
  writeFileSync(file, text.replace(from, to))
}

/** An edit of one of Shropshire's indicators: Shropshire's files are made again, Solihull's come from their stamps. */
const editShropshire = (root: string) => edit(path.join(root, 'sources/shropshire/domains/01-my-voice-is-heard.md'), 'I feel listened to because', 'I feel heard because')

/** Every file under `dir` that is not a plain file (a link), by path. */
function notPlainFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) return notPlainFiles(path.join(dir, entry.name), relative)
    return lstatSync(path.join(dir, entry.name)).isFile() ? [] : [relative]
  })
}

describe('output stamps per framework', () => {
  /** What a build without the cache writes after editShropshire. */
  let expected: Record<string, string>

  beforeAll(() => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-output-stamps-'))
    writeFileSync(path.join(root, 'package.json'), '{ "name": "partnership-frameworks", "private": true }\n')
    cpSync(path.join(repoRoot, 'sources'), path.join(root, 'sources'), { recursive: true })
    editShropshire(root)
    expect(thresholds(['build', '--no-cache'], root).status).toBe(0)
    expected = digests(path.join(root, 'generated'))
    expect(Object.keys(expected)).toContain('solihull/framework.json')
    rmSync(root, { recursive: true, force: true })
  })

  it('keep an untouched framework’s files as they are while an edited framework is made again', () => {
    const root = builtProject()
    const solihull = path.join(root, 'generated/solihull/framework.json')
    const before = lstatSync(solihull, { bigint: true })
    editShropshire(root)
    expect(thresholds(['build'], root)).toEqual({ status: 0, stderr: expect.stringMatching(/^Wrote \d+ files in generated\/\.\n$/) })
    expect(digests(path.join(root, 'generated'))).toEqual(expected)
    // Left in place untouched: the same file, not written, moved or linked again (any of which moves its change time).
    const after = lstatSync(solihull, { bigint: true })
    expect([after.ino, after.mtimeNs, after.ctimeNs]).toEqual([before.ino, before.mtimeNs, before.ctimeNs])
  })

  it('never write through a link put in an edited framework’s folder’s place, leaving what it points at as it was', () => {
    const root = builtProject()
    // The folder moved outside generated/ and a link to it left in its place.
    const outside = path.join(root, 'shropshire-outside')
    renameSync(path.join(root, 'generated/shropshire'), outside)
    symlinkSync(outside, path.join(root, 'generated/shropshire'))
    const outsideBefore = digests(outside)
    editShropshire(root)
    expect(thresholds(['build'], root).status).toBe(0)
    expect(digests(outside)).toEqual(outsideBefore)
    expect(notPlainFiles(path.join(root, 'generated'))).toEqual([])
    expect(digests(path.join(root, 'generated'))).toEqual(expected)
  })

  it('make a framework’s file again when it was edited by hand since, even to a text of the same size', () => {
    const root = builtProject()
    const json = path.join(root, 'generated/solihull/framework.json')
    writeFileSync(json, readFileSync(json, 'utf8').replace('Solihull', 'Xolihull'))
    editShropshire(root)
    expect(thresholds(['build'], root).status).toBe(0)
    expect(digests(path.join(root, 'generated'))).toEqual(expected)
  })

  it('make a framework’s file again when it was deleted, and remove a file added beside its files', () => {
    const root = builtProject()
    rmSync(path.join(root, 'generated/solihull/README.md'))
    writeFileSync(path.join(root, 'generated/solihull/stray.md'), 'not made by the build\n')
    editShropshire(root)
    expect(thresholds(['build'], root).status).toBe(0)
    expect(digests(path.join(root, 'generated'))).toEqual(expected)
  })

  it('never keep a link put in a file’s place, even one to the very file the build left', () => {
    const root = builtProject()
    // The folder moved aside (its files keep their stamps) and a link put in place of each file.
    const folder = path.join(root, 'generated/solihull')
    const moved = path.join(root, 'generated/solihull-moved')
    renameSync(folder, moved)
    mkdirSync(folder)
    for (const name of readdirSync(moved)) symlinkSync(path.join(moved, name), path.join(folder, name))
    editShropshire(root)
    expect(thresholds(['build'], root).status).toBe(0)
    expect(notPlainFiles(path.join(root, 'generated'))).toEqual([])
    expect(digests(path.join(root, 'generated'))).toEqual(expected)
  })

  it('never keep a link put in a file’s place when nothing else changed', () => {
    const root = builtProject()
    // The folder moved out of generated/ (its files keep their stamps: moving a folder does not
    // touch them) and a link to each file put in its place: the same paths, and behind each link the same stamp.
    const folder = path.join(root, 'generated/solihull')
    const outside = path.join(root, 'solihull-outside')
    renameSync(folder, outside)
    mkdirSync(folder)
    const names = readdirSync(outside)
    for (const name of names) symlinkSync(path.join(outside, name), path.join(folder, name))
    expect(thresholds(['build'], root)).toEqual({ status: 0, stderr: `Wrote ${names.length} files in generated/.\n` })
    expect(notPlainFiles(path.join(root, 'generated'))).toEqual([])
  })

  it('make a framework again when its sources changed, though its files in the folder are untouched (their stamps are of the old key)', () => {
    const root = builtProject()
    editShropshire(root)
    expect(thresholds(['build'], root).status).toBe(0)
    expect(digests(path.join(root, 'generated'))).toEqual(expected)
    // Back to the first sources: Shropshire's files, untouched since the last build, hold the edit.
    edit(path.join(root, 'sources/shropshire/domains/01-my-voice-is-heard.md'), 'I feel heard because', 'I feel listened to because')
    expect(thresholds(['build'], root).status).toBe(0)
    expect(thresholds(['build', '--no-cache', '--check'], root)).toEqual({ status: 0, stderr: 'generated/ is up to date with the sources.\n' })
  })
})
