import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chromiumForTests } from '../../scripts/site/chromium.ts'

const cache = mkdtempSync(path.join(tmpdir(), 'thresholds-chromium-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))

describe('the browser the tests drive', () => {
  it('comes from the npm package, unpacked once even when two runs start together, with its own libraries', async () => {
    const [first, second] = await Promise.all([chromiumForTests({}, cache), chromiumForTests({}, cache)])
    expect(first).toEqual(second)
    expect(first?.origin).toBe('@sparticuz/chromium 147.0.0')
    expect(first?.executablePath).toBe(path.join(cache, 'chromium-147.0.0/chromium'))
    // Only the finished folder is left: no half-written copy beside it.
    expect(readdirSync(cache)).toEqual(['chromium-147.0.0'])
    expect(readdirSync(path.join(cache, 'chromium-147.0.0/lib'))).toEqual(expect.arrayContaining(['libnss3.so', 'libnspr4.so', 'libexpat.so.1']))
    expect(first?.env).toEqual({ LD_LIBRARY_PATH: path.join(cache, 'chromium-147.0.0/lib') })
    const version = execFileSync(first!.executablePath, ['--version'], { env: { ...process.env, ...first!.env }, encoding: 'utf8' })
    expect(version).toMatch(/^Chromium 147\.0\.7727\.0\b/)
  })

  it('uses THRESHOLDS_CHROMIUM when it is set, and says so plainly when it names nothing', async () => {
    await expect(chromiumForTests({ THRESHOLDS_CHROMIUM: process.execPath }, cache)).resolves.toEqual({ executablePath: process.execPath, env: {}, origin: `THRESHOLDS_CHROMIUM (${process.execPath})` })
    const missing = path.join(cache, 'no-such-browser')
    expect(existsSync(missing)).toBe(false)
    await expect(chromiumForTests({ THRESHOLDS_CHROMIUM: missing }, cache)).rejects.toThrow(`THRESHOLDS_CHROMIUM names ${missing}, which does not exist: unset it to use the Chromium that npm install brings (@sparticuz/chromium)`)
  })
})
