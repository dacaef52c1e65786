import { execFile, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { frameworkWith, repoRoot } from '../helpers.ts'
import { startServer, type TestServer } from '../online/server.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

/** The real CLI as a process. Asynchronous, so the test server in this process can answer it. */
function thresholds(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: HANG_MS }, (error, stdout, stderr) => {
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

    const first = await thresholds(['check', '--online', '--online-allow-private'], root)
    expect(first.status).toBe(1)
    expect(first.stderr).toContain('Checked 3 web addresses online: 3 requested, 0 from the cache (node_modules/.cache/thresholds/links.json).')
    expect(first.stderr).toContain('sources/minimal/links.md')
    expect(first.stderr).toMatch(/\nsources\/minimal\/links\.md:6:3 error The link “Parenting leaflet” points to “http:\/\/127\.0\.0\.1:\d+\/missing”, which answered 404 Not Found, expected a page that loads.* \[link-reachable\]\n/)
    expect(first.stderr).toMatch(/\nsources\/minimal\/links\.md:7:3 warning The link “Local offer” points to “http:\/\/127\.0\.0\.1:\d+\/moved”, which has moved permanently to “http:\/\/127\.0\.0\.1:\d+\/ok”.* \[link-redirected\]\n/)
    expect(existsSync(path.join(root, 'node_modules/.cache/thresholds/links.json'))).toBe(true)
    const requests = server.requests.length
    expect(requests).toBe(4)

    const second = await thresholds(['check', '--online', '--online-allow-private', '--format', 'json'], root)
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

    const build = await thresholds(['build', '--online', '--online-allow-private', '--online-cache', 'links-cache.json', '--online-max-age', '1', '--online-timeout', '900'], root)
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

  it('skips the local server, a loopback address, with a positioned warning, and requests it with --online-allow-private', async () => {
    const { root } = frameworkLinkingTo({ 'Regional procedures': '/ok?private' })
    const before = server.count('/ok')
    const skipped = await thresholds(['check', '--online', '--online-cache', 'links.json'], root)
    expect(skipped.status).toBe(0)
    expect(skipped.stderr).toContain(
      `sources/minimal/links.md:5:3 warning The address “${server.base}/ok?private” was not checked online: it resolves to 127.0.0.1, a loopback address (this machine), which is requested only with --online-allow-private.\n`,
    )
    expect(skipped.stderr).toContain('Checked 0 web addresses online: 0 requested, 0 from the cache (links.json); 1 not checked (above).\n')
    expect(server.count('/ok')).toBe(before)

    const allowed = await thresholds(['check', '--online', '--online-allow-private', '--online-cache', 'links.json'], root)
    expect(allowed.status).toBe(0)
    expect(allowed.stderr).not.toContain('was not checked online')
    expect(allowed.stderr).toContain('Checked 1 web address online: 1 requested, 0 from the cache (links.json).\n')
    expect(server.count('/ok')).toBe(before + 1)
  })

  it('stops at the --online deadline, listing what was not checked', async () => {
    // The page would answer after ten minutes and the limit per request is longer still.
    const { root } = frameworkLinkingTo({ 'Regional procedures': '/slow?ms=600000&deadline' })
    const result = await thresholds(['check', '--online', '--online-allow-private', '--online-timeout', '900', '--online-deadline', '1'], root)
    expect(result.status).toBe(0)
    expect(result.stderr).toContain(`sources/minimal/links.md:5:3 warning The address “${server.base}/slow?ms=600000&deadline” was not checked online: it was not checked before the --online deadline.\n`)
  })

  it.each([
    ['check', 'SIGTERM', 143],
    ['build', 'SIGINT', 130],
  ] as const)('%s --online stops at once on %s (exit %i), however long the requests would take', async (command, signal, code) => {
    const { root } = frameworkLinkingTo({ 'Regional procedures': `/slow?ms=600000&${command}` })
    const child = spawn(process.execPath, [bin, command, '--online', '--online-allow-private', '--online-timeout', '900', '--online-deadline', '900'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exit = new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)))
    // Once the request is open, the run can only be waiting for it.
    while (server.requests.every((request) => request.path !== '/slow' || !request.query?.includes(command))) await new Promise((resolve) => setTimeout(resolve, 20))
    child.kill(signal)
    expect(await exit).toBe(code)
    expect(stderr).toBe(`Stopped (${signal}).\n`)
    expect(existsSync(path.join(root, 'generated'))).toBe(false)
  })

  it('refuses online settings that make no sense, with exit 2', async () => {
    expect(await thresholds(['check', '--online-cache', 'x.json'], repoRoot)).toMatchObject({ status: 2, stderr: '--online-cache only applies with --online\n' })
    expect(await thresholds(['check', '--online', '--online-max-age', 'a day'], repoRoot)).toMatchObject({
      status: 2,
      stderr: '--online-max-age expects a number of hours (0 or more), got “a day”\n',
    })
    expect(await thresholds(['check', '--online', '--online-deadline', '0'], repoRoot)).toMatchObject({ status: 2, stderr: '--online-deadline expects a number of seconds above 0, got “0”\n' })
    expect(await thresholds(['check', '--online-allow-private'], repoRoot)).toMatchObject({ status: 2, stderr: '--online-allow-private only applies with --online\n' })
  })
})
