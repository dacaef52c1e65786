import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { get, request } from 'node:http'
import { connect } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { frameworkWith, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

const bin = path.join(repoRoot, 'scripts/bin/thresholds.js')

/** The dev command as a real process, its stderr collected, on a free port (--port 0). */
function startDev(cwd: string) {
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  const waiters: Array<{ test: (text: string) => boolean; resolve: () => void }> = []
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    for (const waiter of [...waiters]) if (waiter.test(stderr)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  })
  // Hang guards, not speed tests: far above what a busy machine needs.
  const until = (test: (text: string) => boolean, what: string, ms = HANG_MS) =>
    new Promise<void>((resolve, reject) => {
      if (test(stderr)) return resolve()
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr so far:\n${stderr}`)), ms)
      waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) })
    })
  return { child, stderr: () => stderr, until }
}

function fetchText(url: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, type: String(response.headers['content-type']) }))
    }).on('error', reject)
  })
}

/** Listens to the page's event stream; `next(name)` waits for the next event of that name. */
function events(url: string) {
  const seen: Array<{ event: string; data: unknown }> = []
  let buffer = ''
  let notify = () => {}
  const req = request(url, (response) => {
    response.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk
      let end
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(frame)?.[1]
        const data = /^data: (.*)$/m.exec(frame)?.[1]
        if (event) seen.push({ event, data: data ? JSON.parse(data) : undefined })
        notify()
      }
    })
  })
  req.end()
  let read = 0
  const next = (name: string, ms = HANG_MS) =>
    new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no “${name}” event; saw ${JSON.stringify(seen)}`)), ms)
      const look = () => {
        while (read < seen.length) {
          const item = seen[read++] as { event: string; data: unknown }
          if (item.event === name) {
            clearTimeout(timer)
            notify = () => {}
            resolve(item.data)
            return
          }
        }
        notify = look
      }
      look()
    })
  return { next, close: () => req.destroy() }
}

