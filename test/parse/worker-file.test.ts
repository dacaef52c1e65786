/**
 * The parse worker compiled into dist/ with the Markdown parser bundled in (bin/markdown-worker-bundle.ts)
 * parses exactly as the worker's source does, needs nothing beside it, and is used only while
 * dist/ is at least as new as every source, the worker's own JavaScript included.
 */
import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MessageChannel, Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleMarkdownWorker } from '../../scripts/bin/markdown-worker-bundle.ts'
import { compiledIsFresh } from '../../scripts/shared/compiled.js'
import { startWorkerThread, withoutRefused, workerExecArgv } from '../../scripts/parse/worker-file.ts'
import { fixtures, repoRoot } from '../helpers.ts'
import { HANG_MS } from '../limits.ts'

/** A worker of `file` in request mode (as parse/bounded.ts runs it): text in, { id, tree } out. */
function workerOf(file: string) {
  const { port1, port2 } = new MessageChannel()
  const signal = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(file, { workerData: { port: port2, signal }, transferList: [port2] })
  let next = 0
  return {
    parse: (text: string) =>
      new Promise<unknown>((resolve) => {
        const id = ++next
        const take = (reply: { id: number; tree?: unknown; error?: string }) => {
          if (reply.id !== id) return
          port1.off('message', take)
          resolve(reply.tree ?? reply.error)
        }
        port1.on('message', take)
        port1.postMessage({ id, text })
      }),
    stop: () => {
      port1.close()
      return worker.terminate()
    },
  }
}

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? markdownUnder(full) : entry.name.endsWith('.md') ? [full] : []
  })
}

describe('the bundled parse worker', () => {
  // Outside the tool's folder: the bundle must not need node_modules beside it.
  const outdir = mkdtempSync(path.join(tmpdir(), 'thresholds-worker-bundle-'))
  let bundled: ReturnType<typeof workerOf>
  let source: ReturnType<typeof workerOf>

  beforeAll(async () => {
    await bundleMarkdownWorker(outdir)
    bundled = workerOf(path.join(outdir, 'markdown-worker.js'))
    source = workerOf(path.join(repoRoot, 'scripts/parse/markdown-worker.js'))
  })
  afterAll(async () => {
    await bundled?.stop()
    await source?.stop()
  })

  it('gives the same tree as the source worker for every shipped file and some awkward Markdown', async () => {
    const files = markdownUnder(path.join(repoRoot, 'sources'))
    expect(files.length).toBeGreaterThan(20)
    const texts = [...files.map((file) => readFileSync(file, 'utf8')), '---\na: 1\n---\n\n| a | b |\n| - | - |\n| 1 | ~~2~~ |\n\n- [ ] task\n\nwww.example.org[^1]\n\n[^1]: note\n', '']
    for (const text of texts) {
      const tree = await bundled.parse(text)
      expect(tree).toEqual(await source.parse(text))
      expect(tree).toMatchObject({ type: 'root' })
    }
  })
})

describe('compiledIsFresh', () => {
  /** A tool folder with dist/ built at `builtAt` and one source of each kind at `sourceAt` (seconds). */
  function toolFolder(builtAt: number, sources: Record<string, number>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'thresholds-fresh-'))
    mkdirSync(path.join(root, 'dist'))
    mkdirSync(path.join(root, 'scripts/parse'), { recursive: true })
    writeFileSync(path.join(root, 'dist/built'), 'built\n')
    utimesSync(path.join(root, 'dist/built'), builtAt, builtAt)
    for (const [file, at] of Object.entries(sources)) {
      writeFileSync(path.join(root, 'scripts', file), '\n')
      utimesSync(path.join(root, 'scripts', file), at, at)
    }
    return root
  }

  it('holds only while dist/ is at least as new as every TypeScript and JavaScript source', () => {
    expect(compiledIsFresh(toolFolder(2_000_000, { 'cli.ts': 1_000_000, 'parse/markdown-worker.js': 1_000_000 }))).toBe(true)
    expect(compiledIsFresh(toolFolder(2_000_000, { 'cli.ts': 3_000_000, 'parse/markdown-worker.js': 1_000_000 }))).toBe(false)
    // The parse worker is plain JavaScript, compiled into dist/ too: an edit of it must not be hidden behind the bundle.
    expect(compiledIsFresh(toolFolder(2_000_000, { 'cli.ts': 1_000_000, 'parse/markdown-worker.js': 3_000_000 }))).toBe(false)
    // Other files are not sources.
    expect(compiledIsFresh(toolFolder(2_000_000, { 'cli.ts': 1_000_000, 'parse/notes.md': 3_000_000 }))).toBe(true)
    expect(compiledIsFresh(toolFolder(2_000_000, {}).concat('/missing'))).toBe(false)
  })

  it('holds only while dist/ is at least as new as the packages npm last installed, which are bundled into it', () => {
    const installed = (at: number) => {
      const root = toolFolder(2_000_000, { 'cli.ts': 1_000_000 })
      mkdirSync(path.join(root, 'node_modules'))
      writeFileSync(path.join(root, 'node_modules/.package-lock.json'), '{}\n')
      utimesSync(path.join(root, 'node_modules/.package-lock.json'), at, at)
      return root
    }
    expect(compiledIsFresh(installed(1_500_000))).toBe(true)
    expect(compiledIsFresh(installed(2_000_000))).toBe(true)
    expect(compiledIsFresh(installed(2_500_000))).toBe(false)
  })
})

