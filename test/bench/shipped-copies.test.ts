import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeShippedCopies } from '../../scripts/bench/shipped-copies.ts'
import { onTestDay, thresholds, UNHURRIED_PARSE } from '../helpers.ts'

/* The bench's corpus of copies of the shipped frameworks (scripts/bench/shipped-copies.ts). */

const shipped = path.resolve('sources')

describe('copies of the shipped frameworks', () => {
  it('copy each framework in turn, every file, with only the id changed, and check with no error', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-copies-'))
    const sources = writeShippedCopies(root, shipped, 5)
    expect(readdirSync(sources).sort()).toStrictEqual(['shropshire-0001', 'shropshire-0002', 'shropshire-0003', 'solihull-0001', 'solihull-0002'])
    const original = readFileSync(path.join(shipped, 'solihull/framework.md'), 'utf8')
    const copy = readFileSync(path.join(sources, 'solihull-0002/framework.md'), 'utf8')
    expect(copy).toBe(original.replace(/^id: solihull$/m, 'id: solihull-0002'))
    expect(copy).not.toBe(original)
    const files = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort()
    expect(files(path.join(sources, 'shropshire-0003'))).toStrictEqual(files(path.join(shipped, 'shropshire')))
    const checked = thresholds(['check', '--no-cache', sources], root, { env: { ...onTestDay, ...UNHURRIED_PARSE } })
    expect(checked.status).toBe(0)
    expect(checked.stderr).toMatch(/^✔ 0 errors, 0 warnings, \d+ suppressed in 5 frameworks$/m)
  })

  it('refuse a framework without its id line, and a folder with no framework', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-copies-'))
    const shippedHere = path.join(root, 'shipped')
    mkdirSync(path.join(shippedHere, 'a'), { recursive: true })
    writeFileSync(path.join(shippedHere, 'a/framework.md'), '---\ntitle: A\n---\n')
    expect(() => writeShippedCopies(path.join(root, 'out'), shippedHere, 1)).toThrow(/no “id: a” line in .*framework\.md/)
    const empty = path.join(root, 'empty')
    mkdirSync(empty)
    expect(() => writeShippedCopies(path.join(root, 'out'), empty, 1)).toThrow(/no frameworks in/)
  })
})
