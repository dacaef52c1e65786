import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { CheckedFramework, CheckResult } from '../check/index.ts'
import { writeOutput } from '../generate/writer.ts'
import { findFrameworkFolders } from '../parse/index.ts'
import { displayPath, sourcesOf } from '../parse/read.ts'
import { plural, reportInput, type ReportInput } from '../report/input.ts'
import { assemble, renderAssets, renderFramework, renderHome } from '../site/index.ts'
import { compareStrings } from '../shared/text.ts'
import { serveSite, type DevServer } from './server.ts'
import { DevSession, type RecheckResult } from './session.ts'
import { watchTree, type TreeWatcher } from './watch.ts'

export interface DevOptions {
  /** What to watch and check, as for `thresholds check` (default sources/). */
  paths: readonly string[]
  cwd: string
  host: string
  /** 0 picks a free port. */
  port: number
  /** Where the site is written as well as served (default generated/site). */
  outDir: string
  today?: string
  /** The command's environment (THRESHOLDS_TODAY, THRESHOLDS_WORKERS, the parse budget's settings). */
  env?: Readonly<Record<string, string | undefined>>
  /** Wait this long after a change for more changes, so one save that touches several files is one rebuild. */
  settleMs?: number
  /** Prints a check report for people. */
  report(input: ReportInput): void
  /** Prints one line of progress. */
  log(line: string): void
}

export interface DevHandle {
  url: string
  session: DevSession
  server: DevServer
  /** Resolves after each change has been checked and the site rebuilt (for tests). */
  settled(): Promise<void>
  close(): Promise<void>
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8)
}

/**
 * `thresholds dev`: checks the sources, builds the site in memory and in generated/site, serves
 * it on localhost, and on every save re-checks only what the change affects, prints fresh
 * problems, rebuilds that framework's pages and tells open pages to reload.
 */
export async function startDev(options: DevOptions): Promise<DevHandle> {
  const session = new DevSession({ paths: options.paths, cwd: options.cwd, today: options.today, env: options.env })
  const pages = new Map<string, Map<string, string>>()
  let site = new Map<string, string>()
  let lastProblems: { errors: number; message: string } = { errors: 0, message: '' }
  const shownOut = displayPath(options.outDir, options.cwd)

  const describe = (result: CheckResult<CheckedFramework>) => `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`

  /** Re-renders the frameworks read again; writes and announces the site if the check passed. */
  const rebuild = (change: RecheckResult, server: DevServer | undefined): void => {
    const result = change.result
    if (result.errors > 0) {
      lastProblems = { errors: result.errors, message: `The sources have ${plural(result.errors, 'error')}: this preview shows the last version without errors. The terminal says what to fix.` }
      server?.send('problems', lastProblems)
      options.log(`${clock()} Preview not updated: fix the ${plural(result.errors, 'error')} above first.`)
      return
    }
    const start = performance.now()
    const frameworks = result.contexts.map((context) => context.framework)
    const ids = new Set(frameworks.map((framework) => framework.id))
    for (const id of [...pages.keys()]) if (!ids.has(id)) pages.delete(id)
    for (const framework of frameworks) if (change.reparsed.includes(framework.id) || !pages.has(framework.id)) pages.set(framework.id, renderFramework(framework))
    const next = assemble(renderHome(frameworks), renderAssets(), ...[...pages.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, files]) => files))
    const changed = [...next].filter(([file, text]) => site.get(file) !== text).length + [...site.keys()].filter((file) => !next.has(file)).length
    site = next
    let note = ''
    try {
      writeOutput(options.outDir, site, { kind: 'site', shown: shownOut })
    } catch (error) {
      note = ` (could not write ${shownOut}/: ${error instanceof Error ? error.message : String(error)})`
    }
    const wasBroken = lastProblems.errors > 0
    lastProblems = { errors: 0, message: '' }
    if (server) {
      if (wasBroken) server.send('problems', lastProblems)
      if (changed || wasBroken) server.send('reload', { pages: changed })
    }
    options.log(`${clock()} Preview ${server ? 'updated' : 'built'}: ${plural(changed, 'file')} changed in ${Math.round(performance.now() - start)} ms${note}.`)
  }

  const reportOf = (change: RecheckResult): ReportInput => {
    const contexts = change.result.contexts.filter((context) => change.rechecked.includes(context.framework.id))
    const vfiles = new Set(contexts.flatMap((context) => sourcesOf(context.folder).map((source) => source.vfile)))
    const paths = new Set([...vfiles].map((vfile) => vfile.path))
    return reportInput({ contexts, files: change.result.files.filter((file) => vfiles.has(file)), suppressed: change.result.suppressed.filter((entry) => paths.has(entry.file)) })
  }

  const summary = (change: RecheckResult) =>
    `${clock()} Checked ${change.rechecked.join(', ') || 'nothing'} in ${Math.round(change.timings.total)} ms: ${describe(change.result)}${change.removed.length ? `; ${change.removed.join(', ')} removed` : ''}.`

  options.log(`${clock()} Checking ${options.paths.length ? options.paths.join(', ') : 'sources'} …`)
  const first = await session.open()
  options.report(reportOf(first))
  options.log(summary(first))
  rebuild(first, undefined)

  const server = await serveSite({
    host: options.host,
    port: options.port,
    files: () => site,
    greeting: () => (lastProblems.errors > 0 ? { event: 'problems', data: lastProblems } : undefined),
  })

  // Watch what was asked for: folders as they are, a file through its framework folder.
  const roots = new Set<string>()
  for (const given of options.paths.length ? options.paths : ['sources']) {
    const absolute = path.resolve(options.cwd, given)
    if (existsSync(absolute) && statSync(absolute).isDirectory()) roots.add(absolute)
    else for (const folder of findFrameworkFolders([given], options.cwd)) roots.add(folder)
  }
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let waiting: Array<() => void> = []
  // One re-check at a time: changes saved while one runs wait for the next.
  let checking: Promise<void> | undefined
  const recheckPending = async () => {
    const changed = [...pending].sort(compareStrings)
    pending.clear()
    try {
      options.log(`${clock()} Changed ${changed.map((file) => displayPath(file, options.cwd)).join(', ')}`)
      const change = await session.recheck(changed)
      options.report(reportOf(change))
      options.log(summary(change))
      rebuild(change, server)
    } catch (error) {
      options.log(`${clock()} Preview not updated: Thresholds failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`)
    }
  }
  const flush = () => {
    timer = undefined
    if (checking) return
    checking = (async () => {
      while (pending.size) await recheckPending()
      checking = undefined
      // A change saved since is still settling: its own flush tells the waiters.
      if (timer) return
      const done = waiting
      waiting = []
      for (const resolve of done) resolve()
    })()
  }
  const watchers: TreeWatcher[] = [...roots].map((root) =>
    watchTree(root, (file) => {
      pending.add(file)
      if (timer) clearTimeout(timer)
      timer = setTimeout(flush, options.settleMs ?? 40)
    }),
  )

  // Said once every folder is watched, so an edit made on seeing it is never missed.
  options.log(`${clock()} Preview: ${server.url} (Ctrl-C to stop)`)
  return {
    url: server.url,
    session,
    server,
    settled: () => (timer || pending.size || checking ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
    async close() {
      if (timer) clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      session.close()
      await server.close()
      for (const resolve of waiting) resolve()
    },
  }
}
