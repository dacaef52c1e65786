import { writeOutput } from '../generate/writer.ts'
import { renderSite } from '../site/index.ts'
import { cacheOptions, checkBeforeWriting, checkFolders, contentCache, frameworkFolders, parse, reportWritten, writerSettings } from './commands.ts'
import type { Io } from './run.ts'

export const siteHelp = `Usage: thresholds site [paths...] [options]

Checks the frameworks, then writes a static website for them to generated/site/: a home page,
and per framework its levels (what to do, contacts, consent), domains and indicators, a page to
find an indicator, the decision-making matrix, contacts, links and narrative pages. It needs no
server: open generated/site/index.html, or publish the folder as it is. If any error is found
nothing is written. The same sources always give the same files.

Options:
  --out <dir>        Output folder (default generated/site)
  --format <name>    How to report the check: text (default), json, github, sarif or junit
  --quiet            Report errors only
  --max-warnings <n> Write nothing and exit 1 when there are more than n warnings
  --no-cache         Read and check every framework, without the content cache
  -h, --help         Show this help

Preview while you edit, with reload on every save: thresholds dev

Exit codes: 0 written (or up to date), 1 errors found or too many warnings, 2 usage or internal failure.
`

export async function siteCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    out: { type: 'string' },
    ...cacheOptions,
  } as const)
  if (values.help) {
    io.stdout(siteHelp)
    return 0
  }
  const { settings, maxWarnings, outDir, shownOut } = writerSettings(values, 'generated/site', io)
  const result = await checkBeforeWriting(await checkFolders(frameworkFolders(positionals, io), io, {}, contentCache(values, io)), settings, maxWarnings, shownOut, io)
  if (typeof result === 'number') return result
  const files = renderSite(result.contexts.map((parsed) => parsed.framework))
  reportWritten(writeOutput(outDir, files), shownOut, io, ` Open ${shownOut}/index.html in a browser.`)
  return 0
}