describe('the parse worker file the running code uses', () => {
  it('is the bundle in dist/ while dist/ is fresh, else the worker source, and exists', async () => {
    const { markdownWorkerFile } = await import('../../scripts/parse/worker-file.ts')
    // The tests run the TypeScript sources, so the choice follows dist/'s freshness.
    const expected = path.join(repoRoot, compiledIsFresh(repoRoot) ? 'dist/markdown-worker.js' : 'scripts/parse/markdown-worker.js')
    expect(markdownWorkerFile()).toBe(expected)
    // Decided once: asked again, the same file.
    expect(markdownWorkerFile()).toBe(expected)
    expect(readFileSync(expected, 'utf8')).toContain('workerData')
  })
})

describe('the Node options a parse worker starts with', () => {
  it('are the process’s without its preloaded modules, loaders and command-line code, each with its value', () => {
    const given = ['--import', 'tsx', '--max-old-space-size=512', '--import=./a.mjs', '-r', 'ts-node/register', '--require=b', '--loader', 'c', '--experimental-loader=d', '--enable-source-maps', '--input-type=module', '-e', 'code', '-p', '1', '--conditions', 'development']
    expect(workerExecArgv(given)).toEqual(['--max-old-space-size=512', '--enable-source-maps', '--conditions', 'development'])
    expect(workerExecArgv([])).toEqual([])
  })

  it('leave tsx and other preloaded modules to the main thread: the bounded parser’s worker parses without loading them', () => {
    // Run from the sources, as the bench and a stale dist/ do: tsx, and a module that says which thread loaded it.
    const code = [
      "const { BoundedParser } = await import('./scripts/parse/bounded.ts')",
      "const { ParseBudget } = await import('./scripts/parse/budget.ts')",
      'const parser = new BoundedParser()',
      "const [tree] = await parser.parseAll(['# Heading'], new ParseBudget({ seconds: 1e6, memoryMb: 256 }))",
      'parser.close()',
      'console.log(tree.children[0].type)',
    ].join('\n')
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', path.join(fixtures, 'workers/announce.mjs'), '--input-type=module', '-e', code], { cwd: repoRoot, encoding: 'utf8', timeout: HANG_MS })
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: 'heading\n', stderr: 'preloaded in the main thread\n' })
  })
})

describe('starting a worker thread with the process’s Node options', () => {
  /** What a worker started by startWorkerThread with these options was given, from the worker itself. */
  async function workerArgv(given: readonly string[]): Promise<string[]> {
    const worker = startWorkerThread("require('node:worker_threads').parentPort.postMessage(process.execArgv)", { eval: true }, given)
    const [argv] = (await once(worker, 'message')) as [string[]]
    await worker.terminate()
    return argv
  }

  it('leaves out the options Node refuses for a thread (V8’s own, the process title), keeping the rest', async () => {
    expect(await workerArgv(['--expose-gc', '--enable-source-maps', '--trace-gc', '--conditions', 'development', '--max-old-space-size=3000'])).toEqual(['--enable-source-maps', '--conditions', 'development'])
    // Node names a refused option written apart from its value, and stops reading at the value left alone.
    expect(await workerArgv(['--title', 'x', '--trace-gc', '--trace-warnings'])).toEqual(['--trace-warnings'])
    expect(await workerArgv(['--import', 'tsx', '--enable-source-maps'])).toEqual(['--enable-source-maps'])
    expect(await workerArgv([])).toEqual([])
  })

  it('drops exactly the options Node names, each with its value, and all of them when it names a fault instead', () => {
    const given = ['--title', 'x', '--trace-gc', '--title=y', '--expose-gc', '--enable-source-maps']
    expect(withoutRefused(given, 'Initiated Worker with invalid execArgv flags: --title, --expose-gc')).toEqual(['--trace-gc', '--title=y', '--enable-source-maps'])
    expect(withoutRefused(given, 'Initiated Worker with invalid execArgv flags: --trace-gc, --title=y')).toEqual(['--title', 'x', '--expose-gc', '--enable-source-maps'])
    // The last option, or one followed by another option, has no value to drop.
    expect(withoutRefused(['--enable-source-maps', '--title'], 'Initiated Worker with invalid execArgv flags: --title')).toEqual(['--enable-source-maps'])
    expect(withoutRefused(['--title', '--enable-source-maps'], 'Initiated Worker with invalid execArgv flags: --title')).toEqual(['--enable-source-maps'])
    expect(withoutRefused(['--conditions', '--enable-source-maps'], 'Initiated Worker with invalid execArgv flags: --conditions requires an argument')).toEqual([])
  })

  it('passes on any other failure to start', () => {
    expect(() => startWorkerThread('not-a-path.mjs', {}, ['--expose-gc'])).toThrow(expect.objectContaining({ code: 'ERR_WORKER_PATH' }))
  })
})
