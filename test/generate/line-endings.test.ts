import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { filesUnder, git, repoRoot, thresholds } from '../helpers.ts'

/**
 * A contributor on Windows (core.autocrlf=true) checks the project out: .gitattributes must keep
 * every source and generated file with LF endings, so `build --check` finds no drift. The same
 * clone without .gitattributes shows that the check would notice.
 */
const work = mkdtempSync(path.join(tmpdir(), 'thresholds-eol-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A repository holding this project's sources and generated/ (and .gitattributes when asked), cloned with autocrlf. */
function cloneWithAutocrlf(name: string, withAttributes: boolean): string {
  const origin = path.join(work, `${name}-origin`)
  for (const folder of ['sources', 'generated']) cpSync(path.join(repoRoot, folder), path.join(origin, folder), { recursive: true })
  if (withAttributes) cpSync(path.join(repoRoot, '.gitattributes'), path.join(origin, '.gitattributes'))
  git(['init', '-q'], origin)
  git(['-c', 'core.autocrlf=false', 'add', '-A'], origin)
  git(['commit', '-q', '-m', 'project'], origin)
  const clone = path.join(work, name)
  git(['clone', '-q', '-c', 'core.autocrlf=true', origin, clone], work)
  return clone
}

const buildCheck = (clone: string) => thresholds(['build', 'sources', '--out', 'generated', '--check', '--no-cache'], clone)

describe('line endings', () => {
  it('keeps sources and generated/ byte-stable under core.autocrlf=true, so build --check finds no drift', () => {
    const clone = cloneWithAutocrlf('with-attributes', true)
    const withCr = [...filesUnder(path.join(clone, 'sources'), 'sources/'), ...filesUnder(path.join(clone, 'generated'), 'generated/')].filter((file) => readFileSync(path.join(clone, file)).includes(13))
    expect(withCr).toEqual([])
    const result = buildCheck(clone)
    expect(result.stderr).not.toMatch(/differ/)
    expect(result.status).toBe(0)
  })

  it('would notice: without .gitattributes the same clone has CRLF files and build --check reports drift', () => {
    const clone = cloneWithAutocrlf('without-attributes', false)
    expect(readFileSync(path.join(clone, 'generated/package.json')).includes(13)).toBe(true)
    const result = buildCheck(clone)
    expect(result.status).toBe(1)
    expect(`${result.stdout}${result.stderr}`).toContain('generated/package.json')
  })
})