/** Sends `text` as it is over a new connection and returns all the server answered. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text))
    let answer = ''
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

const statusLine = (answer: string) => answer.split('\r\n')[0]

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

let running: ChildProcess | undefined
afterEach(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL')
  running = undefined
})

describe('thresholds dev', () => {
  it('serves the site with reload, re-checks an edited file, and stops cleanly on Ctrl-C', async () => {
    const { root, dir } = frameworkWith()
    const dev = startDev(root)
    running = dev.child
    await dev.until((text) => /Preview: http:\/\/127\.0\.0\.1:\d+\//.test(text), 'the preview address')
    const url = /Preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(dev.stderr())?.[1] as string

    // Pages come with the reload script; the files written to generated/site do not.
    const home = await fetchText(`${url}minimal/index.html`)
    expect(home.status).toBe(200)
    expect(home.type).toBe('text/html; charset=utf-8')
    expect(home.body).toContain('<h1>Minimal Framework</h1>')
    expect(home.body).toContain("new EventSource('/__thresholds/events')")
    expect(readFileSync(path.join(root, 'generated/site/minimal/index.html'), 'utf8')).not.toContain('EventSource')
    expect((await fetchText(`${url}`)).body).toContain('<title>Threshold frameworks</title>')
    expect((await fetchText(`${url}assets/site.css`)).type).toBe('text/css; charset=utf-8')
    expect((await fetchText(`${url}nowhere.html`)).status).toBe(404)
    expect((await fetchText(`${url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404)

    const stream = events(`${url}__thresholds/events`)
    // Break a level: the problem is printed with its place, and open pages hear about it.
    const level = path.join(dir, 'levels/01-early-help.md')
    const original = readFileSync(level, 'utf8')
    const problems = stream.next('problems')
    writeFileSync(level, original.replace(/## Contacts[\s\S]*$/, ''))
    expect(await problems).toMatchObject({ errors: 1 })
    await dev.until((text) => text.includes('Preview not updated'), 'the failed check')
    expect(dev.stderr()).toContain('Changed sources/minimal/levels/01-early-help.md')
    expect(dev.stderr()).toContain('sources/minimal/levels/01-early-help.md:3:8 error Level “Early Help” has no contacts')
    expect(dev.stderr()).toMatch(/Checked minimal in \d+ ms: 1 error, 0 warnings\./)

    // Fix it with new words: the page reloads and shows them.
    const reload = stream.next('reload')
    writeFileSync(level, original.replace('Support as soon as a problem emerges.', 'Help as soon as a worry appears.'))
    await reload
    expect((await fetchText(`${url}minimal/levels/early-help.html`)).body).toContain('Help as soon as a worry appears.')
    expect(readFileSync(path.join(root, 'generated/site/minimal/levels/early-help.html'), 'utf8')).toContain('Help as soon as a worry appears.')
    stream.close()

    // The VS Code task knows a round of checking by these lines (.vscode/tasks.json).
    const task = (JSON.parse(readFileSync(path.join(repoRoot, '.vscode/tasks.json'), 'utf8')) as { tasks: Array<{ command: string; problemMatcher: { background?: { beginsPattern: string; endsPattern: string } } }> }).tasks.find((entry) => entry.command === 'npx thresholds dev')
    const lines = dev.stderr().split('\n')
    expect(lines.filter((line) => new RegExp(task?.problemMatcher.background?.beginsPattern ?? '$^').test(line)).length).toBeGreaterThanOrEqual(3)
    expect(lines.filter((line) => new RegExp(task?.problemMatcher.background?.endsPattern ?? '$^').test(line)).length).toBeGreaterThanOrEqual(3)

    const exit = exited(dev.child)
    dev.child.kill('SIGINT')
    expect(await exit).toBe(130)
    expect(dev.stderr().endsWith('Stopped (SIGINT).\n')).toBe(true)
  })

  it('answers only to its own host names, refusing any other Host header (DNS rebinding), and stops on SIGTERM with 143', async () => {
    const { root } = frameworkWith()
    const dev = startDev(root)
    running = dev.child
    await dev.until((text) => /Preview: http:\/\/127\.0\.0\.1:\d+\//.test(text), 'the preview address')
    const port = Number(/Preview: http:\/\/127\.0\.0\.1:(\d+)\//.exec(dev.stderr())?.[1])
    const statusFor = async (host: string) => statusLine(await rawRequest(port, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`))

    // A page on evil.example that pointed its name at 127.0.0.1 sends its own name.
    expect(await statusFor('evil.example')).toBe('HTTP/1.1 403 Forbidden')
    expect(await statusFor(`evil.example:${port}`)).toBe('HTTP/1.1 403 Forbidden')
    expect(await statusFor(`localhost.evil.example:${port}`)).toBe('HTTP/1.1 403 Forbidden')
    expect(await statusFor(`127.0.0.1:${port === 1 ? 2 : 1}`)).toBe('HTTP/1.1 403 Forbidden')
    expect(statusLine(await rawRequest(port, 'GET / HTTP/1.0\r\n\r\n'))).toBe('HTTP/1.1 403 Forbidden')
    expect(statusLine(await rawRequest(port, `GET /__thresholds/events HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close\r\n\r\n`))).toBe('HTTP/1.1 403 Forbidden')
    // Its own names, as browsers send them.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) expect(await statusFor(host), host).toBe('HTTP/1.1 200 OK')

    const exit = exited(dev.child)
    dev.child.kill('SIGTERM')
    expect(await exit).toBe(143)
    expect(dev.stderr().endsWith('Stopped (SIGTERM).\n')).toBe(true)
  })

  it('starts and watches despite symbolic link loops in sources/, and stops on SIGTERM', async () => {
    const { root, dir } = frameworkWith()
    // Each folder reached through these links is the same few folders again, endlessly.
    symlinkSync('.', path.join(root, 'sources/loop'))
    symlinkSync('..', path.join(dir, 'levels/up'))
    symlinkSync('../..', path.join(dir, 'domains/top'))
    const dev = startDev(root)
    running = dev.child
    await dev.until((text) => /Preview: http:\/\/127\.0\.0\.1:\d+\//.test(text), 'the preview address')
    // Still watching the real files.
    const level = path.join(dir, 'levels/01-early-help.md')
    writeFileSync(level, readFileSync(level, 'utf8').replace('Support as soon as a problem emerges.', 'Help as soon as a worry appears.'))
    await dev.until((text) => text.includes('Changed sources/minimal/levels/01-early-help.md'), 'the edit')
    await dev.until((text) => /Preview updated/.test(text), 'the rebuild')
    const exit = exited(dev.child)
    dev.child.kill('SIGTERM')
    expect(await exit).toBe(143)
  })

  it('refuses a port that is not a number (exit 2)', async () => {
    const { root } = frameworkWith()
    const child = spawn(process.execPath, [bin, 'dev', '--port', 'eighty'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    expect(await exited(child)).toBe(2)
    expect(stderr).toBe('--port expects a number from 0 to 65535, got “eighty”\n')
  })
})
