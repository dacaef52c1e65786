import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { frameworkWith, repoRoot } from '../helpers.ts'
import { startServer, type TestServer } from '../online/server.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

/** The real CLI as a process. Asynchronous, so the test server in this process can answer it. */
function thresholds(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr })
    })
  })
}

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})

function frameworkLinkingTo(paths: Record<string, string>): { root: string; dir: string } {
  const framework = frameworkWith()
  const entries = Object.entries(paths).map(([name, where]) => `- [${name}](${server.base}${where})`)
  writeFileSync(path.join(framework.dir, 'links.md'), ['---', 'title: Links', '---', '', ...entries, ''].join('\n'))
  // The test server speaks plain http on 127.0.0.1; that is not what these tests are about.
  writeFileSync(path.join(framework.dir, 'rules.yaml'), 'link-https:\n  severity: "off"\n  reason: The local test server has no https\n')
  return framework
}

describe('thresholds check --online', () => {
  it('reports a broken link at its file:line:column, exits 1, and answers a second run from the cache', async () => {
    const { root } = frameworkLinkingTo({ 'Regional procedures': '/ok', 'Parenting leaflet': '/missing', 'Local offer': '/moved' })

    const first = await thresholds(['check', '--online'], root)
    expect(first.status).toBe(1)
    expect(first.stderr).toContain('Checked 3 web addresses online: 3 requested, 0 from the cache (node_modules/.cache/thresholds/links.json).')
    expect(first.stderr).toContain('sources/minimal/links.md')
    expect(first.stderr).toMatch(/\nsources\/minimal\/links\.md:6:3 error The link “Parenting leaflet” points to “http:\/\/127\.0\.0\.1:\d+\/missing”, which answered 404 Not Found, expected a page that loads.* \[link-reachable\]\n/)
    expect(first.stderr).toMatch(/\nsources\/minimal\/links\.md:7:3 warning The link “Local offer” points to “http:\/\/127\.0\.0\.1:\d+\/moved”, which has moved permanently to “http:\/\/127\.0\.0\.1:\d+\/ok”.* \[link-redirected\]\n/)
    expect(existsSync(path.join(root, 'node_modules/.cache/thresholds/links.json'))).toBe(true)
    const requests = server.requests.length
    expect(requests).toBe(4)

    const second = await thresholds(['check', '--online', '--format', 'json'], root)
    expect(second.status).toBe(1)
    expect(server.requests.length).toBe(requests)
    expect(second.stderr).toBe('Checked 3 web addresses online: 0 requested, 3 from the cache (node_modules/.cache/thresholds/links.json).\n')
    const report = JSON.parse(second.stdout) as { diagnostics: Array<Record<string, unknown>>; summary: Record<string, number> }
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'link-reachable', severity: 'error', file: 'sources/minimal/links.md', line: 6, column: 3 }),
      expect.objectContaining({ ruleId: 'link-redirected', severity: 'warning', file: 'sources/minimal/links.md', line: 7, column: 3 }),
    ])
    expect(report.summary).toEqual({ errors: 1, warnings: 1, suppressed: 3 }) // the three http: warnings, switched off in rules.yaml
  })

  it('makes no request without --online, and build --online writes nothing when a link is broken', async () => {
    const { root } = frameworkLinkingTo({ 'Parenting leaflet': '/missing-too' })
    const cache = path.join(root, 'links-cache.json')

    const offline = await thresholds(['check'], root)
    expect(offline).toMatchObject({ status: 0, stderr: '✔ 0 errors, 0 warnings, 1 suppressed in 1 framework\n' })
    expect(server.count('/missing-too')).toBe(0)

    const build = await thresholds(['build', '--online', '--online-cache', 'links-cache.json', '--online-max-age', '1', '--online-timeout', '2'], root)
    expect(build.status).toBe(1)
    expect(build.stderr).toContain('Nothing was written to generated/')
    expect(build.stderr).toContain("sources/minimal/links.md:5:3 error The link “Parenting leaflet”")
    expect(server.count('/missing-too')).toBe(1)
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toMatchObject({ version: 1, links: { [`${server.base}/missing-too`]: { outcome: 'http-error', status: 404 } } })
  })

  it('refuses a cache file that is not a link cache, with exit 2, and leaves it as it was', async () => {
    const { root } = frameworkLinkingTo({ 'Regional procedures': '/ok' })
    writeFileSync(path.join(root, 'cache.json'), '{ not json')
    const result = await thresholds(['check', '--online', '--online-cache', 'cache.json'], root)
    expect(result).toMatchObject({ status: 2, stderr: 'Cannot use “cache.json” as the link cache (--online-cache): it is not a Thresholds link cache (not JSON); nothing was changed\n' })
    expect(readFileSync(path.join(root, 'cache.json'), 'utf8')).toBe('{ not json')
  })

  it('refuses online settings that make no sense, with exit 2', async () => {
    expect(await thresholds(['check', '--online-cache', 'x.json'], repoRoot)).toMatchObject({ status: 2, stderr: '--online-cache only applies with --online\n' })
    expect(await thresholds(['check', '--online', '--online-max-age', 'a day'], repoRoot)).toMatchObject({
      status: 2,
      stderr: '--online-max-age expects a number of hours (0 or more), got “a day”\n',
    })
  })
})
